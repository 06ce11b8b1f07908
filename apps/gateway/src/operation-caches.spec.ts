import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { createLogger } from '@switchboard/server';
import { clientToken, ensureTestKeys } from '@switchboard/testing';
import { startGateway, type RunningGateway } from './gateway';
import { BoundedOperationCache, OPERATION_CACHE_LIMITS } from './operation-caches';

describe('BoundedOperationCache', () => {
  it('drops the least recently used past its entries or its bytes, and keeps nothing larger than the budget', async () => {
    const cache = new BoundedOperationCache<string>({ entries: 3, bytes: 10 }, (v) => v.length);
    await cache.set('a', 'aaa');
    await cache.set('b', 'bbb');
    await cache.set('c', 'ccc');
    expect(await cache.get('a')).toBe('aaa'); // used: now the most recent
    await cache.set('d', 'd');
    expect(cache.size).toBe(3);
    expect(await cache.get('b')).toBeUndefined();
    await cache.set('e', 'eeeeee'); // 3 + 3 + 1 + 6 > 10: the least recent go
    expect(cache.bytes).toBeLessThanOrEqual(10);
    expect(await cache.get('e')).toBe('eeeeee');
    expect(await cache.get('c')).toBeUndefined();
    await cache.set('huge', 'x'.repeat(11));
    expect(await cache.get('huge')).toBeUndefined();
    await cache.set('e', 'e'); // replaced, not counted twice: a (3), d (1), e (1)
    expect(cache.bytes).toBe(5);
  });
});

describe('the gateway’s per-operation caches', () => {
  let gateway: RunningGateway;
  beforeAll(async () => {
    ensureTestKeys();
    gateway = await startGateway({
      supergraphSdl: readFileSync(resolve(__dirname, '..', 'supergraph.graphql'), 'utf8'),
      // nothing listens there: each query is parsed, validated and planned, and its fetch fails
      subgraphUrls: Object.fromEntries(
        ['staff', 'training', 'qa', 'traffic', 'kpi', 'care', 'wfm', 'voc'].map((name) => [
          name,
          'http://127.0.0.1:9/graphql',
        ]),
      ),
      subgraphTimeoutMs: 1_000,
      port: 0,
      logger: createLogger('gateway-test'),
    });
  }, 60_000);
  afterAll(() => gateway?.stop());

  it('hold at most their bound of documents and plans however many distinct operations come', async () => {
    const token = await clientToken();
    const distinct = OPERATION_CACHE_LIMITS.documents.entries + 60;
    const send = (i: number) =>
      fetch(gateway.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({ query: `query Distinct${i} { centers { code name } }` }),
      }).then((r) => r.text());
    for (let i = 0; i < distinct; i += 10) {
      await Promise.all(Array.from({ length: 10 }, (_, k) => send(i + k)));
    }
    const { documents, plans } = gateway.operationCaches;
    // full, not past full: a store left unbounded (or not used) fails here
    expect(documents.size).toBe(OPERATION_CACHE_LIMITS.documents.entries);
    expect(plans.size).toBe(OPERATION_CACHE_LIMITS.plans.entries);
    expect(documents.bytes).toBeLessThanOrEqual(OPERATION_CACHE_LIMITS.documents.bytes);
    expect(plans.bytes).toBeLessThanOrEqual(OPERATION_CACHE_LIMITS.plans.bytes);
  }, 120_000);
});
