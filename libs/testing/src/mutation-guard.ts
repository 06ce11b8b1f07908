import type { Identity } from '@switchboard/auth';
import type { GraphQLSchema } from 'graphql';
import { checkOutcome } from './access-matrix';
import { postGraphQL } from './graphql-client';
import { authorizationFor } from './test-auth';

/** A well-formed call of one mutation (arguments valid, so only access decides the answer). */
export interface MutationSample {
  query: string;
  variables?: () => Record<string, unknown>;
}

/** The names of a schema's Mutation fields, sorted. */
export function mutationNames(schema: GraphQLSchema): string[] {
  return Object.keys(schema.getMutationType()?.getFields() ?? {}).sort();
}

/**
 * Jest tests guarding every mutation of a subgraph: the samples name exactly the schema's Mutation
 * fields (read at test time, so a new mutation without a sample fails the build), and each sample
 * is FORBIDDEN for each of `callers` with no data. Self-service mutations are sampled on someone
 * else's record, so they are refused too.
 */
export function everyMutationForbidden(
  url: () => string,
  schema: () => Promise<GraphQLSchema>,
  samples: () => Record<string, MutationSample>,
  callers: { who: string; identity: Identity }[],
): void {
  it('has a sample of every Mutation field of the schema', async () => {
    expect(Object.keys(samples()).sort()).toEqual(mutationNames(await schema()));
  });
  describe.each(callers.map((c) => [c.who, c] as const))('as %s', (_who, { identity }) => {
    it('every mutation is FORBIDDEN', async () => {
      const target = url();
      const authorization = await authorizationFor(target, identity);
      for (const [name, sample] of Object.entries(samples())) {
        const response = await postGraphQL(target, sample.query, sample.variables?.(), authorization);
        try {
          checkOutcome(response, { expect: { deny: true } });
        } catch (error) {
          throw new Error(`${name}: ${JSON.stringify(response)}\n${String(error)}`);
        }
      }
    });
  });
}
