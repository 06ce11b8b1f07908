import { DateTimeISOResolver } from 'graphql-scalars';
import { Directive, Field, Float, ObjectType } from 'type-graphql';
import { AgentTrafficType } from '../agent-state/agent-traffic.type';
import { ChannelEnum, DirectionEnum, OutcomeEnum } from '../common/enums';
import type { Channel, Direction, Outcome } from './contact-record';

@ObjectType('Contact', {
  description:
    'One contact as the ACD reported it; other subgraphs (QA) reference it by source and externalId',
})
@Directive('@key(fields: "source externalId")')
export class ContactType {
  @Field(() => String) source!: string;
  @Field(() => String) externalId!: string;
  @Field(() => ChannelEnum) channel!: Channel;
  @Field(() => DirectionEnum) direction!: Direction;
  @Field(() => OutcomeEnum) outcome!: Outcome;
  @Field(() => String, { nullable: true, description: 'Code of the queue the contact reached' })
  queueCode!: string | null;
  @Field(() => AgentTrafficType, {
    nullable: true,
    description: 'The agent who handled it, by employee number',
  })
  agent!: AgentTrafficType | null;
  @Field(() => String, {
    nullable: true,
    description: "The customer's pseudonymous key as the ACD gave it (care's Customer.customerKey)",
  })
  customerKey!: string | null;
  @Field(() => DateTimeISOResolver) arrivedAt!: Date;
  @Field(() => DateTimeISOResolver, { nullable: true }) answeredAt!: Date | null;
  @Field(() => DateTimeISOResolver) endedAt!: Date;
  @Field(() => Float) holdSeconds!: number;
  @Field(() => Float) acwSeconds!: number;
  @Field(() => Boolean) transferred!: boolean;
  @Field(() => String, { nullable: true }) wrapupCode!: string | null;
}
