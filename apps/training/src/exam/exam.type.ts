import { GraphQLLocalDate } from '@switchboard/subgraph-kit';
import { Directive, Field, Float, ID, Int, ObjectType } from 'type-graphql';

@ObjectType('Exam', { description: "A course's exam: pass mark and maximum attempts" })
@Directive('@key(fields: "id")')
export class ExamType {
  @Field(() => ID)
  id!: string;

  @Field(() => String, { description: 'The code LMS exports name the exam by' })
  code!: string;

  courseId!: string;

  @Field(() => Float, { description: 'Score (0-100) needed to pass' })
  passMark!: number;

  @Field(() => Int, { description: 'Attempts allowed since the agent last passed' })
  maxAttempts!: number;
}

@ObjectType('ExamAttempt', { description: 'One sitting of an exam by an agent' })
export class ExamAttemptType {
  @Field(() => ID)
  id!: string;

  examId!: string;

  @Field(() => String)
  employeeNo!: string;

  @Field(() => Int, { description: '1 for the first sitting since the agent last passed this exam' })
  attemptNo!: number;

  @Field(() => Float)
  score!: number;

  @Field(() => GraphQLLocalDate)
  takenOn!: string;

  @Field(() => Boolean)
  passed!: boolean;
}
