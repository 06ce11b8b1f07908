import { IsUUID } from 'class-validator';
import { Field, ID, InputType, Int } from 'type-graphql';

@InputType('WorkingPeriodInput')
export class WorkingPeriodInput {
  @Field(() => Int, { description: 'ISO weekday, 1 = Monday .. 7 = Sunday' }) weekday!: number;
  @Field(() => String, { description: "'HH:MM' local" }) start!: string;
  @Field(() => String, { description: "'HH:MM' local, '24:00' allowed" }) end!: string;
}

@InputType('TimeRangeInput')
export class TimeRangeInput {
  @Field(() => String) start!: string;
  @Field(() => String) end!: string;
}

@InputType('CalendarExceptionInput')
export class CalendarExceptionInput {
  @Field(() => String, { description: 'Local date YYYY-MM-DD' }) date!: string;
  @Field(() => String, { description: 'HOLIDAY or WORKDAY' }) kind!: string;
  @Field(() => String, { nullable: true }) name?: string | null;
  @Field(() => [TimeRangeInput], { nullable: true, description: 'WORKDAY: its own periods...' })
  periods?: TimeRangeInput[] | null;
  @Field(() => Int, { nullable: true, description: '...or the weekly periods of this ISO weekday (调休)' })
  hoursOf?: number | null;
}

@InputType('SetBusinessCalendarInput')
export class SetBusinessCalendarInput {
  @Field(() => ID, { description: "staff's Center id" })
  @IsUUID('all', { message: 'must be a center id' })
  centerId!: string;
  @Field(() => String, { description: 'IANA zone, e.g. Asia/Shanghai' }) timeZone!: string;
  @Field(() => [WorkingPeriodInput]) periods!: WorkingPeriodInput[];
  @Field(() => [CalendarExceptionInput], { defaultValue: [] }) exceptions!: CalendarExceptionInput[];
  @Field(() => Boolean, {
    defaultValue: false,
    description:
      'true: keep the stored exceptions and add these (an import of one year); false: replace them',
  })
  mergeExceptions!: boolean;
}
