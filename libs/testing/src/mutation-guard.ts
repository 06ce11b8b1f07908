import type { Identity } from '@switchboard/auth';
import { postGraphQL } from './graphql-client';
import { authorizationFor } from './test-auth';

/** One call of a mutation, with variables that pass input validation (so the role check decides). */
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
 * Guards against a mutation added without a role check: the schema's Mutation fields must be exactly
 * the keys of `calls` (a new mutation fails here until it gets a call), and every call is FORBIDDEN,
 * with no data, for each of `refused` (e.g. BI_READER and AGENT).
 */
export function everyMutationRefused(
  url: () => string,
  calls: Record<string, MutationCall>,
  refused: { who: string; identity: Identity }[],
): void {
  it("has a call for every Mutation field of the subgraph's schema", async () => {
    expect(Object.keys(calls).sort()).toEqual(await mutationNames(url()));
  });
  const cells = refused.flatMap((caller) =>
    Object.entries(calls).map(([name, call]) => [`${name} as ${caller.who}`, caller.identity, call] as const),
  );
  it.each(cells)('%s: FORBIDDEN', async (_label, identity, call) => {
    const target = url();
    const response = await postGraphQL(
      target,
      call.query,
      call.variables?.(),
      await authorizationFor(target, identity),
    );
    expect(response.errors?.map((e) => e.extensions?.code)).toContain('FORBIDDEN');
    expect(response.data ?? null).toBeNull();
  });
}
