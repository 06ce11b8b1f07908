import './production-mode';
import { execSync } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import type { Client } from 'pg';
import { authorizationFor, clientToken, ensureTestKeys } from '@switchboard/testing';
import { startBenchStack } from './bench-stack';
import { describeSetup, startBenchCluster, withClient } from './bench-cluster';
import { benchGeneration, benchQueues, BENCH_FROM, TABLE_COLUMNS } from './contact-file';
import {
  benchOptions,
  formatCount,
  formatMs,
  max,
  median,
  percentile,
  table,
  timed,
  verdict,
} from './measurement';
import { loadStatsContacts } from './stats-load';

const GOAL_MS = 50;

// the shared options; --runs: requests for the long history, --warmup: warm-up requests
const {
  args,
  contacts,
  runs,
  warmup,
  days,
  queues: queueCount,
} = benchOptions(
  {
    default: { contacts: '10000000', runs: '21', warmup: '20' },
    large: { contacts: '10000000', runs: '21', warmup: '20' },
  },
  { customers: { type: 'string', default: '200' }, long: { type: 'string', default: '20000' } },
);
const CONTACTS = contacts;
const CUSTOMERS = Number(args.customers);
const WARMUP = warmup;
const LONG = Number(args.long);
const LONG_KEY = 'BENCH-LONG-HISTORY';
const generation = benchGeneration(CONTACTS, days, queueCount);
const queues = benchQueues(generation);

const TIMELINE = `query($key: String!) { customer(key: $key) { customerKey
  timeline(first: 50) { items { kind at channel queueCode agent { employeeNo } contact { source externalId } }
    pageInfo { hasNextPage endCursor } } } }`;

/**
 * The contacts COPYed into traffic (loadStatsContacts, as bench:stats loads them, without the
 * rollups the timeline never reads), then one customer given a long history before the indexes are
 * rebuilt: LONG more contacts, copies of the first ones under a new key and new external ids.
 */
function load(client: Client): Promise<string[][]> {
  const columns = TABLE_COLUMNS.split(',');
  const copies = columns.map((c) =>
    c === 'external_id' ? `external_id || '-long'` : c === 'customer_key' ? `'${LONG_KEY}'` : c,
  );
  return loadStatsContacts(client, BENCH_FROM, {
    generation,
    queues,
    contacts: CONTACTS,
    rollups: false,
    afterCopy: [
      {
        label: `a long history: ${formatCount(LONG)} contacts of one customer`,
        run: () =>
          client.query(
            `insert into contact (${columns.join(', ')}) select ${copies.join(', ')} from contact order by id limit ${LONG}`,
          ),
      },
    ],
  });
}

const TRAFFIC_PAGE = `query($k: [String!]!) { contactsOfCustomer(customerKeys: $k, first: 51) {
  source externalId arrivedAt channel agent { employeeNo } } }`;

/** traffic's own page for the customer, asked of the traffic subgraph directly: the floor under the timeline. */
async function trafficPage(url: string, key: string): Promise<number> {
  const headers = { 'content-type': 'application/json', ...(await authorizationFor(url)) };
  const started = performance.now();
  const response = await fetch(url, {
    method: 'POST',
    headers,
    body: JSON.stringify({ query: TRAFFIC_PAGE, variables: { k: [key] } }),
  });
  const body = (await response.json()) as { data?: unknown; errors?: { message: string }[] };
  if (!body.data) throw new Error(`contactsOfCustomer ${key}: ${body.errors?.[0]?.message ?? 'no data'}`);
  return performance.now() - started;
}

const ONE_TRIP = `query($k: [String!]!) { customersWithContacts(customerKeys: $k) }`;

/**
 * One trip care makes to traffic through the gateway (the scope check alone), as care asks it: what
 * the timeline paid twice before the scope check and the first page went in one operation.
 */
async function oneTrip(url: string, key: string): Promise<number> {
  const headers = { 'content-type': 'application/json', ...(await authorizationFor(url)) };
  const started = performance.now();
  const response = await fetch(url, {
    method: 'POST',
    headers,
    body: JSON.stringify({ query: ONE_TRIP, variables: { k: [key] } }),
  });
  const body = (await response.json()) as { data?: unknown; errors?: { message: string }[] };
  if (!body.data) throw new Error(`customersWithContacts ${key}: ${body.errors?.[0]?.message ?? 'no data'}`);
  return performance.now() - started;
}

async function timeline(url: string, key: string): Promise<{ ms: number; items: number }> {
  const headers = { 'content-type': 'application/json', ...(await authorizationFor(url)) };
  const started = performance.now();
  const response = await fetch(url, {
    method: 'POST',
    headers,
    body: JSON.stringify({ query: TIMELINE, variables: { key } }),
  });
  const body = (await response.json()) as {
    data?: { customer: { timeline: { items: unknown[] } } | null } | null;
    errors?: { message: string }[];
  };
  const ms = performance.now() - started;
  if (!body.data?.customer) throw new Error(`customer ${key}: ${body.errors?.[0]?.message ?? 'null'}`);
  return { ms, items: body.data.customer.timeline.items.length };
}

/**
 * `node tools/bin/run.js tools/bench/care-timeline.bench.ts --contacts 10000000` (not in package.json):
 * `customer(key) { timeline(first: 50) }` at the gateway (care, traffic through the gateway) with
 * CONTACTS contacts in traffic, over CUSTOMERS different customers drawn from the data (one request
 * each, one at a time, after WARMUP warm-up requests), and the long-history customer; p50 / p95.
 */
async function main(): Promise<void> {
  process.env.LOG_LEVEL ??= 'warn';
  ensureTestKeys();
  const cluster = await startBenchCluster('switchboard-bench-timeline-');
  const stops: (() => Promise<void>)[] = [];
  try {
    const stack = await startBenchStack(cluster);
    stops.push(stack.stop);
    const { urls } = stack;
    const gateway = { url: stack.gatewayUrl };
    // care asks traffic through this gateway, as a service (as tools/e2e's stack does)
    process.env.SWITCHBOARD_GATEWAY_URL = gateway.url;
    process.env.SWITCHBOARD_SERVICE_TOKEN ??= await clientToken({
      subject: 'service:bench',
      roles: ['BI_READER'],
      centers: [],
      teams: [],
    });

    const trafficDb = cluster.url('bench_traffic');
    await withClient(trafficDb, async (client) => {
      const loading = await timed(() => load(client));
      const count = Number((await client.query('select count(*) as n from contact')).rows[0].n);
      // different customers spread over the table (a sample of pages), each with at least one contact
      const sampled = await client.query<{ customer_key: string; n: string }>(
        `with keys as (select distinct customer_key from contact tablesample system (1) repeatable (18)
                         where customer_key is not null and customer_key <> $1 limit $2)
         select k.customer_key, (select count(*) from contact c where c.customer_key = k.customer_key) as n
           from keys k`,
        [LONG_KEY, CUSTOMERS + WARMUP],
      );
      const keys = sampled.rows.map((r) => r.customer_key);
      const histories = sampled.rows.map((r) => Number(r.n)).sort((a, b) => a - b);
      console.log(`\n${await describeSetup(trafficDb)}`);
      console.log(`data: ${formatCount(count)} contacts in traffic; loaded in ${formatMs(loading.ms)}:`);
      console.log(table(['load phase', 'time'], loading.result));
      console.log(
        `customers asked: ${formatCount(keys.length - WARMUP)} different (contacts each: median ${median(histories)}, max ${max(histories)}) + the long history (${formatCount(LONG)} contacts)`,
      );

      for (const key of keys.slice(0, WARMUP)) await timeline(gateway.url, key);
      const measured: Array<{ ms: number; items: number }> = [];
      for (const key of keys.slice(WARMUP)) measured.push(await timeline(gateway.url, key));
      const long: Array<{ ms: number; items: number }> = [];
      for (let i = 0; i < runs; i++) long.push(await timeline(gateway.url, LONG_KEY));
      if (long.some((l) => l.items !== 50))
        throw new Error('the long history did not give a full page of 50');
      const floor: number[] = [];
      for (const key of keys.slice(WARMUP)) floor.push(await trafficPage(urls.traffic, key));
      const careAlone: number[] = [];
      for (const key of keys.slice(WARMUP)) careAlone.push((await timeline(urls.care, key)).ms);
      const trips: number[] = [];
      for (const key of keys.slice(WARMUP)) trips.push(await oneTrip(gateway.url, key));
      const ms = measured.map((m) => m.ms);
      const longMs = long.map((m) => m.ms);
      console.log(
        '\n' +
          table(
            ['timeline(first: 50) at the gateway', 'requests', 'p50', 'p95', 'max'],
            [
              [
                'different customers',
                String(ms.length),
                formatMs(median(ms)),
                formatMs(percentile(ms, 95)),
                formatMs(max(ms)),
              ],
              [
                "traffic's page alone (subgraph, no gateway)",
                String(floor.length),
                formatMs(median(floor)),
                formatMs(percentile(floor, 95)),
                formatMs(max(floor)),
              ],
              [
                'care alone (subgraph, its trip to traffic included)',
                String(careAlone.length),
                formatMs(median(careAlone)),
                formatMs(percentile(careAlone, 95)),
                formatMs(max(careAlone)),
              ],
              [
                'one trip to traffic through the gateway',
                String(trips.length),
                formatMs(median(trips)),
                formatMs(percentile(trips, 95)),
                formatMs(max(trips)),
              ],
              [
                'the long history',
                String(longMs.length),
                formatMs(median(longMs)),
                formatMs(percentile(longMs, 95)),
                formatMs(max(longMs)),
              ],
            ],
          ),
      );
      console.log(
        `\ngoal p50 < ${GOAL_MS} ms with ${formatCount(count)} contacts: ${verdict(median(ms) < GOAL_MS && median(longMs) < GOAL_MS)}` +
          `; p95 ${verdict(percentile(ms, 95) < GOAL_MS)}`,
      );
      const plan = await client.query<{ 'QUERY PLAN': string }>(
        `explain (analyze, buffers) select arrived_at, source, external_id from contact where customer_key = $1
          order by arrived_at desc, source collate "C" desc, external_id collate "C" desc limit 51`,
        [LONG_KEY],
      );
      console.log(
        `\nEXPLAIN of traffic's page for the long history:\n${plan.rows.map((r) => r['QUERY PLAN']).join('\n')}`,
      );
      console.log(`uptime: ${execSync('uptime').toString().trim()}`);
    });
  } finally {
    for (const stop of stops.reverse()) await stop();
    await cluster.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
