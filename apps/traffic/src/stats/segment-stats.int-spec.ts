import {
  postGraphQL,
  startGatewayDouble,
  startTestSubgraph,
  type GatewayDouble,
  type TestSubgraph,
} from '@switchboard/testing';
import { trafficSubgraph } from '../traffic.subgraph';
import { SEGMENT_MEASURES } from './segment-rollup';

/**
 * Issue 20 item 5: the segment of each contact's customer, asked of care (a gateway double here)
 * once per import batch and stamped on the contact; segmentStats per segment from the small segment
 * rollup (no STANDARD rows) and the queue rollup (STANDARD = total − the others), equal to the same
 * figures summed from the raw contact rows, before and after a queue's thresholds change.
 *
 * Random but seeded contacts of one day on two queues: keys V* are VIP in care, S* SENSITIVE, U*
 * VULNERABLE, K* STANDARD, X* unknown to care (STANDARD), some contacts without a key.
 */
const DAY = '2026-06-02';
const SEGMENT_OF: Record<string, string> = { V: 'VIP', S: 'SENSITIVE', U: 'VULNERABLE', K: 'STANDARD' };

function seeded(seed: number): () => number {
  let s = seed;
  return () => {
    s = (s * 1_103_515_245 + 12_345) % 2_147_483_648;
    return s / 2_147_483_648;
  };
}

function contacts(count: number, seed: number, prefix: string) {
  const random = seeded(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)];
  return Array.from({ length: count }, (_, i) => {
    const arrived = Date.parse(`${DAY}T00:00:00Z`) + Math.floor(random() * 86_400) * 1000;
    const outcome = pick(['ANSWERED', 'ANSWERED', 'ANSWERED', 'ABANDONED', 'IVR'] as const);
    const wait = Math.floor(random() * 60);
    const key =
      random() < 0.1 ? null : `${pick(['V', 'S', 'U', 'K', 'K', 'K', 'X'])}${Math.floor(random() * 40)}`;
    const answeredAt = outcome === 'ANSWERED' ? arrived + wait * 1000 : null;
    return {
      source: 'seg',
      externalId: `${prefix}-${i}`,
      channel: pick(['VOICE', 'VOICE', 'CHAT'] as const),
      queue: pick(['SEG-A', 'SEG-B']),
      agent: answeredAt ? pick(['G1', 'G2', 'G3']) : null,
      customerKey: key,
      arrivedAt: new Date(arrived).toISOString(),
      answeredAt: answeredAt ? new Date(answeredAt).toISOString() : null,
      endedAt: new Date(
        (answeredAt ?? arrived) + (answeredAt ? 120 + Math.floor(random() * 300) : wait) * 1000,
      ).toISOString(),
      holdSeconds: answeredAt ? Math.floor(random() * 30) : 0,
      acwSeconds: answeredAt ? Math.floor(random() * 40) : 0,
      outcome,
      transferred: answeredAt ? random() < 0.1 : false,
    };
  });
}

const INGEST = `mutation($c: [ContactInput!]!) { ingestContacts(contacts: $c) { inserted rejected unsegmented problems { field reason } } }`;
const STATS = `query($f: StatsFilter!, $g: Granularity!, $by: [StatsDimension!], $s: [CustomerSegment!]) {
  segmentStats(filter: $f, granularity: $g, groupBy: $by, segments: $s) {
    intervalStart segment queueCode channel offered answered abandoned shortAbandoned answeredWithinThreshold
    serviceLevel asaSeconds ahtSeconds abandonRate maxWaitSeconds transferRate } }`;

interface Row {
  intervalStart: string;
  segment: string;
  queueCode: string | null;
  offered: number;
  answered: number;
  abandoned: number;
  shortAbandoned: number;
  answeredWithinThreshold: number;
  serviceLevel: number | null;
  asaSeconds: number | null;
  ahtSeconds: number | null;
  abandonRate: number | null;
  maxWaitSeconds: number | null;
  transferRate: number | null;
}

interface RawRow {
  bucket: string;
  segment: string;
  queue_code: string;
  answered: number;
  abandoned: number;
  short_abandoned: number;
  answered_within_threshold: number;
  transferred: number;
  wait_answered: number;
  handle: number;
  max_wait: number | null;
}

describe('contact segments and segmentStats (issue 20 item 5)', () => {
  let traffic: TestSubgraph;
  let care: GatewayDouble;
  let careUp = true;

  beforeAll(async () => {
    care = await startGatewayDouble({
      resolve: ({ variables }) => {
        if (!careUp) throw new Error('care is down');
        return {
          customerSegments: (variables.k as string[]).map((key) => ({
            key,
            segment: SEGMENT_OF[key[0]] ?? 'STANDARD',
          })),
        };
      },
    });
    traffic = await startTestSubgraph(trafficSubgraph);
  });
  afterAll(async () => {
    await traffic.stop();
    await care.close();
  });

  /** The same figures from the contacts themselves, per bucket (hour or the day), queue and segment. */
  async function raw(bucket: 'hour' | 'day'): Promise<RawRow[]> {
    return traffic.orm.em.fork().execute<RawRow[]>(
      `select date_trunc('${bucket}', c.arrived_at at time zone 'UTC')::text as bucket,
              coalesce(c.customer_segment, 'STANDARD') as segment, q.code as queue_code,
              count(*) filter (where c.outcome = 'ANSWERED')::int as answered,
              count(*) filter (where c.outcome = 'ABANDONED')::int as abandoned,
              count(*) filter (where c.outcome = 'ABANDONED' and extract(epoch from c.ended_at - c.arrived_at) < q.short_abandon_seconds)::int as short_abandoned,
              count(*) filter (where c.outcome = 'ANSWERED' and extract(epoch from c.answered_at - c.arrived_at) <= q.sl_threshold_seconds)::int as answered_within_threshold,
              count(*) filter (where c.outcome = 'ANSWERED' and c.transferred)::int as transferred,
              coalesce(sum(extract(epoch from c.answered_at - c.arrived_at)) filter (where c.outcome = 'ANSWERED'), 0)::float8 as wait_answered,
              coalesce(sum(extract(epoch from c.ended_at - c.answered_at) + c.acw_seconds) filter (where c.outcome = 'ANSWERED'), 0)::float8 as handle,
              max(extract(epoch from coalesce(c.answered_at, c.ended_at) - c.arrived_at)) filter (where c.outcome in ('ANSWERED', 'ABANDONED'))::float8 as max_wait
       from contact c join queue q on q.id = c.queue_id
       where c.source = 'seg' and c.direction = 'INBOUND' and c.outcome in ('ANSWERED', 'ABANDONED')
       group by 1, 2, 3`,
    );
  }

  async function stats(granularity: string, variables: Record<string, unknown> = {}) {
    return postGraphQL<{ segmentStats: Row[] | null }>(traffic.url, STATS, {
      f: { from: `${DAY}T00:00:00Z`, to: '2026-06-03T00:00:00Z' },
      g: granularity,
      by: ['QUEUE'],
      ...variables,
    });
  }

  /** Every raw group is one row of the answer with the same counts and rates, and nothing else is. */
  async function expectEqualToRaw(granularity: 'HOUR' | 'TOTAL'): Promise<void> {
    const answer = await stats(granularity);
    expect(answer.errors).toBeUndefined();
    const rows = (answer.data?.segmentStats ?? []).filter((r) => r.offered > 0);
    const expected = await raw(granularity === 'HOUR' ? 'hour' : 'day');
    expect(rows).toHaveLength(expected.length);
    expect(new Set(expected.map((e) => e.segment))).toEqual(
      new Set(['VIP', 'SENSITIVE', 'VULNERABLE', 'STANDARD']),
    );
    for (const e of expected) {
      const row = rows.find(
        (r) =>
          r.segment === e.segment &&
          r.queueCode === e.queue_code &&
          Date.parse(r.intervalStart) === Date.parse(`${e.bucket.replace(' ', 'T')}Z`),
      );
      expect(row).toBeDefined();
      if (!row) continue;
      expect(row).toMatchObject({
        answered: e.answered,
        abandoned: e.abandoned,
        offered: e.answered + e.abandoned,
        shortAbandoned: e.short_abandoned,
        answeredWithinThreshold: e.answered_within_threshold,
      });
      const close = (actual: number | null, value: number | null) =>
        value === null ? expect(actual).toBeNull() : expect(actual).toBeCloseTo(value, 6);
      close(row.asaSeconds, e.answered ? e.wait_answered / e.answered : null);
      close(row.ahtSeconds, e.answered ? e.handle / e.answered : null);
      close(row.transferRate, e.answered ? e.transferred / e.answered : null);
      const slBase = e.answered + e.abandoned - e.short_abandoned;
      close(row.serviceLevel, slBase ? e.answered_within_threshold / slBase : null);
      // STANDARD's longest wait is known unless another segment of its group holds it
      if (e.segment !== 'STANDARD' || row.maxWaitSeconds !== null) close(row.maxWaitSeconds, e.max_wait);
    }
  }

  it('stamps each contact with its customer segment, asking care once per batch for the distinct keys', async () => {
    const batch = contacts(1500, 7, 'a');
    const answer = await postGraphQL<{ ingestContacts: { inserted: number; unsegmented: number } }>(
      traffic.url,
      INGEST,
      { c: batch },
    );
    expect(answer.errors).toBeUndefined();
    expect(answer.data?.ingestContacts).toMatchObject({ inserted: 1500, unsegmented: 0 });
    expect(care.requests).toHaveLength(1);
    const asked = care.requests[0].variables.k as string[];
    expect([...asked].sort()).toEqual(
      [...new Set(batch.flatMap((c) => (c.customerKey ? [c.customerKey] : [])))].sort(),
    );
    const stamped = await traffic.orm.em
      .fork()
      .execute<
        { key: string | null; segment: string | null }[]
      >("select customer_key as key, customer_segment as segment from contact where source = 'seg'");
    for (const c of stamped)
      expect(c.segment).toBe(c.key === null ? null : (SEGMENT_OF[c.key[0]] ?? 'STANDARD'));
  });

  it('has a column of the right type for every contact measure of the measure list (and no other)', async () => {
    const columns = await traffic.orm.em.fork().execute<{ name: string; type: string }[]>(
      `select column_name as name, data_type as type from information_schema.columns
        where table_name = 'queue_segment_interval_stat' and column_name not in ('interval_start', 'queue_key', 'channel', 'segment')`,
    );
    const typeOf = { integer: 'integer', double: 'double precision', numeric: 'numeric' } as const;
    expect(columns.map((c) => [c.name, c.type]).sort()).toEqual(
      SEGMENT_MEASURES.map((m) => [m.column, typeOf[m.type]]).sort(),
    );
  });

  it('keeps no STANDARD row in the segment rollup', async () => {
    const [{ standard, others }] = await traffic.orm.em
      .fork()
      .execute<
        { standard: number; others: number }[]
      >(`select count(*) filter (where segment = 'STANDARD')::int as standard, count(*)::int as others from queue_segment_interval_stat`);
    expect(standard).toBe(0);
    expect(others).toBeGreaterThan(0);
  });

  it('answers each segment by hour and for the day as the raw contact rows say', async () => {
    await expectEqualToRaw('HOUR');
    await expectEqualToRaw('TOTAL');
  });

  it('costs the same few statements whatever the number of rows', async () => {
    const { result, statements } = await traffic.sql.count(() => stats('HOUR'));
    expect(result.errors).toBeUndefined();
    expect(statements.filter((s) => /interval_stat/.test(s))).toHaveLength(2);
    expect(statements.filter((s) => /\bqueue\b/.test(s) && !/interval_stat/.test(s))).toHaveLength(1);
  });

  it("gives a queue's performance record its per-segment figures, as segmentStats does (a team's: none)", async () => {
    const queue = await postGraphQL<{ queue: { id: string } }>(
      traffic.url,
      '{ queue(code: "SEG-B") { id } }',
    );
    const id = queue.data?.queue.id as string;
    const key = { __typename: 'Performance', from: `${DAY}T00:00:00.000Z`, to: '2026-06-03T00:00:00.000Z' };
    const answer = await postGraphQL<{
      _entities: {
        trafficBySegment: { segment: string; offered: number; serviceLevel: number | null }[] | null;
      }[];
    }>(
      traffic.url,
      `query($r: [_Any!]!) { _entities(representations: $r) { ... on Performance { trafficBySegment { segment offered serviceLevel } } } }`,
      {
        r: [
          { ...key, scopeType: 'QUEUE', scopeId: id },
          { ...key, scopeType: 'TEAM', scopeId: id },
        ],
      },
    );
    expect(answer.errors).toBeUndefined();
    const [queueRecord, teamRecord] = answer.data?._entities ?? [];
    const rows =
      (await stats('TOTAL', { f: { from: key.from, to: key.to, queueIds: [id] } })).data?.segmentStats ?? [];
    expect(
      [...(queueRecord.trafficBySegment ?? [])].sort((a, b) => a.segment.localeCompare(b.segment)),
    ).toEqual(
      rows
        .map((r) => ({ segment: r.segment, offered: r.offered, serviceLevel: r.serviceLevel }))
        .sort((a, b) => a.segment.localeCompare(b.segment)),
    );
    expect(queueRecord.trafficBySegment).toHaveLength(4);
    expect(teamRecord.trafficBySegment).toEqual([]);
  });

  it('filters to the segments asked for', async () => {
    const answer = await stats('TOTAL', { s: ['VIP'] });
    expect(answer.errors).toBeUndefined();
    expect(new Set(answer.data?.segmentStats?.map((r) => r.segment))).toEqual(new Set(['VIP']));
  });

  it("stays equal to the raw rows after a queue's thresholds change (both rollups rebuilt)", async () => {
    const queue = await postGraphQL<{ queue: { id: string } }>(
      traffic.url,
      '{ queue(code: "SEG-A") { id } }',
    );
    const id = queue.data?.queue.id;
    const changed = await postGraphQL(
      traffic.url,
      'mutation($id: ID!) { updateQueue(id: $id, input: { serviceLevelThresholdSeconds: 10, shortAbandonSeconds: 3 }) { id } }',
      { id },
    );
    expect(changed.errors).toBeUndefined();
    await expectEqualToRaw('HOUR');
  });

  it('stores a batch care does not answer for, without segments, and says how many', async () => {
    careUp = false;
    try {
      const batch = contacts(200, 11, 'b');
      const answer = await postGraphQL<{ ingestContacts: { inserted: number; unsegmented: number } }>(
        traffic.url,
        INGEST,
        { c: batch },
      );
      expect(answer.errors).toBeUndefined();
      expect(answer.data?.ingestContacts).toEqual(
        expect.objectContaining({ inserted: 200, unsegmented: batch.filter((c) => c.customerKey).length }),
      );
      const [{ n }] = await traffic.orm.em
        .fork()
        .execute<
          { n: number }[]
        >("select count(*)::int as n from contact where external_id like 'b-%' and customer_segment is not null");
      expect(n).toBe(0);
      await expectEqualToRaw('TOTAL');
    } finally {
      careUp = true;
    }
  });

  it.each([
    [{ by: ['AGENT'] }, 'groupBy'],
    [{ by: ['TEAM'] }, 'groupBy'],
    [
      { f: { from: `${DAY}T00:00:00Z`, to: '2026-06-03T00:00:00Z', employeeNos: ['G1'] } },
      'filter.employeeNos',
    ],
    [{ f: { from: `${DAY}T00:00:00Z`, to: '2026-06-03T00:00:00Z', teamIds: [] } }, 'filter.teamIds'],
    [{ f: { from: `${DAY}T00:00:07Z`, to: '2026-06-03T00:00:00Z' } }, 'filter.from'],
  ])('refuses %j with BAD_USER_INPUT naming %s', async (variables, field) => {
    const answer = await stats('TOTAL', variables);
    expect(answer.errors?.[0]).toMatchObject({
      message: expect.stringContaining(field) as string,
      extensions: { code: 'BAD_USER_INPUT' },
    });
  });
});
