import { Field, Int, ObjectType } from 'type-graphql';
import { ScheduleRowProblemType } from '../schedule/schedule-import.type';

@ObjectType('VolumeImportReport')
export class VolumeImportReportType {
  @Field(() => Int, { description: 'Data rows read' }) read!: number;
  @Field(() => Int, { description: 'Intervals written (new or replaced)' }) written!: number;
  @Field(() => Int) rejected!: number;
  @Field(() => Boolean, { description: 'False when nothing was written' }) applied!: boolean;
  @Field(() => [String]) unknownColumns!: string[];
  @Field(() => [ScheduleRowProblemType], { description: 'Each bad row: line, column, reason' })
  problems!: ScheduleRowProblemType[];
}
