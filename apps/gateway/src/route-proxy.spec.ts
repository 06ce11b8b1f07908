import { createServer, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Identity } from '@switchboard/auth';
import { createLogger } from '@switchboard/server';
import { CallerConcurrency } from './caller-concurrency';
import { proxyRoute } from './route-proxy';

const listen = async (server: Server): Promise<string> => {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
};

describe('proxyRoute: a streaming route takes its turn with the caller’s queries (issue 17)', () => {
  const held: ServerResponse[] = [];
  let upstream: Server;
  let gateway: Server;
  let gatewayUrl: string;
  const limiter = new CallerConcurrency({ running: 1, waiting: 0 });

  beforeAll(async () => {
    // an export that answers its headers and then keeps streaming until released
    upstream = createServer((_request, response) => {
      response.writeHead(200, { 'content-type': 'text/csv' });
      response.write('a,b\n');
      held.push(response);
    });
    const upstreamUrl = await listen(upstream);
    const route = proxyRoute({
      subgraph: 'traffic',
      targetOrigin: upstreamUrl,
      verify: async (token) => ({ subject: token, roles: ['ADMIN'] }) as unknown as Identity,
      sign: async () => 'internal',
      logger: createLogger('route-proxy-spec'),
      limiter,
    });
    gateway = createServer((request, response) => void route(request, response));
    gatewayUrl = await listen(gateway);
  });
  afterAll(async () => {
    for (const response of held) response.end();
    await new Promise((resolve) => gateway.close(resolve));
    await new Promise((resolve) => upstream.close(resolve));
  });

  const get = (caller: string) =>
    fetch(`${gatewayUrl}/export/traffic-stats.csv`, { headers: { authorization: `Bearer ${caller}` } });

  it('refuses a caller’s second export while the first streams (429), lets another caller in, frees the slot at the end', async () => {
    const first = await get('alice');
    expect(first.status).toBe(200);
    const reader = first.body!.getReader();
    expect(new TextDecoder().decode((await reader.read()).value)).toBe('a,b\n');
    expect(limiter.runningFor('alice')).toBe(1);

    const second = await get('alice');
    expect(second.status).toBe(429);
    expect(
      ((await second.json()) as { errors: { extensions: { code: string } }[] }).errors[0].extensions.code,
    ).toBe('TOO_MANY_REQUESTS');
    const other = await get('bob');
    expect(other.status).toBe(200);

    // the first export ends: alice's slot is free again
    held[0].end('1,2\n');
    while (!(await reader.read()).done);
    for (let i = 0; i < 50 && limiter.runningFor('alice') > 0; i += 1)
      await new Promise((r) => setTimeout(r, 20));
    expect(limiter.runningFor('alice')).toBe(0);
    await other.body?.cancel();
  });
});
