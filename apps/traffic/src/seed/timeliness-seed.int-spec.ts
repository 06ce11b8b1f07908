import { DAY_MS, demoCenterId } from '@switchboard/demo';
import { postGraphQL, startTestSubgraph, type TestSubgraph } from '@switchboard/testing';
import { timelinessClock } from '../timeliness/data-source';
import { trafficSubgraph } from '../traffic.subgraph';
import { seedTimelinessDemo } from './timeliness-seed';

const INGEST = `mutation($c: [ContactInput!]!) { ingestContacts(contacts: $c) { inserted } }`;

/** Issue 22: the demo registers every source per center and records batch history, so freshness shows real figures. */
describe('the demo data timeliness', () => {
  let traffic: TestSubgraph;
  // a Wednesday 15:00 in Shanghai; the window is the 7 days before that midnight
  const now = new Date('2026-03-04T07:00:00Z');
  const window = { from: new Date('2026-02-25T16:00:00Z'), days: 7 };
  const count = async (sql: string): Promise<number> =>
    (await traffic.orm.em.fork().getConnection().execute<{ n: number }[]>(sql))[0].n;

  beforeAll(async () => {
    traffic = await startTestSubgraph(trafficSubgraph);
    const contacts = Array.from({ length: 40 }, (_, i) => {
      const arrived = new Date(window.from.getTime() + i * 3 * 3_600_000);
      return {
        source: 'demo',
        externalId: `t${i}`,
        channel: 'VOICE',
        queue: 'TS-Q',
        agent: 'E1',
        arrivedAt: arrived.toISOString(),
        answeredAt: new Date(arrived.getTime() + 10_000).toISOString(),
        endedAt: new Date(arrived.getTime() + 300_000).toISOString(),
        outcome: 'ANSWERED',
      };
    });
    const answer = await postGraphQL(traffic.url, INGEST, { c: contacts });
    expect(answer.errors).toBeUndefined();
    await traffic.orm.em.fork().getConnection().execute('delete from ingest_batch');
    await seedTimelinessDemo(traffic.orm.em.fork(), window, now);
  });
  afterAll(async () => {
    timelinessClock.now = () => new Date();
    await traffic.stop();
  });

  it('registers every source for each demo center', async () => {
    expect(await count("select count(*)::int as n from data_source where center_key <> ''")).toBe(2 * 10);
  });

  it("records traffic's contact deliveries from the seeded contacts, every row counted once", async () => {
    expect(
      await count(
        "select coalesce(sum(rows_read), 0)::int as n from ingest_batch where kind = 'ACD_CONTACTS'",
      ),
    ).toBe(40);
  });

  it("the other subgraphs' batches as their services report them: freshness with lags and rows", async () => {
    timelinessClock.now = () => now;
    const response = await postGraphQL<{
      dataFreshness: {
        kind: string;
        batches: number;
        rowsRead: number;
        lagMinutes: number | null;
        configured: boolean;
      }[];
    }>(
      traffic.url,
      `query($c: ID, $from: DateTimeISO!, $to: DateTimeISO!) { dataFreshness(centerId: $c, from: $from, to: $to, timeZone: "Asia/Shanghai") {
         kind batches rowsRead lagMinutes configured } }`,
      {
        c: demoCenterId('SHA-01'),
        from: window.from.toISOString(),
        to: new Date(window.from.getTime() + 7 * DAY_MS).toISOString(),
      },
    );
    expect(response.errors).toBeUndefined();
    const byKind = new Map((response.data?.dataFreshness ?? []).map((f) => [f.kind, f]));
    // roster at 06:00 local, 30 minutes' worth behind: at 15:00 the lag is 9.5 hours
    expect(byKind.get('ROSTER')).toMatchObject({ configured: true, batches: 7, lagMinutes: 570 });
    expect(byKind.get('ROSTER')?.rowsRead).toBeGreaterThan(0);
    // cases every business hour from 10:00 to 18:00: 9 a day, 6 that Wednesday by 15:00
    expect(byKind.get('CASES')).toMatchObject({ configured: true, batches: 6 * 9 + 6, lagMinutes: 30 });
    for (const kind of ['LMS', 'QA', 'SURVEYS', 'CRM_OUTCOMES', 'SCHEDULES'])
      expect([kind, byKind.get(kind)?.batches]).toEqual([kind, expect.any(Number)]);
    const origins = await traffic.orm.em
      .fork()
      .getConnection()
      .execute<{ kind: string; origin: string | null }[]>('select distinct kind, origin from ingest_batch');
    expect(origins).toEqual(
      expect.arrayContaining([
        { kind: 'SURVEYS', origin: 'voc' },
        { kind: 'ROSTER', origin: 'staff' },
        { kind: 'CRM_OUTCOMES', origin: null },
        { kind: 'ACD_CONTACTS', origin: null },
      ]),
    );
  });
});
