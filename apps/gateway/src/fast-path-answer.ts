import {
  GraphQLError,
  isNonNullType,
  Kind,
  type FragmentDefinitionNode,
  type GraphQLFormattedError,
  type GraphQLSchema,
  type OperationDefinitionNode,
} from 'graphql';
import { collectFields } from 'graphql/execution/collectFields';
import type { SubgraphAnswer } from './subgraph-answers';

export interface FastPathResult {
  data?: Record<string, unknown> | null;
  errors?: GraphQLError[];
}

interface Operation {
  schema: GraphQLSchema;
  document: { definitions: readonly { kind: string }[] };
  operation: OperationDefinitionNode;
  variables: Record<string, unknown>;
}

/**
 * What the gateway's result shaping makes of a root fetch that brought no data: each root field
 * asked null, or no data at all when one of them may not be null.
 */
function nullRoot({ schema, document, operation, variables }: Operation): Record<string, unknown> | null {
  const root = schema.getQueryType();
  if (!root) return null;
  const fragments: Record<string, FragmentDefinitionNode> = {};
  for (const definition of document.definitions)
    if (definition.kind === Kind.FRAGMENT_DEFINITION) {
      const fragment = definition as FragmentDefinitionNode;
      fragments[fragment.name.value] = fragment;
    }
  const fields = collectFields(schema, fragments, variables, root, operation.selectionSet);
  const data: Record<string, unknown> = {};
  for (const [responseName, nodes] of fields) {
    const name = nodes[0].name.value;
    if (name === '__typename') {
      data[responseName] = root.name;
      continue;
    }
    const field = root.getFields()[name];
    if (field && isNonNullType(field.type)) return null;
    data[responseName] = null;
  }
  return data;
}

/** A subgraph's error as the gateway reports it (as its executor's downstreamServiceError does). */
function gatewayError(error: GraphQLFormattedError, serviceName: string): GraphQLError {
  return new GraphQLError(error.message || `Error while fetching subquery from service "${serviceName}"`, {
    path: error.path,
    extensions: { ...error.extensions, serviceName },
  });
}

/**
 * The gateway's answer to a single-subgraph query from the subgraph's answer with errors, as the
 * normal path would give it, without asking the subgraph again: the client's own text ran there, so
 * its data and error paths are already the client's.
 */
export function resultOfAnswer(
  answer: SubgraphAnswer,
  serviceName: string,
  operation: Operation,
): FastPathResult {
  const errors = answer.errors.map((e) => gatewayError(e, serviceName));
  const data = answer.data ?? nullRoot(operation);
  // Data with extensions but no errors: the gateway sends on neither the extensions nor an empty list.
  return errors.length ? { data, errors } : { data };
}

/** The gateway's answer when the subgraph gave none: its fields null and the error naming it. */
export function resultOfFailure(error: GraphQLError, operation: Operation): FastPathResult {
  return { data: nullRoot(operation), errors: [error] };
}
