import { Field, InputType, Int, ObjectType } from 'type-graphql';

/**
 * The GraphQL side of a file import's row problem (RowProblem) and its options, written once. Each
 * subgraph keeps its own type name (`RosterRowProblem`, `ExamResultProblem`, ...): a name shared by
 * two subgraphs would have to be the same type everywhere in the supergraph, and the names are
 * public. `class RosterRowProblemType extends RowProblemFields {}` gives the fields.
 */
// named for type-graphql's inheritance only: no field returns it, so no subgraph's schema shows it
@ObjectType('RowProblemFields')
export abstract class RowProblemFields {
  @Field(() => Int, { description: 'Line in the file (the header is line 1)' })
  row!: number;

  @Field(() => String, { nullable: true })
  employeeNo!: string | null;

  @Field(() => String, { description: 'The CSV column at fault' })
  field!: string;

  @Field(() => String)
  message!: string;
}

/** A file import's two switches; `class RosterImportOptions extends FileImportOptionsFields {}`. */
@InputType('FileImportOptionsFields')
export abstract class FileImportOptionsFields {
  @Field(() => Boolean, {
    defaultValue: false,
    description: 'Import the valid rows even when some rows are bad',
  })
  skipInvalidRows!: boolean;

  @Field(() => Boolean, { defaultValue: false, description: 'Validate and report; write nothing' })
  dryRun!: boolean;
}
