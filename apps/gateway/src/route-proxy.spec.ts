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

/** The gateway's proxy of traffic's route to `targetOrigin`, served by a server of its own. */
const proxyServer = (targetOrigin: string, limiter?: CallerConcurrency): Server => {
  const route = proxyRoute({
    subgraph: 'traffic',
    targetOrigin,
    verify: async (token) => ({ subject: token, roles: ['ADMIN'] }) as unknown as Identity,
    sign: async () => 'internal',
    logger: createLogger('route-proxy-spec'),
    ...(limiter ? { limiter } : {}),
  });
  return createServer((request, response) => void route(request, response));
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
    gateway = proxyServer(upstreamUrl, limiter);
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

describe('proxyRoute: the answer as the subgraph gives it', () => {
  let upstream: Server;
  let gateway: Server;
  let gatewayUrl: string;
  const bytes = Buffer.alloc(3 * 1024 * 1024, 'x');
  let upstreamClosed: Promise<boolean> | undefined;

  beforeAll(async () => {
    upstream = createServer((request, response) => {
      if (request.url?.startsWith('/hold')) {
        // a long export the caller walks away from
        response.writeHead(200, { 'content-type': 'text/csv; charset=utf-8' });
        response.write('a,b\n');
        upstreamClosed = new Promise((resolve) => response.on('close', () => resolve(true)));
        return;
      }
      if (request.url?.startsWith('/cut')) {
        // an export whose statement fails midway: the subgraph cuts the chunked answer short
        response.writeHead(200, { 'content-type': 'text/csv; charset=utf-8' });
        response.write('a,b\n1,2\n');
        setTimeout(() => response.destroy(), 50);
        return;
      }
      if (request.method === 'POST') {
        // an import: the body streamed through, answered with its size
        let size = 0;
        request.on('data', (chunk: Buffer) => (size += chunk.length));
        request.on('end', () => {
          response.writeHead(200, { 'content-type': 'application/json' });
          response.end(JSON.stringify({ size, type: request.headers['content-type'] }));
        });
        return;
      }
      response.writeHead(200, {
        'content-type': 'text/csv; charset=utf-8',
        'content-disposition': 'attachment; filename="big.csv"',
      });
      response.end(bytes);
    });
    const upstreamUrl = await listen(upstream);
    gateway = proxyServer(upstreamUrl);
    gatewayUrl = await listen(gateway);
  });
  afterAll(async () => {
    await new Promise((resolve) => gateway.close(resolve));
    await new Promise((resolve) => upstream.close(resolve));
  });

  const headers = { authorization: 'Bearer alice' };

  it('passes a large answer through whole, with its type and disposition', async () => {
    const response = await fetch(`${gatewayUrl}/export/traffic-stats.csv`, { headers });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(response.headers.get('content-disposition')).toBe('attachment; filename="big.csv"');
    expect(Buffer.from(await response.arrayBuffer()).equals(bytes)).toBe(true);
  });

  it('streams a request body to the subgraph (an import)', async () => {
    const response = await fetch(`${gatewayUrl}/import/contacts`, {
      method: 'POST',
      headers: { ...headers, 'content-type': 'text/csv' },
      body: bytes,
    });
    expect(await response.json()).toEqual({ size: bytes.length, type: 'text/csv' });
  });

  it('cancels the subgraph’s answer when the caller goes away', async () => {
    const leave = new AbortController();
    const response = await fetch(`${gatewayUrl}/hold/traffic-stats.csv`, { headers, signal: leave.signal });
    const reader = response.body!.getReader();
    expect(new TextDecoder().decode((await reader.read()).value)).toBe('a,b\n');
    leave.abort();
    await expect(upstreamClosed).resolves.toBe(true);
  });

  it('answers 502 SUBGRAPH_UNAVAILABLE when the subgraph cannot be reached', async () => {
    const closed = createServer();
    const closedUrl = await listen(closed);
    await new Promise((resolve) => closed.close(resolve));
    const down = proxyServer(closedUrl);
    const downUrl = await listen(down);
    try {
      const response = await fetch(`${downUrl}/export/traffic-stats.csv`, { headers });
      expect(response.status).toBe(502);
      const body = (await response.json()) as { errors: { extensions: { code: string } }[] };
      expect(body.errors[0].extensions.code).toBe('SUBGRAPH_UNAVAILABLE');
    } finally {
      await new Promise((resolve) => down.close(resolve));
    }
  });

  it('cuts the caller’s answer short when the subgraph cuts its own: a broken export never ends as if whole', async () => {
    const response = await fetch(`${gatewayUrl}/cut/traffic-stats.csv`, { headers });
    expect(response.status).toBe(200);
    await expect(response.text()).rejects.toThrow();
  });
});
