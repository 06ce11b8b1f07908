import { FileImportOptionsFields, RowProblemFields } from '@switchboard/subgraph-kit';
import { Field, InputType, Int, ObjectType } from 'type-graphql';

@ObjectType('ExamResultProblem', { description: 'Why one row of an LMS export was rejected' })
export class ExamResultProblemType extends RowProblemFields {}

@ObjectType('ExamResultImportReport')
export class ExamResultImportReportType {
  @Field(() => Int, { description: 'Data rows read' })
  read!: number;

  @Field(() => Int, { description: 'Attempts written' })
  inserted!: number;

  @Field(() => Int, { description: 'Rows whose attempt_id this source already imported: skipped' })
  duplicates!: number;

  @Field(() => Int)
  rejected!: number;

  @Field(() => Int, { description: 'Certifications granted by the passes imported' })
  certificationsGranted!: number;

  @Field(() => Boolean, {
    description: 'False when nothing was written (errors without skipInvalidRows, or a dry run)',
  })
  applied!: boolean;

  @Field(() => [String], {
    description: 'Header columns the import does not know: ignored (check their spelling)',
  })
  unknownColumns!: string[];

  @Field(() => [ExamResultProblemType])
  problems!: ExamResultProblemType[];
}

@InputType()
export class ExamResultImportOptions extends FileImportOptionsFields {}
