import { serviceIdentity, type Identity } from '@switchboard/auth';
import { checkOutcome } from './access-matrix';
import { postGraphQL } from './graphql-client';
import { authorizationFor } from './test-auth';

/** One call of a mutation, with variables that pass input validation (so only access decides). */
export interface MutationCall {
  query: string;
  variables?: () => Record<string, unknown>;
}

/** The Mutation fields of the schema served at `url`, read at test time (introspection, as ADMIN). */
export async function mutationNames(url: string): Promise<string[]> {
  const response = await postGraphQL<{ __schema: { mutationType: { fields: { name: string }[] } | null } }>(
    url,
    '{ __schema { mutationType { fields { name } } } }',
  );
  return (response.data?.__schema.mutationType?.fields ?? []).map((f) => f.name).sort();
}

/**
 * Guards against a mutation added without a role check: `calls` (read at test time) must name
 * exactly the schema's Mutation fields, so a new mutation fails here until it gets a call, and every
 * call is FORBIDDEN, with no data, for each of `refused` (e.g. BI_READER and AGENT). Self-service
 * mutations are called on someone else's record, so they are refused too.
 */
export function everyMutationRefused(
  url: () => string,
  calls: () => Record<string, MutationCall>,
  refused: { who: string; identity: Identity }[],
  options: {
    acceptingServices?: readonly string[];
    /**
     * Mutations some of `refused` may call after all (e.g. HR reminds agents of overdue training):
     * mutation name → those callers' `who`; their access is the matrix's to check, not this guard's.
     */
    alsoAllowed?: Readonly<Record<string, readonly string[]>>;
  } = {},
): void {
  it("has a call for every Mutation field of the subgraph's schema", async () => {
    expect(Object.keys(calls()).sort()).toEqual(await mutationNames(url()));
  });
  // Service identities (docs/DESIGN.md): a service (BI_READER + SERVICE) is refused every mutation
  // but the few that name services (`acceptingServices`, whose own tests say which service may call them).
  it.each(['voc', 'staff'].map((name) => [`service:${name}`, serviceIdentity(name)] as const))(
    'as %s, every mutation not naming services is FORBIDDEN',
    async (_who, identity) => {
      const target = url();
      const authorization = await authorizationFor(target, identity);
      const accepting = new Set(options.acceptingServices ?? []);
      for (const [name, call] of Object.entries(calls()).filter(([n]) => !accepting.has(n))) {
        const response = await postGraphQL(target, call.query, call.variables?.(), authorization);
        try {
          checkOutcome(response, { expect: { deny: true } });
        } catch (error) {
          throw new Error(`${name}: ${JSON.stringify(response)}\n${String(error)}`);
        }
      }
    },
  );
  it.each(refused.map((caller) => [caller.who, caller.identity] as const))(
    'as %s, every mutation is FORBIDDEN',
    async (who, identity) => {
      const target = url();
      const authorization = await authorizationFor(target, identity);
      for (const [name, call] of Object.entries(calls())) {
        if (options.alsoAllowed?.[name]?.includes(who)) continue;
        const response = await postGraphQL(target, call.query, call.variables?.(), authorization);
        try {
          checkOutcome(response, { expect: { deny: true } });
        } catch (error) {
          throw new Error(`${name}: ${JSON.stringify(response)}\n${String(error)}`);
        }
      }
    },
  );
}
