import { Field, InputType, Int, ObjectType } from 'type-graphql';

@ObjectType('RosterRowProblem', { description: 'Why one roster row was rejected' })
export class RosterRowProblemType {
  @Field(() => Int, { description: 'Line in the file (the header is line 1)' })
  row!: number;

  @Field(() => String, { nullable: true })
  employeeNo!: string | null;

  @Field(() => String, { description: 'The CSV column at fault' })
  field!: string;

  @Field(() => String)
  message!: string;
}

@ObjectType('RosterImportReport')
export class RosterImportReportType {
  @Field(() => Int, { description: 'Data rows read' })
  read!: number;

  @Field(() => Int)
  inserted!: number;

  @Field(() => Int)
  updated!: number;

  @Field(() => Int, { description: 'Rows identical to what is stored' })
  unchanged!: number;

  @Field(() => Int)
  rejected!: number;

  @Field(() => Boolean, {
    description: 'False when nothing was written (errors without skipInvalidRows, or a dry run)',
  })
  applied!: boolean;

  @Field(() => [String], {
    description: 'Header columns the import does not know: ignored (check their spelling)',
  })
  unknownColumns!: string[];

  @Field(() => [RosterRowProblemType])
  problems!: RosterRowProblemType[];
}

@InputType()
export class RosterImportOptions {
  @Field(() => Boolean, {
    defaultValue: false,
    description: 'Import the valid rows even when some rows are bad',
  })
  skipInvalidRows!: boolean;

  @Field(() => Boolean, { defaultValue: false, description: 'Validate and report; write nothing' })
  dryRun!: boolean;
}
