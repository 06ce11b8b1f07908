import { GraphQLLocalDate } from '@switchboard/subgraph-kit';
import type { AssignmentStatus } from '@switchboard/metrics';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { AssignmentStatusEnum } from '../model/enums';

@ObjectType('Assignment', { description: 'A course assigned to an agent, with a due date' })
export class AssignmentType {
  @Field(() => ID)
  id!: string;

  courseId!: string;

  @Field(() => String)
  employeeNo!: string;

  @Field(() => GraphQLLocalDate)
  assignedOn!: string;

  @Field(() => GraphQLLocalDate)
  dueDate!: string;

  @Field(() => GraphQLLocalDate, { nullable: true })
  startedOn!: string | null;

  @Field(() => GraphQLLocalDate, { nullable: true })
  completedOn!: string | null;

  @Field(() => AssignmentStatusEnum, { description: 'Derived from the dates today (UTC)' })
  status!: AssignmentStatus;
}

@ObjectType('AssignCourseResult')
export class AssignCourseResultType {
  @Field(() => [AssignmentType], { description: 'The assignments created' })
  assignments!: AssignmentType[];

  @Field(() => [String], { description: 'Agents who already had the course open: left as they were' })
  alreadyAssigned!: string[];

  @Field(() => Int, { description: 'Agents the target named' })
  matched!: number;
}
