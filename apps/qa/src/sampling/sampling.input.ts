import { CHANNELS } from '@switchboard/contracts';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsIn,
  IsInt,
  IsOptional,
  Length,
  Matches,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';
import { Field, InputType, Int } from 'type-graphql';
import { SamplingPeriod } from '../common/enums';
import { CODE_MESSAGE, CODE_PATTERN, EMPLOYEE_NO_MESSAGE, EMPLOYEE_NO_PATTERN } from '../common/validation';

@InputType()
export class SamplingAssignmentInput {
  @Field(() => String)
  @Matches(EMPLOYEE_NO_PATTERN, { message: `evaluatorEmployeeNo ${EMPLOYEE_NO_MESSAGE}` })
  evaluatorEmployeeNo!: string;

  @Field(() => [String], { description: 'The agents this evaluator samples' })
  @ArrayMinSize(1)
  @ArrayMaxSize(1000)
  @Matches(EMPLOYEE_NO_PATTERN, { each: true, message: `agentEmployeeNos ${EMPLOYEE_NO_MESSAGE}` })
  agentEmployeeNos!: string[];
}

@InputType()
export class CreateSamplingPlanInput {
  @Field(() => String) @Matches(CODE_PATTERN, { message: `code ${CODE_MESSAGE}` }) code!: string;
  @Field(() => String) @Length(1, 200) name!: string;
  @Field(() => SamplingPeriod) period!: SamplingPeriod;

  @Field(() => Int, { description: 'Evaluations owed per agent per period (1-100)' })
  @IsInt()
  @Min(1)
  @Max(100)
  evaluationsPerAgent!: number;

  @Field(() => String, { nullable: true, description: 'Draw seed; a random one when empty' })
  @IsOptional()
  @Length(1, 200)
  seed?: string | null;

  @Field(() => [String], { nullable: true, description: 'Only contacts of these queues (codes)' })
  @IsOptional()
  @ArrayMaxSize(500)
  queueCodes?: string[] | null;

  @Field(() => [String], { nullable: true, description: 'Only contacts of these channels (VOICE, CHAT, …)' })
  @IsOptional()
  @ArrayMaxSize(20)
  // an unknown channel would match no contact, and the plan would never draw any
  @IsIn(CHANNELS, { each: true, message: `channels must be among ${CHANNELS.join(', ')}` })
  channels?: string[] | null;

  @Field(() => [SamplingAssignmentInput])
  @ArrayMinSize(1, { message: 'assignments must name at least one evaluator' })
  @ArrayMaxSize(500)
  @ValidateNested({ each: true })
  assignments!: SamplingAssignmentInput[];
}
