import { Field, ID, Int, ObjectType } from 'type-graphql';

@ObjectType('WorkingPeriod')
export class WorkingPeriodType {
  @Field(() => Int) weekday!: number;
  @Field(() => String) start!: string;
  @Field(() => String) end!: string;
}

@ObjectType('TimeRange')
export class TimeRangeType {
  @Field(() => String) start!: string;
  @Field(() => String) end!: string;
}

@ObjectType('CalendarException')
export class CalendarExceptionType {
  @Field(() => String) date!: string;
  @Field(() => String) kind!: string;
  @Field(() => String, { nullable: true }) name!: string | null;
  @Field(() => [TimeRangeType], { nullable: true }) periods!: TimeRangeType[] | null;
  @Field(() => Int, { nullable: true }) hoursOf!: number | null;
}

@ObjectType('BusinessCalendar', { description: "A center's business calendar" })
export class BusinessCalendarType {
  @Field(() => ID, { description: "staff's Center id" }) centerId!: string;
  @Field(() => String) timeZone!: string;
  @Field(() => [WorkingPeriodType]) periods!: WorkingPeriodType[];
  @Field(() => [CalendarExceptionType]) exceptions!: CalendarExceptionType[];
  @Field(() => Date) updatedAt!: Date;
  @Field(() => Int) version!: number;
}
