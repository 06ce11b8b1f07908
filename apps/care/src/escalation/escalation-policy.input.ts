import { IsIn, IsUUID, Matches } from 'class-validator';
import { Text } from '../model/text';
import { Field, ID, InputType, Int } from 'type-graphql';
import { CASE_TYPES } from '../model/case';
import { SEGMENTS } from '../model/customer';

/** What a policy row is for: a value of the dimension, or '*' for any. */
const ANY = '*';
const oneOf = (values: readonly string[]) => ({ message: `must be ${ANY} or one of ${values.join(', ')}` });
/** A case's priority, 1 (highest) to 4, as the policy's text. */
export const POLICY_PRIORITIES = ['1', '2', '3', '4'] as const;

@InputType('EscalationLevelInput')
export class EscalationLevelInput {
  @Field(() => Int, { description: '0, 1, 2, ... in firing order' }) level!: number;
  @Field(() => Int, {
    description:
      'From due; negative = before due (at most a year of minutes, or 365 business days, either way)',
  })
  offset!: number;
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
  @Field(() => String, { defaultValue: ANY, description: "A case type, or '*' for any" })
  @IsIn([ANY, ...CASE_TYPES], oneOf(CASE_TYPES))
  caseType!: string;
  @Field(() => String, { defaultValue: ANY, description: "A priority (1 to 4), or '*' for any" })
  @IsIn([ANY, ...POLICY_PRIORITIES], oneOf(POLICY_PRIORITIES))
  priority!: string;
  @Field(() => String, { defaultValue: ANY, description: "A customer segment, or '*' for any" })
  @IsIn([ANY, ...SEGMENTS], oneOf(SEGMENTS))
  segment!: string;
  @Field(() => String, { description: 'Upper-case letters, digits, dashes and underscores; 1 to 50' })
  @Text(50)
  @Matches(/^[A-Z0-9][A-Z0-9_-]*$/, { message: 'must be upper-case letters, digits, dashes and underscores' })
  code!: string;
  @Field(() => [EscalationLevelInput]) levels!: EscalationLevelInput[];
}
