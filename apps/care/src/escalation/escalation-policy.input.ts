import { IsUUID } from 'class-validator';
import { Field, ID, InputType, Int } from 'type-graphql';

@InputType('EscalationLevelInput')
export class EscalationLevelInput {
  @Field(() => Int, { description: '0, 1, 2, ... in firing order' }) level!: number;
  @Field(() => Int, { description: 'From due; negative = before due' }) offset!: number;
  @Field(() => String, { description: 'CALENDAR_MINUTES, BUSINESS_MINUTES or BUSINESS_DAYS' }) basis!: string;
  @Field(() => [String], { description: 'OWNER, TEAM_LEAD, CENTER_MANAGER, ROLE:<ROLE>' })
  recipients!: string[];
  @Field(() => String, { description: 'NOTIFY, REASSIGN_TO_TEAM, RAISE_PRIORITY, FLAG_COMPLAINT_RISK' })
  action!: string;
}

@InputType('SetEscalationPolicyInput')
export class SetEscalationPolicyInput {
  @Field(() => ID, { description: "staff's Center id" })
  @IsUUID('all', { message: 'must be a center id' })
  centerId!: string;
  @Field(() => String, { defaultValue: '*', description: "A case type, or '*' for any" }) caseType!: string;
  @Field(() => String, { defaultValue: '*', description: "A priority, or '*' for any" }) priority!: string;
  @Field(() => String, { defaultValue: '*', description: "A customer segment, or '*' for any" })
  segment!: string;
  @Field(() => String) code!: string;
  @Field(() => [EscalationLevelInput]) levels!: EscalationLevelInput[];
}
