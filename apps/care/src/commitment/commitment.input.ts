import { IsOptional, IsUUID, Max, Min, ValidateNested } from 'class-validator';
import { Text } from '../model/text';
import { Field, ID, InputType, Int } from 'type-graphql';

@InputType('CommitmentContactInput', {
  description: 'The traffic contact the promise is made on (its natural key)',
})
export class CommitmentContactInput {
  @Field(() => String) @Text(200) source!: string;
  @Field(() => String) @Text(200) externalId!: string;
}

@InputType('MakeCommitmentInput')
export class MakeCommitmentInput {
  @Field(() => String, {
    description: 'Your idempotency key: the same key again returns the first commitment',
  })
  @Text(200)
  clientKey!: string;

  @Field(() => ID, { description: "staff's Center id: its business calendar and escalation policy apply" })
  @IsUUID('all', { message: 'must be a center id' })
  centerId!: string;

  @Field(() => CommitmentContactInput)
  @ValidateNested()
  contact!: CommitmentContactInput;

  @Field(() => String, { description: "The customer's pseudonymous key (the contact's)" })
  @Text(200)
  customerKey!: string;

  @Field(() => ID, { nullable: true, description: 'The case it belongs to' })
  caseId?: string | null;

  @Field(() => String, { description: 'CALL_BACK, SEND_INFO, RESOLVE, VISIT_BRANCH, PROMISE_TO_PAY' })
  kind!: string;

  @Field(() => String, { description: 'VOICE, SMS, WECHAT, APP, EMAIL' })
  channel!: string;

  @Field(() => Date, {
    nullable: true,
    description: 'Due at this instant... (exactly one of dueAt, dueInBusinessMinutes)',
  })
  dueAt?: Date | null;

  @Field(() => Int, {
    nullable: true,
    description: "...or this many business minutes from now on the center's calendar",
  })
  @Min(1, { message: 'must be at least 1' })
  @Max(525_600, { message: 'must be at most a year of minutes' })
  dueInBusinessMinutes?: number | null;

  @Field(() => Date, { nullable: true, description: 'Not to be kept before this' })
  windowStart?: Date | null;

  @Field(() => Int, { defaultValue: 0, description: 'Calendar minutes after due still on time' })
  @Min(0, { message: 'must not be negative' })
  @Max(1440, { message: 'must be at most a day' })
  graceMinutes!: number;
}

@InputType('FulfilCommitmentInput')
export class FulfilCommitmentInput {
  @Field(() => ID) id!: string;
  @Field(() => String, { description: 'What shows it was kept (a reference, a note)' })
  @Text(2000)
  evidence!: string;
}

@InputType('ReassignCommitmentInput')
export class ReassignCommitmentInput {
  @Field(() => ID) id!: string;
  @Field(() => String, { description: 'The agent who owns the follow-up from now on (employee number)' })
  @Text(50)
  ownerEmployeeNo!: string;
  @Field(() => Int, { description: 'The version you read (optimistic locking: CONFLICT if it moved)' })
  expectedVersion!: number;
  @Field(() => String, { nullable: true, description: 'Why (kept on the commitment log)' })
  @IsOptional()
  @Text(500)
  reason?: string | null;
}
