import { caller, clientToken, postGraphQL, TEST_ADMIN } from '@switchboard/testing';
import type { Identity } from '@switchboard/auth';
import { FaultProxy } from './fault-proxy';
import { startTestStack, type TestStack } from './stack';

/** Every subgraph request waits this long in its proxy, so concurrent requests overlap for sure. */
const HOLD_MS = 400;

/** Staff's agents, then traffic's part of each: two fetches, two subgraphs (not the fast path). */
const READ = `query($from: DateTimeISO!, $to: DateTimeISO!) {
  agents(first: 20) { nodes { employeeNo trafficSummary(from: $from, to: $to) { offered answered } } }
}`;
const PERIOD = { from: '2026-11-01T00:00:00Z', to: '2026-11-08T00:00:00Z' };

const MANAGER: Identity = caller('CENTER_MANAGER', { centers: ['CTU-T1'] });

describe('gateway: identical concurrent reads are sent to a subgraph once', () => {
  let stack: TestStack;
  const proxies: Record<string, FaultProxy> = {};
  const requests = (): Record<string, number> =>
    Object.fromEntries(Object.entries(proxies).map(([name, proxy]) => [name, proxy.requests]));
  const sent = (before: Record<string, number>): Record<string, number> =>
    Object.fromEntries(
      Object.entries(requests())
        .map(([name, count]) => [name, count - before[name]])
        .filter(([, count]) => count !== 0),
    );
  const read = async (identity: Identity) =>
    postGraphQL(stack.gatewayUrl, READ, PERIOD, {
      authorization: `Bearer ${await clientToken(identity)}`,
    });

  beforeAll(async () => {
    stack = await startTestStack({
      routeSubgraph: async (name, url) => {
        proxies[name] = new FaultProxy(new URL(url), HOLD_MS);
        proxies[name].mode = 'slow';
        return proxies[name].start();
      },
      // six at once from one caller: past the default of two running per caller, which would take
      // them in three turns (caller-concurrency.spec.ts tests that limit)
      gateway: { callerConcurrency: { running: 6, waiting: 16 } },
    });
  }, 120_000);

  afterAll(async () => {
    await stack?.stop();
    await Promise.all(Object.values(proxies).map((proxy) => proxy.stop()));
  });

  it('six managers asking the same at once cost the subgraphs what one costs, and all get the answer', async () => {
    await read(MANAGER); // the traffic subgraph looks the manager's center up once (and keeps it)
    let before = requests();
    const alone = await read(MANAGER);
    expect(alone.errors).toBeUndefined();
    const one = sent(before);
    expect(one).toEqual({ staff: 1, traffic: 1 });

    before = requests();
    const together = await Promise.all(Array.from({ length: 6 }, () => read(MANAGER)));
    expect(sent(before)).toEqual(one);
    for (const answer of together) expect(answer).toEqual(alone);
  });

  it('callers who may see different data never share: each identity gets its own fetches and its own answer', async () => {
    const [manager, admin] = [await read(MANAGER), await read(TEST_ADMIN)];
    expect(manager.data).not.toEqual(admin.data);
    const before = requests();
    const together = await Promise.all([read(MANAGER), read(TEST_ADMIN), read(MANAGER), read(TEST_ADMIN)]);
    expect(sent(before)).toEqual({ staff: 2, traffic: 2 });
    expect(together).toEqual([manager, admin, manager, admin]);
  });

  it('a mutation’s fetches are never shared', async () => {
    const mutation = 'mutation { ingestContacts(contacts: []) { inserted } }';
    const before = requests();
    const answers = await Promise.all(
      Array.from({ length: 3 }, () => postGraphQL(stack.gatewayUrl, mutation)),
    );
    expect(sent(before)).toEqual({ traffic: 3 });
    for (const answer of answers) expect(answer.status).toBe(200);
  });

  it('a shared fetch that fails fails every caller waiting on it, and the next read is sent afresh', async () => {
    proxies.traffic.mode = 'error';
    try {
      const before = requests();
      const failed = await Promise.all([read(MANAGER), read(MANAGER)]);
      expect(sent(before)).toEqual({ staff: 1, traffic: 1 });
      for (const answer of failed) {
        expect(answer.errors?.[0]?.extensions?.code).toBe('SUBGRAPH_UNAVAILABLE');
      }
    } finally {
      proxies.traffic.mode = 'slow';
    }
    const before = requests();
    expect((await read(MANAGER)).errors).toBeUndefined();
    expect(sent(before)).toEqual({ staff: 1, traffic: 1 });
  });
});
