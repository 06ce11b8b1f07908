import { Field, Float, Int, ObjectType } from 'type-graphql';

@ObjectType('CoursePassRate', { description: "A course's exam results over a period" })
export class CoursePassRateType {
  courseId!: string;

  @Field(() => Int)
  attempts!: number;

  @Field(() => Int)
  attemptsPassed!: number;

  @Field(() => Float, { nullable: true })
  passRate!: number | null;

  @Field(() => Int)
  firstAttempts!: number;

  @Field(() => Int)
  firstAttemptsPassed!: number;

  @Field(() => Float, { nullable: true })
  firstAttemptPassRate!: number | null;

  @Field(() => Float, { nullable: true })
  averageScore!: number | null;
}
