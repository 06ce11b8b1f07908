import { Field, ID, Int, ObjectType } from 'type-graphql';
import { ScheduleRowProblemType } from '../schedule/schedule-import.type';

@ObjectType('ForecastImportReport')
export class ForecastImportReportType {
  @Field(() => Int, { description: 'Data rows read' }) read!: number;
  @Field(() => Int, { description: 'Forecast runs kept (one per queue and source)' }) written!: number;
  @Field(() => Int, { description: 'Runs of the file already kept (the same intervals): nothing new' })
  unchanged!: number;
  @Field(() => Int) rejected!: number;
  @Field(() => Boolean, { description: 'False when nothing was written' }) applied!: boolean;
  @Field(() => [String]) unknownColumns!: string[];
  @Field(() => [ScheduleRowProblemType], { description: 'Each bad row: line, column, reason' })
  problems!: ScheduleRowProblemType[];
  @Field(() => [ID], { description: "The file's EXTERNAL forecast runs (new or already kept)" })
  runIds!: string[];
}
