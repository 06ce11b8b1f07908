import { Field, ID, Int, ObjectType } from 'type-graphql';

@ObjectType('EscalationLevel')
export class EscalationLevelType {
  @Field(() => Int) level!: number;
  @Field(() => Int) offset!: number;
  @Field(() => String) basis!: string;
  @Field(() => [String]) recipients!: string[];
  @Field(() => String) action!: string;
}

@ObjectType('EscalationPolicy', { description: "A center's escalation ladder (DEFAULT: issue 18's)" })
export class EscalationPolicyType {
  @Field(() => ID) centerId!: string;
  @Field(() => String) caseType!: string;
  @Field(() => String) priority!: string;
  @Field(() => String) segment!: string;
  @Field(() => String) code!: string;
  @Field(() => [EscalationLevelType]) levels!: EscalationLevelType[];
}
