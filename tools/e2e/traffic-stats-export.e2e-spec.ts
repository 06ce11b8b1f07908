import type { Identity } from '@switchboard/auth';
import { contactMetrics } from '@switchboard/metrics';
import { caller, clientToken, postGraphQL } from '@switchboard/testing';
import { totalsOf } from '@switchboard/traffic';
import { startTestStack, type TestStack } from './stack';

interface StatsRow {
  intervalStart: string;
  queueId: string | null;
  channel: string | null;
  employeeNo: string | null;
  offered: number;
  answered: number;
  abandoned: number;
  serviceLevel: number | null;
  asaSeconds: number | null;
  ahtSeconds: number | null;
  transferRate: number | null;
  maxWaitSeconds: number | null;
}

/** The CSV as records (its values hold no commas or quotes: ids, codes, numbers). */
function parseCsv(text: string): Record<string, string>[] {
  const [header, ...lines] = text.trimEnd().split('\n');
  const columns = header.split(',');
  return lines.map((line) => Object.fromEntries(line.split(',').map((v, i) => [columns[i], v])));
}

const FROM = '2026-03-02T00:00:00.000Z';
// two days: the export sums each day in a statement of its own (exportPeriods)
const TO = '2026-03-04T00:00:00.000Z';

/**
 * GET /export/traffic-stats.csv through the gateway: trafficStats' statement streamed as CSV by
 * PostgreSQL (COPY), with its filter checks, its auth and its scope.
 */
describe('traffic stats CSV export through the gateway', () => {
  let stack: TestStack;
  let centers: Record<string, string>;
  let agent: string;
  let base: string;
  beforeAll(async () => {
    stack = await startTestStack();
    base = stack.gatewayUrl.replace(/\/graphql$/, '');
    const directory = await postGraphQL<{
      centers: { id: string; code: string }[];
      teams: { members: { employeeNo: string }[] }[];
    }>(stack.gatewayUrl, '{ centers { id code } teams { members { employeeNo } } }');
    centers = Object.fromEntries(directory.data!.centers.map((c) => [c.code, c.id]));
    agent = directory.data!.teams[0].members[0].employeeNo;
    const other = directory.data!.teams[1].members[0].employeeNo;
    // Contacts in two queues of two centers, over two days, by two agents, voice and chat.
    const contacts = Array.from({ length: 60 }, (_, i) => {
      const arrived = new Date(Date.parse(FROM) + (i % 24) * 2 * 3_600_000 + i * 7_000);
      const answered = i % 5 !== 0;
      return {
        source: 'export-e2e',
        externalId: `x${i}`,
        channel: i % 3 === 0 ? 'CHAT' : 'VOICE',
        queue: i % 2 ? 'EXP-SHA' : 'EXP-CTU',
        agent: answered ? (i % 4 < 2 ? agent : other) : null,
        arrivedAt: arrived.toISOString(),
        ...(answered
          ? {
              answeredAt: new Date(arrived.getTime() + (5 + (i % 40)) * 1000).toISOString(),
              endedAt: new Date(arrived.getTime() + (100 + i * 3) * 1000).toISOString(),
              outcome: 'ANSWERED',
            }
          : { endedAt: new Date(arrived.getTime() + 30_000).toISOString(), outcome: 'ABANDONED' }),
      };
    });
    const ingested = await postGraphQL<{ ingestContacts: { inserted: number } }>(
      stack.gatewayUrl,
      'mutation($c: [ContactInput!]!) { ingestContacts(contacts: $c) { inserted } }',
      { c: contacts },
    );
    expect(ingested.errors).toBeUndefined();
    expect(ingested.data?.ingestContacts.inserted).toBe(60);
    const sql = stack.subgraphs.traffic.orm.em.fork().getConnection();
    await sql.execute(`update queue set center_id = ? where code = 'EXP-SHA'`, [centers['SHA-01']]);
    await sql.execute(`update queue set center_id = ? where code = 'EXP-CTU'`, [centers['CTU-T1']]);
  });
  afterAll(() => stack.stop());

  const exportCsv = async (query: string, identity: Identity | null = caller('ADMIN')): Promise<Response> =>
    fetch(`${base}/export/traffic-stats.csv?${query}`, {
      headers: identity ? { authorization: `Bearer ${await clientToken(identity)}` } : {},
    });
  const stats = async (identity: Identity, groupBy: string): Promise<StatsRow[]> => {
    const answer = await postGraphQL<{ trafficStats: StatsRow[] }>(
      stack.gatewayUrl,
      `query($f: StatsFilter!) { trafficStats(filter: $f, granularity: HOUR, groupBy: [${groupBy}]) {
        intervalStart queueId channel employeeNo offered answered abandoned serviceLevel asaSeconds ahtSeconds
        transferRate maxWaitSeconds } }`,
      { f: { from: FROM, to: TO, timeZone: 'Asia/Shanghai' } },
      { authorization: `Bearer ${await clientToken(identity)}` },
    );
    expect(answer.errors).toBeUndefined();
    return answer.data!.trafficStats;
  };
  /** A CSV row as trafficStats computes it: its sums through the same formulas. */
  const asStatsRow = (r: Record<string, string>): StatsRow => {
    const sums = Object.fromEntries(
      Object.entries(r).map(([k, v]) => [k, v === '' ? null : Number(v)]),
    ) as unknown as Parameters<typeof totalsOf>[0];
    const m = contactMetrics(totalsOf(sums), 'EXCLUDE_SHORT_ABANDONS');
    return {
      intervalStart: new Date(r.interval_start).toISOString(),
      queueId: r.queue_key || null,
      channel: r.channel || null,
      employeeNo: r.agent_key || null,
      offered: m.offered,
      answered: m.answered,
      abandoned: m.abandoned,
      serviceLevel: m.serviceLevel,
      asaSeconds: m.asaSeconds,
      ahtSeconds: m.ahtSeconds,
      transferRate: m.transferRate,
      maxWaitSeconds: m.maxWaitSeconds,
    };
  };
  const filterQuery = (groupBy: string) =>
    `from=${FROM}&to=${TO}&timeZone=Asia/Shanghai&granularity=HOUR&groupBy=${groupBy}`;

  it("streams trafficStats' rows as CSV, the same rows for the same filter", async () => {
    const response = await exportCsv(filterQuery('QUEUE,CHANNEL,AGENT'));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(response.headers.get('content-disposition')).toContain('traffic-stats.csv');
    const rows = parseCsv(await response.text());
    const expected = await stats(caller('ADMIN'), 'QUEUE, CHANNEL, AGENT');
    expect(expected.length).toBeGreaterThan(20);
    // rows on both sides of the cut between the two statements (a day each)
    const cut = Date.parse(FROM) + 86_400_000;
    expect(expected.some((r) => Date.parse(r.intervalStart) < cut)).toBe(true);
    expect(expected.some((r) => Date.parse(r.intervalStart) >= cut)).toBe(true);
    expect(rows.map(asStatsRow)).toEqual(expected);
    expect(Object.keys(rows[0]).slice(0, 5)).toEqual([
      'interval_start',
      'interval_ms',
      'queue_key',
      'channel',
      'agent_key',
    ]);
    // the list filters narrow it as trafficStats' filter does
    const chat = parseCsv(await (await exportCsv(`${filterQuery('QUEUE')}&channels=CHAT`)).text());
    expect(chat.reduce((n, r) => n + Number(r.answered) + Number(r.abandoned), 0)).toBe(20);
  });

  it("a center manager gets their center's rows only, an agent their own, as from trafficStats", async () => {
    const manager = caller('CENTER_MANAGER', { centers: ['SHA-01'] });
    const managerRows = parseCsv(await (await exportCsv(filterQuery('QUEUE,CHANNEL,AGENT'), manager)).text());
    const managerStats = await stats(manager, 'QUEUE, CHANNEL, AGENT');
    expect(managerRows.map(asStatsRow)).toEqual(managerStats);
    const all = await stats(caller('ADMIN'), 'QUEUE, CHANNEL, AGENT');
    expect(managerRows.length).toBeGreaterThan(0);
    expect(managerRows.length).toBeLessThan(all.length);
    const queueCenters = await postGraphQL<{ queues: { id: string; code: string }[] }>(
      stack.gatewayUrl,
      '{ queues { id code } }',
    );
    const sha = queueCenters.data!.queues.find((q) => q.code === 'EXP-SHA')!.id;
    const ctu = queueCenters.data!.queues.find((q) => q.code === 'EXP-CTU')!.id;
    expect(new Set(managerRows.map((r) => r.queue_key))).toEqual(new Set([sha]));
    // filtering on the other center's queue gives a manager nothing of it
    const outside = await exportCsv(`${filterQuery('QUEUE')}&queueIds=${ctu}`, manager);
    expect(parseCsv(await outside.text())).toEqual([]);

    // trafficStats scopes an agent to their own contacts (it does not refuse them): so does the export
    const self = caller('AGENT', { employeeNo: agent });
    const agentRows = parseCsv(await (await exportCsv(filterQuery('QUEUE,AGENT'), self)).text());
    expect(agentRows.length).toBeGreaterThan(0);
    expect(new Set(agentRows.map((r) => r.agent_key))).toEqual(new Set([agent]));
    expect(agentRows.map(asStatsRow)).toEqual(await stats(self, 'QUEUE, AGENT'));
  });

  it('refuses a bad parameter (400 naming it) and a caller without a token (401)', async () => {
    const cases: [string, string][] = [
      [`to=${TO}&granularity=HOUR`, 'from'],
      [`from=yesterday&to=${TO}&granularity=HOUR`, 'from'],
      [`from=${FROM}&to=${TO}`, 'granularity'],
      [`from=${FROM}&to=${TO}&granularity=DECADE`, 'granularity'],
      [`from=${FROM}&to=${TO}&granularity=HOUR&timeZone=Mars/Olympus`, 'timeZone'],
      [`from=${FROM}&to=${TO}&granularity=HOUR&centerIds=1;drop table contact`, 'centerIds'],
      [`from=${FROM}&to=${TO}&granularity=HOUR&channels=FAX`, 'channels'],
      [`from=${FROM}&to=${TO}&granularity=HOUR&groupBy=QUEUE,PLANET`, 'groupBy'],
      [`from=${TO}&to=${FROM}&granularity=HOUR`, 'to'],
      [`from=${FROM}&to=${TO}&granularity=HOUR&limit=5`, 'limit'],
      [`from=${FROM}&from=${FROM}&to=${TO}&granularity=HOUR`, 'from'],
    ];
    for (const [query, field] of cases) {
      const response = await exportCsv(query);
      const body = (await response.json()) as { code: string; message: string };
      expect({ query, status: response.status, code: body.code }).toEqual({
        query,
        status: 400,
        code: 'BAD_USER_INPUT',
      });
      expect(body.message.startsWith(`${field}:`)).toBe(true);
    }
    const anonymous = await exportCsv(filterQuery('QUEUE'), null);
    expect(anonymous.status).toBe(401);
    expect(
      ((await anonymous.json()) as { errors: { extensions: { code: string } }[] }).errors[0].extensions.code,
    ).toBe('UNAUTHENTICATED');
    // and the database still answers (a refused export leaves no connection behind)
    expect((await exportCsv(filterQuery('QUEUE'))).status).toBe(200);
    // free text inlined into COPY (it takes no bind parameters) stays a value: quotes, a backslash,
    // a statement after it match no queue or agent, and the table is still there
    for (const hostile of [
      "x'); drop table contact; --",
      "x\\'); select pg_sleep(5); --",
      "x' or '1'='1",
      '$$; drop table contact; $$',
    ]) {
      for (const field of ['queueCodes', 'employeeNos']) {
        const started = Date.now();
        const answer = await exportCsv(`${filterQuery('QUEUE')}&${field}=${encodeURIComponent(hostile)}`);
        expect({ field, hostile, status: answer.status }).toEqual({ field, hostile, status: 200 });
        expect(parseCsv(await answer.text())).toEqual([]);
        expect(Date.now() - started).toBeLessThan(5_000);
      }
    }
    expect(parseCsv(await (await exportCsv(filterQuery('QUEUE'))).text()).length).toBeGreaterThan(0);
  });
});
