import { readFileSync } from 'node:fs';
import { Supergraph, printSchema } from '@apollo/federation-internals';
import { buildSchema, parse, validate, type DocumentNode, type GraphQLSchema } from 'graphql';
import { SUPERGRAPH_PATH } from '../subgraphs';
import { DASHBOARD_OPERATIONS_PATH } from './dashboard-paths';

/** What clients see of the supergraph: no join__/link directives, no _entities or _service. */
export function apiSchemaOf(supergraphSdl: string = readFileSync(SUPERGRAPH_PATH, 'utf8')): string {
  return printSchema(Supergraph.build(supergraphSdl).apiSchema());
}

/** The dashboard's operations checked against an API schema; what does not fit is thrown. */
export function checkedOperations(
  apiSchema: string,
  operations: string = readFileSync(DASHBOARD_OPERATIONS_PATH, 'utf8'),
): { schema: GraphQLSchema; document: DocumentNode } {
  const schema = buildSchema(apiSchema);
  const document = parse(operations);
  const errors = validate(schema, document);
  if (errors.length > 0) throw new Error(`dashboard operations do not fit the API:\n${errors.join('\n')}`);
  return { schema, document };
}
