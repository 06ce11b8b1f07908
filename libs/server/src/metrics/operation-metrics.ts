import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import { getOperationAST } from 'graphql';
import { graphqlErrors, graphqlOperationDuration, secondsSince } from './registry';

/** Distinct operation names kept as labels; past this, names count as `other` (callers choose names). */
const MAX_OPERATION_NAMES = 500;
const seenOperationNames = new Set<string>();

/** A label for a caller's operation name that cannot grow Prometheus without bound. */
export function operationLabel(name: string | null | undefined): string {
  if (!name) return 'anonymous';
  if (name.length > 100 || !/^[_A-Za-z][_0-9A-Za-z]*$/.test(name)) return 'other';
  if (!seenOperationNames.has(name)) {
    if (seenOperationNames.size >= MAX_OPERATION_NAMES) return 'other';
    seenOperationNames.add(name);
  }
  return name;
}

/**
 * Apollo Server plugin: each operation's duration, by name, type and outcome, and each error sent
 * by its `extensions.code` (request errors, such as a query that does not parse, included).
 */
export function operationMetrics<TContext extends BaseContext>(
  service: string,
): ApolloServerPlugin<TContext> {
  return {
    async requestDidStart() {
      const started = performance.now();
      return {
        async willSendResponse({ operationName, operation, document, request, response }) {
          const errors = response.body.kind === 'single' ? (response.body.singleResult.errors ?? []) : [];
          // A query that fails validation has no resolved operation: its name is read off the document.
          const operationLabelValue = operationLabel(
            operationName ??
              request.operationName ??
              (document && getOperationAST(document, undefined)?.name?.value),
          );
          graphqlOperationDuration.observe(
            {
              service,
              operation: operationLabelValue,
              type: operation?.operation ?? 'none',
              outcome: errors.length ? 'error' : 'ok',
            },
            secondsSince(started),
          );
          for (const error of errors) {
            const code = error.extensions?.code;
            graphqlErrors.inc({
              service,
              operation: operationLabelValue,
              code: typeof code === 'string' ? code : 'NONE',
            });
          }
        },
      };
    },
  };
}
