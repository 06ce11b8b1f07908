import { seededRandom } from '@switchboard/demo';
import { postGraphQL, startTestSubgraph, type TestSubgraph, authorizationFor } from '@switchboard/testing';
import type { ContactRecord } from '../contact/contact-record';
import { trafficSubgraph } from '../traffic.subgraph';
import { writeContactBatch } from './contact-writer';
import { inPgTransaction } from './pg-client';
import { catchUpRollups } from './roll-up-behind';

const HEADER =
  'source,external_id,channel,direction,queue,agent,customer_key,arrived_at,answered_at,ended_at,hold_seconds,acw_seconds,outcome,transferred,wrapup_code';
const QUEUES = ['FI-CARDS', 'FI-LOANS', 'FI-CHAT'];

/** A seeded mix of contacts over two days: queues, agents, channels, every outcome, quoted fields. */
function csvLines(count: number): string[] {
  const random = seededRandom(42);
  const start = Date.parse('2026-04-06T00:00:00Z');
  return Array.from({ length: count }, (_, i) => {
    const arrived = start + Math.floor(random() * 2 * 86_400_000);
    const queue = QUEUES[Math.floor(random() * QUEUES.length)];
    const channel = queue === 'FI-CHAT' ? 'CHAT' : 'VOICE';
    const u = random();
    const outcome = u < 0.8 ? 'ANSWERED' : u < 0.93 ? 'ABANDONED' : 'IVR';
    const wait = Math.floor(random() * 60);
    const talk = 20 + Math.floor(random() * 400);
    const iso = (ms: number): string => new Date(ms).toISOString();
    const answered = outcome === 'ANSWERED' ? arrived + wait * 1000 : null;
    const ended = (answered ?? arrived + wait * 1000) + (answered ? talk * 1000 : 0);
    const agent = answered ? `E${1 + Math.floor(random() * 25)}` : '';
    const hold = answered ? Math.floor(random() * 10) : '';
    const wrapup = i % 7 === 0 ? '"CARD, ""BLOCKED"""' : i % 11 === 0 ? '"multi\nline"' : 'OTHER';
    return [
      'fi',
      `x${i}`,
      channel,
      'INBOUND',
      outcome === 'IVR' ? '' : queue,
      agent,
      `C${Math.floor(random() * 400)}`,
      iso(arrived),
      answered ? iso(answered) : '',
      iso(ended),
      hold,
      answered ? 15 : '',
      outcome,
      answered && random() < 0.1 ? 'true' : 'false',
      wrapup,
    ].join(',');
  });
}

interface Report {
  read: number;
  inserted: number;
  duplicates: number;
  rejected: number;
}

describe('file import: batches, re-imports, and the two rollups', () => {
  let traffic: TestSubgraph;
  beforeAll(async () => {
    traffic = await startTestSubgraph(trafficSubgraph);
  });
  afterAll(() => traffic.stop());

  const importCsv = async (body: string): Promise<{ report: Report; rejected: unknown[] }> => {
    const response = await fetch(`${new URL(traffic.url).origin}/import/contacts?format=csv`, {
      method: 'POST',
      headers: await authorizationFor(traffic.url),
      body,
    });
    const events = (await response.text())
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as { type: string } & Report);
    const report = events.find((e) => e.type === 'report');
    if (!report) throw new Error(`no report: ${JSON.stringify(events.slice(-2))}`);
    return { report, rejected: events.filter((e) => e.type === 'rejected') };
  };
  const sql = <T>(text: string): Promise<T[]> => traffic.orm.em.fork().getConnection().execute<T[]>(text);

  it('stores each contact once across overlapping files and keeps both rollups in agreement', async () => {
    const lines = csvLines(30_000);
    // first two thirds (CRLF line ends, a byte-order mark), then the last two thirds: 10,000 overlap
    const first = await importCsv(`\uFEFF${[HEADER, ...lines.slice(0, 20_000)].join('\r\n')}\r\n`);
    expect(first.report).toMatchObject({ read: 20_000, inserted: 20_000, duplicates: 0, rejected: 0 });
    // a row repeated within the file counts once; no line break after the last row
    const second = await importCsv([HEADER, lines[25_000], ...lines.slice(10_000)].join('\n'));
    expect(second.report).toMatchObject({ read: 20_001, inserted: 10_000, duplicates: 10_001, rejected: 0 });

    const [counts] = await sql<{ contacts: number; rolled: number; queue_rolled: number }>(
      `select (select count(*) from contact where source = 'fi')::int as contacts,
        (select sum(answered + abandoned + ivr + callback + overflow + outbound) from interval_stat)::int as rolled,
        (select sum(answered + abandoned + ivr + callback + overflow + outbound) from queue_interval_stat)::int as queue_rolled`,
    );
    expect(counts).toEqual({ contacts: 30_000, rolled: 30_000, queue_rolled: 30_000 });
    const [wrapup] = await sql<{ n: number }>(
      `select count(*)::int as n from contact where wrapup_code in ('CARD, "BLOCKED"', e'multi\\nline')`,
    );
    expect(wrapup.n).toBe(
      Math.floor(29_999 / 7) + 1 + Math.floor(29_999 / 11) + 1 - (Math.floor(29_999 / 77) + 1),
    );

    // the queue-level rollup is exactly the agent-level one summed over agents
    const measures =
      'answered, abandoned, short_abandoned, answered_within_threshold, abandoned_within_threshold, transferred, ivr, callback, overflow, outbound, wait_seconds_answered, handle_seconds, talk_seconds, hold_seconds, acw_seconds, max_wait_seconds';
    const sums = measures
      .split(', ')
      .map((c) => (c === 'max_wait_seconds' ? `max(${c})` : `sum(${c})`))
      .join(', ');
    const [difference] = await sql<{ agent_only: number; queue_only: number; rows: number }>(
      `with by_agent as (select interval_start, queue_key, channel, ${sums} from interval_stat group by 1, 2, 3),
            by_queue as (select interval_start, queue_key, channel, ${measures} from queue_interval_stat)
       select (select count(*) from (select * from by_agent except select * from by_queue) x)::int as agent_only,
              (select count(*) from (select * from by_queue except select * from by_agent) x)::int as queue_only,
              (select count(*) from by_queue)::int as rows`,
    );
    expect(difference).toEqual({ agent_only: 0, queue_only: 0, rows: expect.any(Number) });
    expect(difference.rows).toBeGreaterThan(200);

    // and trafficStats by queue (queue-level rollups) equals by queue and agent (agent level), summed
    const stats = async (groupBy: string) =>
      (
        await postGraphQL<{
          trafficStats: { queueCode: string; offered: number; answered: number; ahtSeconds: number }[];
        }>(
          traffic.url,
          `{ trafficStats(filter: { from: "2026-04-06T00:00:00Z", to: "2026-04-08T00:00:00Z" }, granularity: DAY, groupBy: ${groupBy}) { queueCode offered answered ahtSeconds } }`,
        )
      ).data?.trafficStats ?? [];
    const byQueue = await stats('[QUEUE]');
    const byAgent = await stats('[QUEUE, AGENT]');
    expect(byQueue.length).toBeGreaterThan(3);
    const total = (rows: typeof byQueue, field: 'offered' | 'answered') =>
      rows.reduce((sum, r) => sum + r[field], 0);
    expect(total(byQueue, 'offered')).toBe(total(byAgent, 'offered'));
    expect(total(byQueue, 'answered')).toBe(total(byAgent, 'answered'));
    const handle = (rows: typeof byQueue) =>
      rows.reduce((sum, r) => sum + (r.ahtSeconds ?? 0) * r.answered, 0);
    expect(handle(byQueue)).toBeCloseTo(handle(byAgent), 3);

    // the rows' entity fields come from their ids, when selected
    const agents = await postGraphQL<{
      trafficStats: { employeeNo: string | null; agent: { employeeNo: string } | null; center: null }[];
    }>(
      traffic.url,
      `{ trafficStats(filter: { from: "2026-04-06T00:00:00Z", to: "2026-04-08T00:00:00Z" }, granularity: TOTAL, groupBy: [AGENT]) { employeeNo agent { employeeNo } center { id } } }`,
    );
    const rows = agents.data?.trafficStats ?? [];
    expect(rows.length).toBe(26); // E1..E25, and the unanswered contacts without an agent
    for (const row of rows) {
      expect(row.agent).toEqual(row.employeeNo ? { employeeNo: row.employeeNo } : null);
      expect(row.center).toBeNull();
    }
  }, 120_000);

  it("after a crash between a batch's COPY commit and its roll-up, a rerun rolls it up exactly once", async () => {
    const start = Date.parse('2026-05-04T08:00:00Z');
    const lines = Array.from({ length: 3_000 }, (_, i) => {
      const arrived = start + i * 7_000;
      const answered = i % 5 === 0 ? null : arrived + (i % 40) * 1000;
      const ended = (answered ?? arrived + 30_000) + (answered ? 60_000 + (i % 90) * 1000 : 0);
      const iso = (ms: number | null): string => (ms === null ? '' : new Date(ms).toISOString());
      return `crash,c${i},VOICE,INBOUND,CRASH-Q,${answered ? `E${i % 9}` : ''},,${iso(arrived)},${iso(answered)},${iso(ended)},${i % 4},10,${answered ? 'ANSWERED' : 'ABANDONED'},false,`;
    });
    // The first 1,200 rows committed by COPY and never rolled up: the server died in between.
    const crashed: ContactRecord[] = lines.slice(0, 1_200).map((line) => {
      const f = line.split(',');
      return {
        source: f[0],
        externalId: f[1],
        channel: 'VOICE',
        direction: 'INBOUND',
        queue: f[4],
        agent: f[5] || null,
        customerKey: null,
        arrivedAt: new Date(f[7]),
        answeredAt: f[8] ? new Date(f[8]) : null,
        endedAt: new Date(f[9]),
        holdSeconds: Number(f[10]),
        acwSeconds: 10,
        outcome: f[12] as ContactRecord['outcome'],
        transferred: false,
        wrapupCode: null,
      };
    });
    const em = traffic.orm.em.fork();
    expect(await inPgTransaction(em, (client) => writeContactBatch(client, crashed))).toEqual({
      inserted: 1_200,
      duplicates: 0,
    });
    const rolledUp = async () =>
      (
        await sql<{
          contacts: number;
          rolled: number;
          queue_rolled: number;
          talk: number;
          expected_talk: number;
        }>(
          `select (select count(*) from contact where source = 'crash')::int as contacts,
            (select coalesce(sum(answered + abandoned), 0) from interval_stat s join queue q on q.id::text = s.queue_key where q.code = 'CRASH-Q')::int as rolled,
            (select coalesce(sum(answered + abandoned), 0) from queue_interval_stat s join queue q on q.id::text = s.queue_key where q.code = 'CRASH-Q')::int as queue_rolled,
            (select coalesce(sum(talk_seconds), 0) from interval_stat s join queue q on q.id::text = s.queue_key where q.code = 'CRASH-Q')::float8 as talk,
            (select coalesce(sum(extract(epoch from ended_at - answered_at) - hold_seconds), 0) from contact where source = 'crash' and outcome = 'ANSWERED')::float8 as expected_talk`,
        )
      )[0];
    expect(await rolledUp()).toMatchObject({ contacts: 1_200, rolled: 0, queue_rolled: 0 });

    // the rerun of the whole file stores the rest, and rolls up both parts, each contact once
    const rerun = await importCsv([HEADER, ...lines].join('\n'));
    expect(rerun.report).toMatchObject({ read: 3_000, inserted: 1_800, duplicates: 1_200, rejected: 0 });
    const after = await rolledUp();
    expect(after).toMatchObject({ contacts: 3_000, rolled: 3_000, queue_rolled: 3_000 });
    expect(after.talk).toBeCloseTo(after.expected_talk, 3);
    // and once more: nothing new, nothing counted twice
    await importCsv([HEADER, ...lines].join('\n'));
    expect(await rolledUp()).toMatchObject({ contacts: 3_000, rolled: 3_000, queue_rolled: 3_000 });
  }, 60_000);

  it('a restarted server rolls up, on its own, what its predecessor committed and never rolled up', async () => {
    const records: ContactRecord[] = Array.from({ length: 500 }, (_, i) => ({
      source: 'restart',
      externalId: `r${i}`,
      channel: 'VOICE',
      direction: 'INBOUND',
      queue: 'RESTART-Q',
      agent: 'E1',
      customerKey: null,
      arrivedAt: new Date(Date.UTC(2026, 3, 7, 9, i % 60)),
      answeredAt: new Date(Date.UTC(2026, 3, 7, 9, i % 60, 12)),
      endedAt: new Date(Date.UTC(2026, 3, 7, 9, i % 60, 50)),
      holdSeconds: 0,
      acwSeconds: 5,
      outcome: 'ANSWERED',
      transferred: false,
      wrapupCode: null,
    }));
    await inPgTransaction(traffic.orm.em.fork(), (client) => writeContactBatch(client, records));
    const answered = async () =>
      (
        await sql<{ n: number }>(
          `select coalesce(sum(answered), 0)::int as n from queue_interval_stat s join queue q on q.id::text = s.queue_key where q.code = 'RESTART-Q'`,
        )
      )[0].n;
    expect(await answered()).toBe(0);
    await new Promise<void>((done, fail) => {
      const stop = catchUpRollups({
        orm: traffic.orm,
        logger: {
          info: () => done(),
          warn: (_: unknown, message: string) => fail(new Error(message)),
        } as never,
      });
      stop();
    });
    expect(await answered()).toBe(500);
  });

  it('reports CSV that cannot be parsed, row by row, and stores the rest', async () => {
    const good = csvLines(3).map((l) => l.replace(/^fi,x/, 'fi-bad,y'));
    const body = [
      HEADER,
      good[0],
      'fi-bad,q1,VOICE,INBOUND,FI-CARDS,E1,C1,2026-04-06T10:00:00Z,,2026-04-06T10:00:30Z,,,ABANDONED,false,bro"ken',
      good[1],
      '"fi-bad","q2","VOICE"x,INBOUND',
      '',
      good[2],
    ].join('\n');
    const { report, rejected } = await importCsv(`${body}\n`);
    expect(report).toMatchObject({ read: 5, inserted: 3, rejected: 2 });
    expect(rejected).toEqual([
      {
        type: 'rejected',
        line: 3,
        field: 'line',
        reason: 'is not valid CSV: a quote inside an unquoted field',
      },
      { type: 'rejected', line: 5, field: 'line', reason: 'is not valid CSV: text after a closing quote' },
    ]);
  });
});
