import { GraphQLLocalDate } from '@switchboard/subgraph-kit';
import { Directive, Field, Float, ID, Int, ObjectType } from 'type-graphql';
import { ActivityKindEnum } from './activity';

@ObjectType('ScheduleSegment', { description: 'One activity of a scheduled day, [start, end)' })
export class ScheduleSegmentType {
  @Field(() => Date) start!: Date;
  @Field(() => Date) end!: Date;
  @Field(() => ActivityKindEnum) activity!: string;
  @Field(() => Boolean) onQueue!: boolean;
}

@ObjectType('Schedule', { description: "An agent's schedule of one day" })
@Directive('@key(fields: "id")')
export class ScheduleType {
  @Field(() => ID) id!: string;
  @Field(() => String, { description: "staff's Agent employee number" }) employeeNo!: string;
  @Field(() => GraphQLLocalDate) date!: string;
  @Field(() => String, { description: 'The zone its clock times were given in' }) timeZone!: string;
  @Field(() => [ScheduleSegmentType]) segments!: ScheduleSegmentType[];
  @Field(() => Float) scheduledSeconds!: number;
  @Field(() => Float) onQueueSeconds!: number;
  @Field(() => Date) updatedAt!: Date;
  @Field(() => Int) version!: number;
}
