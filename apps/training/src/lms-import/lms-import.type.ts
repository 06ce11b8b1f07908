import { Field, InputType, Int, ObjectType } from 'type-graphql';

@ObjectType('ExamResultProblem', { description: 'Why one row of an LMS export was rejected' })
export class ExamResultProblemType {
  @Field(() => Int, { description: 'Line in the file (the header is line 1)' })
  row!: number;

  @Field(() => String, { nullable: true })
  employeeNo!: string | null;

  @Field(() => String, { description: 'The CSV column at fault' })
  field!: string;

  @Field(() => String)
  message!: string;
}

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
export class ExamResultImportOptions {
  @Field(() => Boolean, {
    defaultValue: false,
    description: 'Import the valid rows even when some rows are bad',
  })
  skipInvalidRows!: boolean;

  @Field(() => Boolean, { defaultValue: false, description: 'Validate and report; write nothing' })
  dryRun!: boolean;
}
