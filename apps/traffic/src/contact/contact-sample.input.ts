import { ArrayMaxSize, IsOptional, Length, Max, Min } from 'class-validator';
import { DateTimeISOResolver } from 'graphql-scalars';
import { Field, InputType, Int } from 'type-graphql';
import { ChannelEnum } from '../common/enums';
import type { Channel } from './contact-record';

@InputType({ description: 'Which answered contacts to draw from, and how many per agent' })
export class ContactSampleInput {
  @Field(() => DateTimeISOResolver, { description: 'Arrival from (inclusive)' }) from!: Date;
  @Field(() => DateTimeISOResolver, { description: 'Arrival to (exclusive)' }) to!: Date;

  @Field(() => Int, { description: 'Contacts drawn per agent (fewer when the agent has fewer)' })
  @Min(1)
  @Max(100)
  perAgent!: number;

  @Field(() => String, { description: 'The same seed and filter draw the same contacts' })
  @Length(1, 200)
  seed!: string;

  @Field(() => [String], { nullable: true, description: 'Only these agents (employee numbers)' })
  @IsOptional()
  @ArrayMaxSize(5000)
  employeeNos?: string[] | null;

  @Field(() => [String], { nullable: true, description: 'Only contacts of these queues (codes)' })
  @IsOptional()
  @ArrayMaxSize(500)
  queueCodes?: string[] | null;

  @Field(() => [ChannelEnum], { nullable: true })
  @IsOptional()
  channels?: Channel[] | null;
}
