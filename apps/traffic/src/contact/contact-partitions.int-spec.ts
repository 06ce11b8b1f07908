import type { EntityManager } from '@mikro-orm/postgresql';
import { Client } from 'pg';
import { postGraphQL, startTestSubgraph, type TestSubgraph } from '@switchboard/testing';
import { inPgTransaction } from '../ingest/pg-client';
import { trafficSubgraph } from '../traffic.subgraph';
import { keepContactPartitions } from './contact-partition.jobs';
import { contactPartitions } from './contact-partitions';

const INGEST =
  'mutation($c: [ContactInput!]!) { ingestContacts(contacts: $c) { inserted duplicates rejected } }';

/** Customer C-n's contacts on the 10th and 12th of September, October and November 2026. */
function contacts(source = 'part-test') {
  const rows = [];
  for (const [year, month] of [
    [2026, 8],
    [2026, 9],
    [2026, 10],
  ])
    for (const day of [10, 12])
      for (let n = 0; n < 4; n += 1) {
        const arrived = new Date(Date.UTC(year, month, day, 2, n * 10));
        rows.push({
          source,
          externalId: `${year}-${month + 1}-${day}-${n}`,
          channel: 'VOICE',
          queue: 'PART-Q',
          agent: `P${n % 2}`,
          customerKey: `C-${n}`,
          arrivedAt: arrived.toISOString(),
          answeredAt: new Date(arrived.getTime() + 5_000).toISOString(),
          endedAt: new Date(arrived.getTime() + 300_000).toISOString(),
          outcome: 'ANSWERED',
        });
      }
  return rows;
}

interface PlanNode {
  'Relation Name'?: string;
  'Actual Loops'?: number;
  Plans?: PlanNode[];
}

/** A statement as the subgraph sent it to PostgreSQL, with its parameters. */
interface SentStatement {
  text: string;
  values: unknown[];
}

/** The partitions of `contact` a statement's plan reads (with `analyze`: those it actually ran). */
async function scannedContactMonths(
  em: EntityManager,
  sent: SentStatement,
  analyze = false,
): Promise<string[]> {
  const plan = await inPgTransaction(em, async (client) => {
    const result = await client.query<{ 'QUERY PLAN': { Plan: PlanNode }[] }>(
      `explain (format json${analyze ? ', analyze' : ''}) ${sent.text}`,
      sent.values,
    );
    return result.rows[0]['QUERY PLAN'][0].Plan;
  });
  const found = new Set<string>();
  const walk = (node: PlanNode): void => {
    const name = node['Relation Name'];
    if (name?.startsWith('contact_p') || name === 'contact_default')
      if (!analyze || (node['Actual Loops'] ?? 0) > 0) found.add(name);
    node.Plans?.forEach(walk);
  };
  walk(plan);
  return [...found].sort();
}

type Query = (...args: unknown[]) => unknown;

/**
 * The statements reading `contact` that a request sent, with their parameters (node-postgres's
 * `Client#query` watched while the request runs: the subgraph runs in this process).
 */
async function contactStatements(
  traffic: TestSubgraph,
  query: string,
  variables: Record<string, unknown>,
): Promise<SentStatement[]> {
  const prototype = Client.prototype as unknown as { query: Query };
  const original = prototype.query;
  const sent: SentStatement[] = [];
  prototype.query = function (this: Client, ...args: unknown[]) {
    const [first, second] = args;
    const config =
      typeof first === 'string' ? { text: first, values: second } : (first as Partial<SentStatement>);
    if (typeof config?.text === 'string')
      sent.push({ text: config.text, values: Array.isArray(config.values) ? config.values : [] });
    return original.apply(this, args);
  };
  try {
    const result = await postGraphQL(traffic.url, query, variables);
    expect(result.errors).toBeUndefined();
  } finally {
    prototype.query = original;
  }
  return sent.filter(
    (s) => /^\s*(select|with)\b/i.test(s.text) && /\bcontact c\b|\bcontact n\b|join contact\b/.test(s.text),
  );
}

describe('contacts partitioned by month: plans read only the months asked', () => {
  let traffic: TestSubgraph;
  beforeAll(async () => {
    traffic = await startTestSubgraph(trafficSubgraph);
    const ingest = await postGraphQL(traffic.url, INGEST, { c: contacts() });
    expect(ingest.data).toEqual({ ingestContacts: { inserted: 24, duplicates: 0, rejected: 0 } });
  });
  afterAll(() => traffic.stop());
  const em = (): EntityManager => traffic.orm.em.fork() as EntityManager;

  it('makes the partitions of the months imported, on demand, and stores each contact in its month', async () => {
    const client = em();
    expect(await inPgTransaction(client, contactPartitions)).toEqual([
      'contact_default',
      'contact_p2026_09',
      'contact_p2026_10',
      'contact_p2026_11',
    ]);
    const counts = await client
      .getConnection()
      .execute<
        { part: string; n: number }[]
      >(`select tableoid::regclass::text as part, count(*)::int as n from contact group by 1 order by 1`);
    expect(counts).toEqual([
      { part: 'contact_p2026_09', n: 8 },
      { part: 'contact_p2026_10', n: 8 },
      { part: 'contact_p2026_11', n: 8 },
    ]);
  });

  it("a sample of October's contacts reads October's partition only", async () => {
    const statements = await contactStatements(
      traffic,
      `query($f: ContactSampleInput!) { contactSample(filter: $f) { externalId repeatedWithin(days: 30) } }`,
      { f: { from: '2026-10-01T00:00:00Z', to: '2026-11-01T00:00:00Z', perAgent: 10, seed: 's' } },
    );
    expect(statements.length).toBeGreaterThanOrEqual(2); // the sample, then repeatedWithin's batch
    const [sample, ...repeats] = statements;
    expect(await scannedContactMonths(em(), sample)).toEqual(['contact_p2026_10']);
    // repeatedWithin's window (arrival, arrival + 30 days] is known per row: pruned as it runs
    for (const repeat of repeats)
      expect(await scannedContactMonths(em(), repeat, true)).toEqual([
        'contact_p2026_10',
        'contact_p2026_11',
      ]);
  });

  it("frequent contacters of two days of November read November's partition only", async () => {
    const statements = await contactStatements(
      traffic,
      `query { frequentContacters(from: "2026-11-10T00:00:00Z", to: "2026-11-12T00:00:00Z", minContacts: 1) { customerKey contacts } }`,
      {},
    );
    expect(statements.length).toBeGreaterThanOrEqual(1);
    for (const statement of statements)
      expect(await scannedContactMonths(em(), statement)).toEqual(['contact_p2026_11']);
  });

  it("a contact found by its natural key reads its own month's partition only", async () => {
    const statements = await contactStatements(
      traffic,
      `query($r: [_Any!]!) { _entities(representations: $r) { ... on Contact { externalId arrivedAt } } }`,
      { r: [{ __typename: 'Contact', source: 'part-test', externalId: '2026-10-12-1' }] },
    );
    expect(statements).toHaveLength(1);
    expect(await scannedContactMonths(em(), statements[0], true)).toEqual(['contact_p2026_10']);
  });
});

describe('contacts partitioned by month: retention', () => {
  let traffic: TestSubgraph;
  beforeAll(async () => {
    traffic = await startTestSubgraph(trafficSubgraph);
    await postGraphQL(traffic.url, INGEST, { c: contacts() });
  });
  afterAll(() => traffic.stop());

  const TODAY = new Date('2026-11-15T08:00:00Z');
  const STATS = `query { trafficStats(filter: { from: "2026-09-01T00:00:00Z", to: "2026-12-01T00:00:00Z", timeZone: "UTC" },
    granularity: MONTH) { intervalStart offered answered } }`;

  it('drops whole months before the horizon, keeps their rollups, and skips their contacts if sent again', async () => {
    const before = await postGraphQL(traffic.url, STATS);
    expect(before.errors).toBeUndefined();
    const em = traffic.orm.em.fork() as EntityManager;
    // keep 2 months on 2026-11-15: November and October (and make December and January ahead)
    expect(await keepContactPartitions(em, 2, TODAY)).toEqual({ dropped: 1 });
    expect(await inPgTransaction(em, contactPartitions)).toEqual([
      'contact_default',
      'contact_p2026_10',
      'contact_p2026_11',
      'contact_p2026_12',
      'contact_p2027_01',
    ]);
    const left = await em
      .getConnection()
      .execute<
        { contacts: number; keys: number }[]
      >(`select (select count(*) from contact)::int as contacts, (select count(*) from contact_key)::int as keys`);
    expect(left).toEqual([{ contacts: 16, keys: 16 }]);
    // September's figures stay in the rollups; its contacts sent again are not counted twice
    const again = await postGraphQL(traffic.url, INGEST, { c: contacts() });
    expect(again.data).toEqual({ ingestContacts: { inserted: 0, duplicates: 24, rejected: 0 } });
    expect(await postGraphQL(traffic.url, STATS)).toEqual(before);
    // a shorter period later never brings a month back; keeping fewer months drops more
    expect(await keepContactPartitions(em, 6, TODAY)).toEqual({ dropped: 0 });
    expect(await keepContactPartitions(em, 1, TODAY)).toEqual({ dropped: 1 });
  });
});

describe('contacts partitioned by month: the default partition', () => {
  let traffic: TestSubgraph;
  beforeAll(async () => {
    traffic = await startTestSubgraph(trafficSubgraph);
  });
  afterAll(() => traffic.stop());

  it('keeps a row of a month without partition, and moves it into the month when the month is made', async () => {
    const em = traffic.orm.em.fork() as EntityManager;
    // a row written straight into contact (not through the writer) for a month that has no partition yet
    await em.getConnection().execute(
      `insert into contact (source, external_id, channel, direction, arrived_at, ended_at, outcome)
       values ('direct', 'd-1', 'VOICE', 'INBOUND', '2025-03-05T10:00:00Z', '2025-03-05T10:01:00Z', 'ABANDONED')`,
    );
    const where = () =>
      em
        .getConnection()
        .execute<
          { part: string }[]
        >(`select tableoid::regclass::text as part from contact where source = 'direct'`);
    expect(await where()).toEqual([{ part: 'contact_default' }]);
    const [first] = contacts('march');
    const ingest = await postGraphQL(traffic.url, INGEST, {
      c: [
        {
          ...first,
          arrivedAt: '2025-03-09T02:00:00Z',
          answeredAt: '2025-03-09T02:00:05Z',
          endedAt: '2025-03-09T02:05:00Z',
        },
      ],
    });
    expect(ingest.data).toEqual({ ingestContacts: { inserted: 1, duplicates: 0, rejected: 0 } });
    expect(await where()).toEqual([{ part: 'contact_p2025_03' }]);
    expect(await inPgTransaction(em, contactPartitions)).toEqual(['contact_default', 'contact_p2025_03']);
  });
});
