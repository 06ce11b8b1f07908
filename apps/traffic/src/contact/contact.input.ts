import { IsOptional, Length, Max, Min } from 'class-validator';
import { DateTimeISOResolver } from 'graphql-scalars';
import { Field, Float, InputType, Int, ObjectType } from 'type-graphql';
import { ChannelEnum, DirectionEnum, OutcomeEnum } from '../common/enums';
import type { Channel, ContactRecord, Direction, Outcome } from './contact-record';

export const MAX_CONTACTS_PER_MUTATION = 10_000;

@InputType({ description: 'A canonical contact record (DESIGN.md); (source, externalId) is its natural key' })
export class ContactInput {
  @Field(() => String) @Length(1, 200) source!: string;
  @Field(() => String) @Length(1, 200) externalId!: string;
  @Field(() => ChannelEnum) channel!: Channel;
  @Field(() => DirectionEnum, { defaultValue: 'INBOUND' }) direction!: Direction;
  @Field(() => String, { nullable: true, description: 'Queue code; created on first sight' })
  @IsOptional()
  @Length(1, 200)
  queue?: string | null;
  @Field(() => String, { nullable: true, description: 'Employee number' })
  @IsOptional()
  @Length(1, 200)
  agent?: string | null;
  @Field(() => String, { nullable: true }) @IsOptional() @Length(1, 200) customerKey?: string | null;
  @Field(() => DateTimeISOResolver) arrivedAt!: Date;
  @Field(() => DateTimeISOResolver, { nullable: true }) answeredAt?: Date | null;
  @Field(() => DateTimeISOResolver) endedAt!: Date;
  @Field(() => Float, { defaultValue: 0 }) @Min(0) @Max(604_800) holdSeconds!: number;
  @Field(() => Float, { defaultValue: 0 }) @Min(0) @Max(604_800) acwSeconds!: number;
  @Field(() => OutcomeEnum) outcome!: Outcome;
  @Field(() => Boolean, { defaultValue: false }) transferred!: boolean;
  @Field(() => String, { nullable: true }) @IsOptional() @Length(1, 200) wrapupCode?: string | null;
}

export function toContactRecord(input: ContactInput): ContactRecord {
  return {
    source: input.source,
    externalId: input.externalId,
    channel: input.channel,
    direction: input.direction,
    queue: input.queue ?? null,
    agent: input.agent ?? null,
    customerKey: input.customerKey ?? null,
    arrivedAt: input.arrivedAt,
    answeredAt: input.answeredAt ?? null,
    endedAt: input.endedAt,
    holdSeconds: input.holdSeconds,
    acwSeconds: input.acwSeconds,
    outcome: input.outcome,
    transferred: input.transferred,
    wrapupCode: input.wrapupCode ?? null,
  };
}

@ObjectType('IngestProblem', { description: 'Why one record was set aside' })
export class IngestProblemType {
  @Field(() => Int, { description: 'Position of the record (1-based) or line of the file' }) line!: number;
  @Field(() => String) field!: string;
  @Field(() => String) reason!: string;
}

@ObjectType('IngestReport')
export class IngestReportType {
  @Field(() => Int) received!: number;
  @Field(() => Int) inserted!: number;
  @Field(() => Int, { description: 'Already stored (same source and externalId): skipped' })
  duplicates!: number;
  @Field(() => Int) rejected!: number;
  @Field(() => Int, {
    description:
      'Contacts with a customer key stored without its segment: care did not answer for their batch (duplicates included); they count as STANDARD',
  })
  unsegmented!: number;
  @Field(() => [IngestProblemType]) problems!: IngestProblemType[];
}
