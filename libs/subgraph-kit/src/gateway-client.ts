import { GraphQLError } from 'graphql';

/** Where a subgraph reads other subgraphs' data: the gateway (SWITCHBOARD_GATEWAY_URL, default as under npm start). */
export function gatewayUrl(env: NodeJS.ProcessEnv = process.env): string {
  return env.SWITCHBOARD_GATEWAY_URL ?? 'http://localhost:4000/graphql';
}

function unavailable(message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'SUBGRAPH_UNAVAILABLE' } });
}

/**
 * One GraphQL operation through the gateway, for a subgraph that needs another's data (never its
 * tables). An unreachable gateway or an answer with errors is SUBGRAPH_UNAVAILABLE, naming `purpose`.
 */
export async function queryGateway<T>(
  purpose: string,
  query: string,
  variables: Record<string, unknown>,
  url = gatewayUrl(),
): Promise<T> {
  let body: { data?: T | null; errors?: { message: string }[] };
  try {
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query, variables }),
      signal: AbortSignal.timeout(30_000),
    });
    body = (await response.json()) as typeof body;
  } catch (error) {
    throw unavailable(`${purpose}: the gateway at ${url} did not answer (${(error as Error).message})`);
  }
  if (!body.data || body.errors?.length) {
    throw unavailable(
      `${purpose}: the gateway refused the query: ${body.errors?.map((e) => e.message).join('; ')}`,
    );
  }
  return body.data;
}
