import { DateTimeISOResolver } from 'graphql-scalars';
import { Directive, Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { CASE_STATES } from '@switchboard/metrics';
import { CASE_EVENT_KINDS, CASE_TYPES } from './case.entity';

export const CaseTypeEnum = Object.fromEntries(CASE_TYPES.map((t) => [t, t]));
registerEnumType(CaseTypeEnum, { name: 'CaseKind', description: 'What the customer came for' });
export const CaseStatusEnum = Object.fromEntries(CASE_STATES.map((s) => [s, s]));
registerEnumType(CaseStatusEnum, {
  name: 'CaseStatus',
  description: 'NEW → OPEN, PENDING_CUSTOMER, PENDING_INTERNAL, RESOLVED → CLOSED (final) or REOPENED',
});
export const CaseEventKindEnum = Object.fromEntries(CASE_EVENT_KINDS.map((s) => [s, s]));
registerEnumType(CaseEventKindEnum, { name: 'CaseEventKind' });

@ObjectType('CaseContactLink', { description: 'A traffic contact linked to the case (its natural key)' })
export class CaseContactType {
  @Field(() => String) source!: string;
  @Field(() => String) externalId!: string;
  @Field(() => String) channel!: string;
  @Field(() => String) direction!: string;
  @Field(() => DateTimeISOResolver) arrivedAt!: Date;
  @Field(() => String, { nullable: true, description: "The handling agent's employee number" })
  agentNo!: string | null;
  @Field(() => String, { nullable: true }) queueCode!: string | null;
}

@ObjectType('CaseEvent', { description: "One entry of a case's append-only history" })
export class CaseEventType {
  @Field(() => Int, { description: "1, 2, …: the case's version after it" }) seq!: number;
  @Field(() => DateTimeISOResolver) at!: Date;
  @Field(() => String, { description: 'Token subject of whoever did it' }) actor!: string;
  @Field(() => CaseEventKindEnum) kind!: string;
  @Field(() => String, { description: 'What changed, as JSON' }) payload!: string;
  caseId!: string;
}

@ObjectType('Case', { description: "A customer's case: the projection of its events" })
@Directive('@key(fields: "id")')
export class CaseType {
  @Field(() => ID) id!: string;
  @Field(() => String, { description: 'Human-readable number, e.g. C2026-000123' }) caseNo!: string;
  @Field(() => String) customerKey!: string;
  @Field(() => CaseTypeEnum) type!: string;
  @Field(() => String) categoryCode!: string;
  @Field(() => Int, { description: 'The category taxonomy version it was filed under' })
  taxonomyVersion!: number;
  @Field(() => String) title!: string;
  @Field(() => CaseStatusEnum) status!: string;
  @Field(() => Int, { description: '1 (highest) to 4' }) priority!: number;
  @Field(() => String, { nullable: true }) ownerAgentNo!: string | null;
  @Field(() => ID, { nullable: true, description: "staff's Team id" }) ownerTeamId!: string | null;
  @Field(() => String) ownerDepartment!: string;
  @Field(() => ID, { description: "staff's Center id" }) centerId!: string;
  @Field(() => DateTimeISOResolver) openedAt!: Date;
  @Field(() => DateTimeISOResolver, { nullable: true }) resolvedAt!: Date | null;
  @Field(() => DateTimeISOResolver, { nullable: true }) closedAt!: Date | null;
  @Field(() => Int) reopenCount!: number;
  @Field(() => Int, { description: 'Changes of the owning department (hand-offs, "bounces")' })
  handoffCount!: number;
  @Field(() => String, { description: 'Who opened it (token subject)' }) createdBy!: string;
  @Field(() => Int, { description: 'Optimistic lock: pass it back as expectedVersion with a change' })
  version!: number;
}
