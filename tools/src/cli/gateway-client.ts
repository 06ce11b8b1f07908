export interface CliConnection {
  gatewayUrl: string;
  token?: string;
}

export const DEFAULT_GATEWAY_URL = 'http://localhost:4000/graphql';

/** The running stack the CLI talks to: flags, then environment, then the `npm start` defaults. */
export function connectionFrom(
  options: { gateway?: string; token?: string },
  env: NodeJS.ProcessEnv = process.env,
): CliConnection {
  return {
    gatewayUrl: options.gateway ?? env.SWITCHBOARD_GATEWAY_URL ?? DEFAULT_GATEWAY_URL,
    token: options.token ?? env.SWITCHBOARD_TOKEN,
  };
}

export class CliError extends Error {}

/** Sends one operation to the gateway; GraphQL and HTTP failures become a CliError with the reason. */
export async function callGateway<T>(
  connection: CliConnection,
  query: string,
  variables: Record<string, unknown>,
): Promise<T> {
  let response: Response;
  try {
    response = await fetch(connection.gatewayUrl, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...(connection.token ? { authorization: `Bearer ${connection.token}` } : {}),
      },
      body: JSON.stringify({ query, variables }),
    });
  } catch (error) {
    const cause = (error as { cause?: { code?: string } }).cause?.code;
    throw new CliError(
      `cannot reach the gateway at ${connection.gatewayUrl}${cause ? ` (${cause})` : ''}; is the stack running (npm start)?`,
    );
  }
  const text = await response.text();
  let body: { data?: T; errors?: { message: string; extensions?: { code?: string } }[] };
  try {
    body = JSON.parse(text) as typeof body;
  } catch {
    throw new CliError(`the gateway answered HTTP ${response.status}: ${text.slice(0, 200)}`);
  }
  if (body.errors?.length) {
    throw new CliError(body.errors.map((e) => `${e.extensions?.code ?? 'ERROR'}: ${e.message}`).join('\n'));
  }
  if (!body.data) throw new CliError(`the gateway answered HTTP ${response.status} without data`);
  return body.data;
}
