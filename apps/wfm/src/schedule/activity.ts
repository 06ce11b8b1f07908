import { ACTIVITY_KINDS, DEFAULT_ACTIVITY_RULES, type ActivityKind } from '@switchboard/metrics';
import { Field, ObjectType, registerEnumType } from 'type-graphql';

export const ActivityKindEnum = Object.fromEntries(ACTIVITY_KINDS.map((k) => [k, k])) as {
  [K in ActivityKind]: K;
};
registerEnumType(ActivityKindEnum, { name: 'ActivityKind', description: 'What a schedule segment is for' });

export function isActivity(value: string): value is ActivityKind {
  return (ACTIVITY_KINDS as readonly string[]).includes(value);
}

@ObjectType('ActivityCode', {
  description: "A schedule activity and the agent states (traffic's) that are adherent during it",
})
export class ActivityCodeType {
  @Field(() => ActivityKindEnum) code!: ActivityKind;
  @Field(() => Boolean, { description: 'On-queue time: counts towards conformance and coverage' })
  onQueue!: boolean;
  @Field(() => [String], {
    description: "traffic's agent states (AgentState) that count as adherent during this activity",
  })
  adherentStates!: string[];
}

/** The activity codes, as the formula library's default rules define them. */
export function activityCodes(): ActivityCodeType[] {
  return ACTIVITY_KINDS.map((code) =>
    Object.assign(new ActivityCodeType(), {
      code,
      onQueue: DEFAULT_ACTIVITY_RULES[code].onQueue,
      adherentStates: [...DEFAULT_ACTIVITY_RULES[code].adherentStates],
    }),
  );
}
