import { GraphQLLocalDate } from '@switchboard/subgraph-kit';
import { IsInt, Matches, Max, Min } from 'class-validator';
import { Field, Float, ID, InputType, Int } from 'type-graphql';
import { CODE_MESSAGE, CODE_PATTERN, EMPLOYEE_NO_MESSAGE, EMPLOYEE_NO_PATTERN } from '../common/validation';

@InputType()
export class CreateExamInput {
  @Field(() => ID)
  courseId!: string;

  @Field(() => String)
  @Matches(CODE_PATTERN, { message: `code ${CODE_MESSAGE}` })
  code!: string;

  @Field(() => Float, { description: 'Score (0-100) needed to pass' })
  @Min(0)
  @Max(100)
  passMark!: number;

  @Field(() => Int, { description: 'Attempts allowed since the agent last passed' })
  @IsInt()
  @Min(1)
  @Max(20)
  maxAttempts!: number;
}

@InputType()
export class RecordAttemptInput {
  @Field(() => ID)
  examId!: string;

  @Field(() => String)
  @Matches(EMPLOYEE_NO_PATTERN, { message: `employeeNo ${EMPLOYEE_NO_MESSAGE}` })
  employeeNo!: string;

  @Field(() => Float, { description: '0-100' })
  @Min(0, { message: 'score must be between 0 and 100' })
  @Max(100, { message: 'score must be between 0 and 100' })
  score!: number;

  @Field(() => GraphQLLocalDate, { description: 'Day of the sitting; not in the future' })
  takenOn!: string;
}
