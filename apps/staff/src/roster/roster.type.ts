import { FileImportOptionsFields, RowProblemFields } from '@switchboard/subgraph-kit';
import { Field, InputType, Int, ObjectType } from 'type-graphql';

@ObjectType('RosterRowProblem', { description: 'Why one roster row was rejected' })
export class RosterRowProblemType extends RowProblemFields {}

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
export class RosterImportOptions extends FileImportOptionsFields {}
