import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One GraphQL request the double received. */
export interface GatewayDoubleRequest {
  query: string;
  variables: Record<string, unknown>;
  /** The caller's authorization header (a subgraph's service token), as sent. */
  authorization: string | undefined;
}

export interface GatewayDoubleOptions {
  /**
   * The `data` of the answer to one request. Throwing answers `{ data: null, errors: [{ message }] }`
   * instead, as a gateway does when a subgraph behind it fails (and names what the double was not
   * taught to answer, rather than hanging the test).
   */
  resolve: (request: GatewayDoubleRequest) => unknown;
  /**
   * Serve as the gateway every subgraph asks: SWITCHBOARD_GATEWAY_URL points at the double until
   * `close` (default). False: only `url`, for a test that hands it on itself.
   */
  asGateway?: boolean;
}

export interface GatewayDouble {
  /** http://127.0.0.1:<port>/graphql */
  readonly url: string;
  /** Every request received, in order, so a test can check what was asked and in how many calls. */
  readonly requests: GatewayDoubleRequest[];
  close(): Promise<void>;
}

async function bodyOf(request: IncomingMessage): Promise<string> {
  let body = '';
  for await (const chunk of request) body += (chunk as Buffer).toString();
  return body;
}

/**
 * Stands in for the gateway over real HTTP in a subgraph's integration tests (an app may not start
 * another app): every POST is a GraphQL request `resolve` answers. The per-subgraph doubles (care's
 * world, QA's world, kpi's guardrail, ...) keep only what they answer; the serving is here, once.
 */
export async function startGatewayDouble({
  resolve,
  asGateway = true,
}: GatewayDoubleOptions): Promise<GatewayDouble> {
  const requests: GatewayDoubleRequest[] = [];
  const server: Server = createServer((request, response) => {
    void (async () => {
      let answer: unknown;
      try {
        const parsed = JSON.parse(await bodyOf(request)) as {
          query: string;
          variables?: Record<string, unknown>;
        };
        const received = {
          query: parsed.query,
          variables: parsed.variables ?? {},
          authorization: request.headers.authorization,
        };
        requests.push(received);
        answer = { data: await resolve(received) };
      } catch (error) {
        answer = { data: null, errors: [{ message: (error as Error).message, extensions: {} }] };
      }
      response.setHeader('content-type', 'application/json');
      response.end(JSON.stringify(answer));
    })();
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
  if (asGateway) process.env.SWITCHBOARD_GATEWAY_URL = url;
  return {
    url,
    requests,
    async close() {
      if (asGateway && process.env.SWITCHBOARD_GATEWAY_URL === url)
        delete process.env.SWITCHBOARD_GATEWAY_URL;
      await new Promise<void>((done) => server.close(() => done()));
    },
  };
}
