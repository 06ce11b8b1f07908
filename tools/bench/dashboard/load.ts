import { performance } from 'node:perf_hooks';
import autocannon, { type AutocannonClient } from 'autocannon';
import { percentile } from '../measurement';

/** What one load run measured: throughput, latency percentiles (ms) and failed answers. */
export interface LoadResult {
  requestsPerSecond: number;
  p50: number;
  p95: number;
  p99: number;
  errors: number;
  /** Requests with no answer within the client's timeout (counted apart from errors). */
  timeouts: number;
  requests: number;
}

export function summarize(latencies: number[], seconds: number, errors: number, timeouts = 0): LoadResult {
  return {
    requestsPerSecond: latencies.length / seconds,
    p50: latencies.length ? percentile(latencies, 50) : NaN,
    p95: latencies.length ? percentile(latencies, 95) : NaN,
    p99: latencies.length ? percentile(latencies, 99) : NaN,
    errors,
    timeouts,
    requests: latencies.length,
  };
}

/**
 * autocannon against a GraphQL endpoint for a fixed time: every answer's latency kept (autocannon's
 * own summary has no p95), and an answer with a GraphQL `errors` member counted as an error.
 */
export async function loadGraphQL(options: {
  url: string;
  body: string;
  token: string;
  connections: number;
  seconds: number;
}): Promise<LoadResult> {
  const latencies: number[] = [];
  const instance = autocannon({
    url: options.url,
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${options.token}` },
    body: options.body,
    connections: options.connections,
    duration: options.seconds,
    // Seconds: far past the window, so a slow answer is measured as slow rather than given up on.
    timeout: 600,
    verifyBody: (body: string) => !body.includes('"errors"'),
    // Latencies of good answers only: 2xx without a GraphQL `errors` member.
    setupClient: (client: AutocannonClient) => {
      let failed = false;
      client.on('body', (chunk) => {
        if (chunk.includes('"errors"')) failed = true;
      });
      client.on('response', (status, _bytes, ms) => {
        if (status >= 200 && status < 300 && !failed) latencies.push(ms);
        failed = false;
      });
    },
  });
  const result = await instance;
  return summarize(
    latencies,
    result.duration,
    result.errors + result.non2xx + result.mismatches,
    result.timeouts,
  );
}

/** One subgraph request of a recorded query plan. */
export interface RecordedFetch {
  subgraph: string;
  body: string;
}

/**
 * The gateway's subgraph requests replayed straight to the subgraphs by `connections` concurrent
 * clients for a fixed time: the waves of the plan one after another, each wave's requests at once.
 * One replay of every wave is one request. Tokens minted per subgraph, renewed before they expire.
 */
type TokenFor = (subgraph: string) => Promise<string>;

/** One recorded subgraph request sent again; throws on an HTTP or GraphQL error. */
export async function sendRecorded(
  fetched: RecordedFetch,
  urls: Record<string, string>,
  token: TokenFor,
): Promise<void> {
  const response = await fetch(urls[fetched.subgraph], {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${await token(fetched.subgraph)}` },
    body: fetched.body,
  });
  const text = await response.text();
  if (!response.ok || text.includes('"errors"'))
    throw new Error(`${fetched.subgraph}: ${text.slice(0, 200)}`);
}

/** Each recorded request alone, `times` times one after the other: where one drill-down's time goes. */
export async function timeEachRequest(
  waves: RecordedFetch[][],
  urls: Record<string, string>,
  token: TokenFor,
  times = 3,
): Promise<{ wave: number; subgraph: string; field: string; ms: number }[]> {
  const rows: { wave: number; subgraph: string; field: string; ms: number }[] = [];
  for (const [w, wave] of waves.entries()) {
    for (const fetched of wave) {
      const ms: number[] = [];
      for (let i = 0; i < times; i += 1) {
        const start = performance.now();
        await sendRecorded(fetched, urls, token);
        ms.push(performance.now() - start);
      }
      const query = String((JSON.parse(fetched.body) as { query?: string }).query ?? '');
      const field = /\{\s*(\w+)/.exec(query)?.[1] ?? '?';
      rows.push({ wave: w + 1, subgraph: fetched.subgraph, field, ms: percentile(ms, 50) });
    }
  }
  return rows;
}

export async function loadDirect(options: {
  waves: RecordedFetch[][];
  /** Subgraph name -> its GraphQL URL. */
  urls: Record<string, string>;
  token: TokenFor;
  connections: number;
  seconds: number;
  /** Stop each client after this many drill-downs (a warm-up) instead of at the deadline. */
  iterations?: number;
}): Promise<LoadResult> {
  const latencies: number[] = [];
  let errors = 0;
  const started = performance.now();
  const deadline = started + options.seconds * 1000;
  const send = (fetched: RecordedFetch): Promise<void> => sendRecorded(fetched, options.urls, options.token);
  const client = async (): Promise<void> => {
    for (
      let n = 0;
      options.iterations === undefined ? performance.now() < deadline : n < options.iterations;
      n += 1
    ) {
      const start = performance.now();
      try {
        for (const wave of options.waves) await Promise.all(wave.map(send));
        latencies.push(performance.now() - start);
      } catch {
        errors += 1;
      }
    }
  };
  await Promise.all(Array.from({ length: options.connections }, client));
  return summarize(latencies, (performance.now() - started) / 1000, errors);
}
