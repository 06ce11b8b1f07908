import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { ChannelEnum } from '../common/enums';
import type { Channel } from '../contact/contact-record';

@ObjectType('CostRate', {
  description:
    'A standard cost of one staffed hour of a center on a channel, from a date on (not a salary), for every agent or for one role and/or career level; each new rate is a new version, earlier days keep theirs',
})
export class CostRateType {
  @Field(() => ID) id!: string;
  @Field(() => ID, { description: "staff's Center" }) centerId!: string;
  @Field(() => String, { nullable: true, description: "staff's AgentRole it applies to; null: every role" })
  role!: string | null;
  @Field(() => Int, { nullable: true, description: 'Career level (1-10) it applies to; null: every level' })
  level!: number | null;
  @Field(() => ChannelEnum) channel!: Channel;
  @Field(() => String, { description: 'Per hour, exact decimal to the cent' }) perHour!: string;
  @Field(() => String) currency!: string;
  @Field(() => String, { description: 'First day it applies (YYYY-MM-DD, UTC)' }) validFrom!: string;
  @Field(() => String, { nullable: true, description: "The next version's first day; null while in force" })
  validUntil!: string | null;
}

@InputType('CostRateInput')
export class CostRateInput {
  @Field(() => ID, { description: "staff's Center (checked through the gateway)" }) centerId!: string;
  @Field(() => ChannelEnum) channel!: Channel;
  @Field(() => String, {
    nullable: true,
    description:
      "Only agents of this role (staff's AgentRole: AGENT, SENIOR_AGENT, TEAM_LEAD...); a more specific rate wins (METRICS.md)",
  })
  role?: string | null;
  @Field(() => Int, { nullable: true, description: 'Only agents of this career level (1-10)' }) level?:
    | number
    | null;
  @Field(() => String, { description: 'Per hour: a decimal ≥ 0 with at most 2 decimals, e.g. "85.00"' })
  perHour!: string;
  @Field(() => String, { nullable: true, description: 'ISO 4217; CNY unless given' }) currency?:
    | string
    | null;
  @Field(() => String, { description: 'First day it applies (YYYY-MM-DD)' }) validFrom!: string;
}
