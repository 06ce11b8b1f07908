import { RowProblemFields } from '@switchboard/subgraph-kit';
import { Field, InputType, Int, ObjectType } from 'type-graphql';

@ObjectType('ScheduleRowProblem', { description: 'Why one row of a schedule export was rejected' })
export class ScheduleRowProblemType extends RowProblemFields {}

@ObjectType('ScheduleImportReport')
export class ScheduleImportReportType {
  @Field(() => Int, { description: 'Data rows read' }) read!: number;
  @Field(() => Int, { description: 'Agent-days scheduled for the first time' }) inserted!: number;
  @Field(() => Int, { description: 'Agent-days whose segments the file replaced' }) updated!: number;
  @Field(() => Int, { description: 'Agent-days already stored with the same segments' }) unchanged!: number;
  @Field(() => Int, { description: 'Rows rejected' }) rejected!: number;
  @Field(() => Boolean, {
    description: 'False when nothing was written (bad rows without skipInvalidRows, or a dry run)',
  })
  applied!: boolean;
  @Field(() => [String], { description: 'Header columns the import does not know: ignored' })
  unknownColumns!: string[];
  @Field(() => [ScheduleRowProblemType]) problems!: ScheduleRowProblemType[];
}

@InputType('ScheduleImportOptions')
export class ScheduleImportOptions {
  @Field(() => Boolean, {
    defaultValue: false,
    description: 'Import the valid rows even when some rows are bad (a day with a bad row is left as it was)',
  })
  skipInvalidRows!: boolean;

  @Field(() => Boolean, { defaultValue: false, description: 'Validate and report; write nothing' })
  dryRun!: boolean;
}
