import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { SubgraphDataSource } from './subgraph-data-source';

/** A subgraph double answering every POST with `status` and `body`, keeping what it was sent. */
async function subgraphDouble(
  status: number,
  body: unknown,
): Promise<{ url: string; sent: unknown[]; server: Server }> {
  const sent: unknown[] = [];
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      sent.push(JSON.parse(Buffer.concat(chunks).toString('utf8')));
      response.writeHead(status, { 'content-type': 'application/json' });
      response.end(JSON.stringify(body));
    });
  });
  await new Promise<void>((listening) => server.listen(0, '127.0.0.1', listening));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`, sent, server };
}

const ask = (source: SubgraphDataSource) =>
  source.process({
    kind: 'loading schema', // GraphQLDataSourceRequestKind.LOADING_SCHEMA (a const enum)
    request: { query: 'query($n: Int) { n(n: $n) }', variables: { n: 3 } },
    context: {},
  } as never);

describe('SubgraphDataSource: sending a request (issue 23)', () => {
  const servers: Server[] = [];
  afterAll(async () => {
    for (const server of servers) {
      server.closeAllConnections();
      await new Promise((closed) => server.close(closed));
    }
  });

  it('sends the query and variables and answers the data, building no node-fetch Request', async () => {
    const double = await subgraphDouble(200, { data: { n: 3 } });
    servers.push(double.server);
    const nodeFetch = jest.requireActual<{ Request: unknown }>('node-fetch');
    const built = jest.spyOn(nodeFetch as { Request: new () => unknown }, 'Request');
    try {
      const answer = await ask(new SubgraphDataSource('staff', double.url, 5_000, async () => 'token'));
      expect(answer.data).toEqual({ n: 3 });
      expect(double.sent).toEqual([{ query: 'query($n: Int) { n(n: $n) }', variables: { n: 3 } }]);
      expect(built).not.toHaveBeenCalled();
    } finally {
      built.mockRestore();
    }
  });

  it("sends over node:http, not the global fetch (undici was a fifth of the gateway's CPU)", async () => {
    const double = await subgraphDouble(200, { data: { n: 3 } });
    servers.push(double.server);
    const fetched = jest.spyOn(globalThis, 'fetch');
    try {
      const source = new SubgraphDataSource('traffic', double.url, 5_000, async () => 'token');
      for (let i = 0; i < 3; i += 1) expect((await ask(source)).data).toEqual({ n: 3 });
      expect(fetched).not.toHaveBeenCalled();
    } finally {
      fetched.mockRestore();
    }
  });

  it('names the subgraph when it does not answer in time or cannot be reached', async () => {
    const silent = createServer(() => undefined);
    await new Promise<void>((listening) => silent.listen(0, '127.0.0.1', listening));
    servers.push(silent);
    const port = (silent.address() as AddressInfo).port;
    await expect(
      ask(new SubgraphDataSource('wfm', `http://127.0.0.1:${port}/graphql`, 200, async () => 'token')),
    ).rejects.toThrow('Subgraph "wfm" did not answer within 200 ms');
    const closed = createServer();
    await new Promise<void>((listening) => closed.listen(0, '127.0.0.1', listening));
    const closedPort = (closed.address() as AddressInfo).port;
    await new Promise((done) => closed.close(done));
    await expect(
      ask(
        new SubgraphDataSource('voc', `http://127.0.0.1:${closedPort}/graphql`, 5_000, async () => 'token'),
      ),
    ).rejects.toThrow('Subgraph "voc" is unreachable (ECONNREFUSED)');
  });

  it('names the subgraph when it answers HTTP 500', async () => {
    const double = await subgraphDouble(500, { error: 'internal error' });
    servers.push(double.server);
    await expect(ask(new SubgraphDataSource('qa', double.url, 5_000, async () => 'token'))).rejects.toThrow(
      'Subgraph "qa" answered HTTP 500',
    );
  });

  it("answers a refused request (HTTP 400 with GraphQL errors) with the subgraph's errors", async () => {
    const errors = [{ message: 'n: bad', extensions: { code: 'BAD_USER_INPUT' } }];
    const double = await subgraphDouble(400, { errors });
    servers.push(double.server);
    const answer = await ask(new SubgraphDataSource('kpi', double.url, 5_000, async () => 'token'));
    expect(answer.errors).toEqual(errors);
  });
});
