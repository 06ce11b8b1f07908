import { IsIn, IsInt, IsOptional, IsUUID, Matches, Min } from 'class-validator';
import { Text } from '../model/text';
import { Field, ID, InputType, Int } from 'type-graphql';
import { COMPLAINT_OUTCOMES } from '@switchboard/metrics';
import {
  COMPLAINT_AXES,
  COMPLAINT_SEVERITIES,
  COMPLAINT_SOURCES,
  FOLLOW_UP_SATISFACTIONS,
} from './complaint.entity';
import {
  ComplaintAxisEnum,
  ComplaintDeadlineBasisEnum,
  ComplaintOutcomeEnum,
  ComplaintSeverityEnum,
  ComplaintSourceEnum,
  FollowUpSatisfactionEnum,
} from './complaint.type';

const oneOf = (values: readonly string[]) => ({ message: `must be one of ${values.join(', ')}` });
const CODE = /^[A-Z0-9][A-Z0-9._-]{0,39}$/;
const CODE_MESSAGE = { message: 'must be an upper-case code (letters, digits, . _ -), up to 40 characters' };

@InputType('RegisterComplaintInput')
export class RegisterComplaintInput {
  @Field(() => ID, { description: 'The case (of any type: another type becomes COMPLAINT)' })
  @IsUUID('all', { message: 'must be a case id' })
  caseId!: string;

  @Field(() => Int, { description: "The case's version (optimistic lock)" })
  @IsInt({ message: 'must be a version' })
  @Min(1, { message: 'must be a version' })
  expectedVersion!: number;

  @Field(() => Date, { description: 'When the bank received it (not in the future): the clock starts here' })
  receivedAt!: Date;

  @Field(() => String, { description: 'Axis A code of the current code list' })
  @Matches(CODE, CODE_MESSAGE)
  channelCode!: string;

  @Field(() => String, { description: 'Axis B code' })
  @Matches(CODE, CODE_MESSAGE)
  businessCode!: string;

  @Field(() => String, { description: 'Axis C code' })
  @Matches(CODE, CODE_MESSAGE)
  reasonCode!: string;

  @Field(() => String, { nullable: true, description: "The product concerned (the bank's code)" })
  @IsOptional()
  @Matches(CODE, CODE_MESSAGE)
  productCode?: string | null;

  @Field(() => ComplaintSeverityEnum, { defaultValue: 'NORMAL' })
  @IsIn(COMPLAINT_SEVERITIES as unknown as string[], oneOf(COMPLAINT_SEVERITIES))
  severity!: string;

  @Field(() => ComplaintSourceEnum, { defaultValue: 'DIRECT' })
  @IsIn(COMPLAINT_SOURCES as unknown as string[], oneOf(COMPLAINT_SOURCES))
  source!: string;

  @Field(() => String, {
    nullable: true,
    description: "The complained-about agent's employee number (staff)",
  })
  @IsOptional()
  @Text(50)
  subjectAgentNo?: string | null;

  @Field(() => String, { description: "The handler's employee number (staff); never the subject" })
  @Text(50)
  handlerAgentNo!: string;

  @Field(() => String, { nullable: true, description: "The customer's words (PII), up to 4000 characters" })
  @IsOptional()
  @Text(4000)
  verbatim?: string | null;
}

@InputType('ExtendComplaintInput', { description: 'A center manager approves a longer clock, with a reason' })
export class ExtendComplaintInput {
  @Field(() => ID) @IsUUID('all', { message: 'must be a case id' }) caseId!: string;

  @Field(() => Int)
  @IsInt({ message: 'must be a version' })
  @Min(1, { message: 'must be a version' })
  expectedVersion!: number;

  @Field(() => ComplaintDeadlineBasisEnum, { description: 'EXTENDED_30 or EXTENDED_60' })
  @IsIn(['EXTENDED_30', 'EXTENDED_60'], { message: 'must be EXTENDED_30 or EXTENDED_60' })
  basis!: string;

  @Field(() => String, { description: 'Why (1 to 2000 characters)' })
  @Text(2000)
  reason!: string;
}

@InputType('DecideComplaintInput', { description: 'The decision (or withdrawal) that stops the clock' })
export class DecideComplaintInput {
  @Field(() => ID) @IsUUID('all', { message: 'must be a case id' }) caseId!: string;

  @Field(() => Int)
  @IsInt({ message: 'must be a version' })
  @Min(1, { message: 'must be a version' })
  expectedVersion!: number;

  @Field(() => ComplaintOutcomeEnum)
  @IsIn(COMPLAINT_OUTCOMES as unknown as string[], oneOf(COMPLAINT_OUTCOMES))
  outcome!: string;

  @Field(() => Date, {
    nullable: true,
    description: 'When decided (default now; not before receipt, not future)',
  })
  decidedAt?: Date | null;

  @Field(() => Date, { nullable: true, description: 'When the customer was told' })
  customerInformedAt?: Date | null;

  @Field(() => String, { nullable: true, description: 'The remedy given, up to 2000 characters' })
  @IsOptional()
  @Text(2000)
  remedy?: string | null;

  @Field(() => String, { nullable: true, description: 'Exact decimal, at most 2 places, e.g. "200.00"' })
  @IsOptional()
  @Matches(/^\d{1,16}(\.\d{1,2})?$/, { message: 'must be a non-negative amount with at most 2 decimals' })
  remedyAmount?: string | null;

  @Field(() => String, { nullable: true, description: 'ISO 4217 (default CNY)' })
  @IsOptional()
  @Matches(/^[A-Z]{3}$/, { message: 'must be an ISO 4217 code such as CNY' })
  remedyCurrency?: string | null;

  @Field(() => String, { nullable: true, description: 'Root cause (溯源), up to 2000 characters' })
  @IsOptional()
  @Text(2000)
  rootCause?: string | null;

  @Field(() => String, { nullable: true, description: 'Corrective action (整改), up to 2000 characters' })
  @IsOptional()
  @Text(2000)
  correctiveAction?: string | null;

  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD, with a corrective action' })
  @IsOptional()
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'must be a date YYYY-MM-DD' })
  correctiveActionDue?: string | null;
}

@InputType('ChangeComplaintInput', { description: 'Fields left out stay as they are' })
export class ChangeComplaintInput {
  @Field(() => String, { nullable: true, description: "A new handler's employee number (never the subject)" })
  @IsOptional()
  @Text(50)
  handlerAgentNo?: string | null;

  @Field(() => Date, { nullable: true, description: 'The corrective action was done (not in the future)' })
  correctiveActionDoneAt?: Date | null;

  @Field(() => FollowUpSatisfactionEnum, { nullable: true, description: 'After the decision' })
  @IsOptional()
  @IsIn(FOLLOW_UP_SATISFACTIONS as unknown as string[], oneOf(FOLLOW_UP_SATISFACTIONS))
  followUpSatisfaction?: string | null;
}

@InputType('AddComplaintCodeInput', {
  description: "A bank's own code: makes a new version of the code lists",
})
export class AddComplaintCodeInput {
  @Field(() => ComplaintAxisEnum)
  @IsIn(COMPLAINT_AXES as unknown as string[], oneOf(COMPLAINT_AXES))
  axis!: string;

  @Field(() => String) @Matches(CODE, CODE_MESSAGE) code!: string;

  @Field(() => String, { description: 'A code of the same axis in the current version (e.g. C99, other)' })
  @Matches(CODE, CODE_MESSAGE)
  parentCode!: string;

  @Field(() => String) @Text(200) nameZh!: string;
  @Field(() => String) @Text(200) nameEn!: string;
}

@InputType('ComplaintFilter')
export class ComplaintFilterInput {
  @Field(() => [ID], { nullable: true })
  @IsOptional()
  @IsUUID('all', { each: true, message: 'must be center ids' })
  centerIds?: string[] | null;
  @Field(() => Date, { nullable: true, description: 'Received from (inclusive)' }) receivedFrom?: Date | null;
  @Field(() => Date, { nullable: true, description: 'Received before (exclusive)' }) receivedTo?: Date | null;
  @Field(() => Boolean, { nullable: true, description: 'Only open (true) or closed (false) ones' })
  open?: boolean | null;
  @Field(() => Boolean, { nullable: true, description: 'Only open ones past their deadline' }) overdue?:
    | boolean
    | null;
}
