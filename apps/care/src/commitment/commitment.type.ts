import { Directive, Field, ID, Int, ObjectType } from 'type-graphql';

@ObjectType('Commitment', { description: 'A follow-up promise made to a customer on a contact' })
@Directive('@key(fields: "id")')
export class CommitmentType {
  @Field(() => ID) id!: string;
  @Field(() => String) clientKey!: string;
  @Field(() => ID) centerId!: string;
  @Field(() => ID, { nullable: true }) teamId!: string | null;
  @Field(() => String, { description: 'The promiser (employee number)' }) ownerEmployeeNo!: string;
  @Field(() => String) customerKey!: string;
  @Field(() => String) contactSource!: string;
  @Field(() => String) contactExternalId!: string;
  @Field(() => ID, { nullable: true }) caseId!: string | null;
  @Field(() => String) kind!: string;
  @Field(() => String) channel!: string;
  @Field(() => Date) madeAt!: Date;
  @Field(() => Date) dueAt!: Date;
  @Field(() => String) dueBasis!: string;
  @Field(() => Int) graceMinutes!: number;
  @Field(() => String, { description: 'OPEN, FULFILLED, FULFILLED_LATE, BROKEN as of now (METRICS.md)' })
  status!: string;
  @Field(() => Date, { nullable: true }) fulfilledAt!: Date | null;
  @Field(() => String, { nullable: true }) fulfilmentEvidence!: string | null;
  @Field(() => Int) version!: number;
  /** The priority it was made with (the ladder may raise it: the priority field) */
  basePriority!: string;
}

@ObjectType('CommitmentEvent', { description: "A change on a commitment's log (append-only)" })
export class CommitmentEventType {
  @Field(() => String, { description: 'REASSIGNED' }) kind!: string;
  @Field(() => Date) at!: Date;
  @Field(() => String, { description: 'Who made the change' }) actor!: string;
  @Field(() => String) fromOwner!: string;
  @Field(() => String) toOwner!: string;
  @Field(() => ID, { nullable: true }) fromTeamId!: string | null;
  @Field(() => ID, { nullable: true }) toTeamId!: string | null;
  @Field(() => String, { nullable: true }) reason!: string | null;
}
