import { GraphQLLocalDate } from '@switchboard/subgraph-kit';
import { ArrayMaxSize, IsIn, IsOptional, Matches, ValidateNested } from 'class-validator';
import { Field, ID, InputType } from 'type-graphql';
import { AgentRole } from '../model/enums';
import { CODE_MESSAGE, CODE_PATTERN, EMPLOYEE_NO_MESSAGE, EMPLOYEE_NO_PATTERN } from '../common/validation';

@InputType({
  description:
    'Who gets the course: explicit employee numbers, or the current (not terminated) agents of teams, centers, roles or skills; the lists combine like staff AgentFilter (AND)',
})
export class AssignmentTargetInput {
  @Field(() => [String], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(5000)
  @Matches(EMPLOYEE_NO_PATTERN, { each: true, message: `each employeeNo ${EMPLOYEE_NO_MESSAGE}` })
  employeeNos?: string[] | null;

  @Field(() => [ID], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(100)
  teamIds?: string[] | null;

  @Field(() => [ID], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(100)
  centerIds?: string[] | null;

  @Field(() => [AgentRole], { nullable: true })
  @IsOptional()
  @IsIn(Object.values(AgentRole), { each: true })
  roles?: AgentRole[] | null;

  @Field(() => [String], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(100)
  @Matches(CODE_PATTERN, { each: true, message: `each skill code ${CODE_MESSAGE}` })
  skillCodes?: string[] | null;
}

@InputType()
export class AssignCourseInput {
  @Field(() => ID)
  courseId!: string;

  @Field(() => AssignmentTargetInput)
  @ValidateNested()
  target!: AssignmentTargetInput;

  @Field(() => GraphQLLocalDate, { description: 'Not in the past' })
  dueDate!: string;
}
