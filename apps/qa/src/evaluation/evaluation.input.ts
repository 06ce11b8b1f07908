import { ArrayMaxSize, IsOptional, Length, Matches, ValidateNested } from 'class-validator';
import { DateTimeISOResolver } from 'graphql-scalars';
import { Field, ID, InputType, Int } from 'type-graphql';
import { ContactKeyInput } from '../common/contact-ref';
import { DisputeResolution, EvaluationStatus } from '../common/enums';
import { EMPLOYEE_NO_MESSAGE, EMPLOYEE_NO_PATTERN } from '../common/validation';

@InputType()
export class AnswerInput {
  @Field(() => String) @Length(1, 32) criterionKey!: string;

  @Field(() => Int, { nullable: true, description: 'YES_NO: 1 yes, 0 no; SCALE: 0..scaleMax; empty when na' })
  @IsOptional()
  value?: number | null;

  @Field(() => Boolean, {
    defaultValue: false,
    description: 'Not applicable (only where the criterion allows it)',
  })
  na!: boolean;

  @Field(() => String, { nullable: true }) @IsOptional() @Length(1, 2000) comment?: string | null;
}

@InputType()
export class CreateEvaluationInput {
  @Field(() => ID, { description: 'A PUBLISHED scorecard version' }) scorecardId!: string;

  @Field(() => String)
  @Matches(EMPLOYEE_NO_PATTERN, { message: `agentEmployeeNo ${EMPLOYEE_NO_MESSAGE}` })
  agentEmployeeNo!: string;

  @Field(() => String, {
    nullable: true,
    description: 'The caller when empty; only ADMIN may name another evaluator (and that is logged)',
  })
  @IsOptional()
  @Matches(EMPLOYEE_NO_PATTERN, { message: `evaluatorEmployeeNo ${EMPLOYEE_NO_MESSAGE}` })
  evaluatorEmployeeNo?: string | null;

  @Field(() => ContactKeyInput, { description: 'A contact traffic holds, handled by the agent' })
  @ValidateNested()
  contact!: ContactKeyInput;

  @Field(() => [AnswerInput], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(1000)
  @ValidateNested({ each: true })
  answers?: AnswerInput[] | null;

  @Field(() => String, { nullable: true }) @IsOptional() @Length(1, 4000) comment?: string | null;
}

@InputType({ description: "A draft's answers and comment (answers replace the stored ones when given)" })
export class UpdateEvaluationInput {
  @Field(() => [AnswerInput], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(1000)
  @ValidateNested({ each: true })
  answers?: AnswerInput[] | null;

  @Field(() => String, { nullable: true }) @IsOptional() @Length(1, 4000) comment?: string | null;
}

@InputType()
export class ResolveDisputeInput {
  @Field(() => DisputeResolution) resolution!: DisputeResolution;

  @Field(() => String, { description: 'Why; kept with the evaluation' }) @Length(1, 4000) reason!: string;

  @Field(() => [AnswerInput], { nullable: true, description: 'RESCORED only: the complete new answers' })
  @IsOptional()
  @ArrayMaxSize(1000)
  @ValidateNested({ each: true })
  answers?: AnswerInput[] | null;
}

@InputType()
export class EvaluationFilter {
  @Field(() => [String], { nullable: true }) @IsOptional() @ArrayMaxSize(5000) agentEmployeeNos?:
    | string[]
    | null;
  @Field(() => [String], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(5000)
  evaluatorEmployeeNos?: string[] | null;
  @Field(() => [EvaluationStatus], { nullable: true }) @IsOptional() statuses?: EvaluationStatus[] | null;
  @Field(() => DateTimeISOResolver, { nullable: true, description: 'Submitted from (inclusive)' })
  @IsOptional()
  submittedFrom?: Date | null;
  @Field(() => DateTimeISOResolver, { nullable: true, description: 'Submitted before (exclusive)' })
  @IsOptional()
  submittedTo?: Date | null;
  @Field(() => Boolean, {
    nullable: true,
    description:
      "false: only the agent's own evaluations (those a QA summary counts); true: only calibration scorings; null: both",
  })
  @IsOptional()
  calibration?: boolean | null;
}
