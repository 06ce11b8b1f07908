import type { ApolloServerPlugin } from '@apollo/server';
import type { CallerConcurrency } from './caller-concurrency';
import type { GatewayContext } from './gateway-context';
import { checkOperationCost } from './operation-cost';

/**
 * Apollo Server plugin for issue 17's limits, in order: an operation over its cost budget is refused
 * (QUERY_TOO_COSTLY) without waiting; an affordable one then takes one of its caller's concurrency
 * slots, held until its answer is sent.
 */
export function operationLimitsPlugin(limiter: CallerConcurrency): ApolloServerPlugin<GatewayContext> {
  return {
    requestDidStart: async () => {
      let release: (() => void) | undefined;
      let answered = false;
      return {
        didResolveOperation: async ({ schema, operation, document, request, contextValue }) => {
          if (operation) checkOperationCost({ schema, operation, document, variables: request.variables });
          const granted = await limiter.acquire(contextValue.identity.subject);
          // Another plugin may have failed the request meanwhile: its answer is already gone.
          if (answered) granted();
          else release = granted;
        },
        willSendResponse: async () => {
          answered = true;
          release?.();
        },
      };
    },
  };
}
