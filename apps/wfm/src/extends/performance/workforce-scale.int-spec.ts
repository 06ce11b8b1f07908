import { randomUUID } from 'node:crypto';
import { KnownReferences, postGraphQL, startTestSubgraph, type TestSubgraph } from '@switchboard/testing';
import { STATE_BATCH } from '../../adherence/agent-states.client';
import { TrafficStatesDouble } from '../../testing/traffic-states-double';
import { wfmSubgraph } from '../../wfm.subgraph';

/*
 * Performance.workforce of a center's month (issue 23: the center overview's slowest part): 120
 * agents, each scheduled 09:00-12:00 Shanghai on queue every day of November, each logged out until
 * 09:05 and then available (5 exception minutes a day, 175 on-queue minutes worked). The record's
 * cost must not grow with agents and days: one schedule statement, traffic asked in batches of
 * STATE_BATCH agents, the figures the sum of every agent-day.
 */
const AGENTS = Array.from({ length: 120 }, (_, i) => `S${String(i + 1).padStart(4, '0')}`);
const DAYS = Array.from({ length: 30 }, (_, i) => `2026-11-${String(i + 1).padStart(2, '0')}`);
/** November 2026 in Shanghai. */
const MONTH = { from: '2026-10-31T16:00:00.000Z', to: '2026-11-30T16:00:00.000Z' };
const RECORDS = `query($r: [_Any!]!) { _entities(representations: $r) { ... on Performance {
  workforce { adherence conformance scheduledSeconds exceptionSeconds onQueueWorkedSeconds scheduledAgentDays } } } }`;

interface Workforce {
  adherence: number;
  conformance: number;
  scheduledSeconds: number;
  exceptionSeconds: number;
  onQueueWorkedSeconds: number;
  scheduledAgentDays: number;
}

const record = (employeeNos: string[], period = MONTH) => ({
  __typename: 'Performance',
  scopeType: 'CENTER',
  scopeId: randomUUID(),
  ...period,
  agentSet: {
    id: `set-${employeeNos.length}-${period.from}`,
    agents: employeeNos.map((employeeNo) => ({ employeeNo })),
  },
});

describe('Performance.workforce of a center’s month', () => {
  let wfm: TestSubgraph;
  const gateway = new TrafficStatesDouble();
  const previousUrl = process.env.SWITCHBOARD_GATEWAY_URL;
  const ask = (representations: unknown[]) =>
    postGraphQL<{ _entities: ({ workforce: Workforce | null } | null)[] }>(wfm.url, RECORDS, {
      r: representations,
    });

  beforeAll(async () => {
    for (const employeeNo of AGENTS) {
      // 01:05-04:00 UTC is 09:05-12:00 in Shanghai
      gateway.states(
        employeeNo,
        DAYS.map((day) => ({ start: `${day}T01:05:00Z`, end: `${day}T04:00:00Z`, state: 'AVAILABLE' })),
      );
    }
    process.env.SWITCHBOARD_GATEWAY_URL = await gateway.start();
    wfm = await startTestSubgraph(wfmSubgraph, {
      referenceSource: new KnownReferences().add('agent', ...AGENTS).source,
    });
    const csv = [
      'employee_no,date,start,end,activity',
      ...AGENTS.flatMap((employeeNo) => DAYS.map((day) => `${employeeNo},${day},09:00,12:00,ON_QUEUE`)),
    ].join('\n');
    const imported = await postGraphQL<{ importSchedules: { applied: boolean } }>(
      wfm.url,
      'mutation($csv: String!) { importSchedules(csv: $csv, timeZone: "Asia/Shanghai") { applied } }',
      { csv },
    );
    expect(imported.errors).toBeUndefined();
    expect(imported.data?.importSchedules.applied).toBe(true);
  }, 120_000);
  afterAll(async () => {
    await wfm.stop();
    await gateway.stop();
    process.env.SWITCHBOARD_GATEWAY_URL = previousUrl;
  });

  it('sums every agent-day, with as many statements for 120 agents as for 2 and traffic asked per batch of agents', async () => {
    const small = await wfm.sql.count(() => ask([record(AGENTS.slice(0, 2))]));
    expect(small.result.errors).toBeUndefined();
    const asked = gateway.requests.length;
    // the month, and each of its first seven days (a trend by day), in one batch
    const days = DAYS.slice(0, 7).map((day, i) =>
      record(AGENTS, {
        from: new Date(Date.parse(`${day}T00:00:00+08:00`)).toISOString(),
        to: new Date(Date.parse(`${DAYS[i + 1]}T00:00:00+08:00`)).toISOString(),
      }),
    );
    const { result, statements } = await wfm.sql.count(() => ask([record(AGENTS), ...days]));
    expect(result.errors).toBeUndefined();
    expect(statements).toHaveLength(small.statements.length);
    expect(gateway.requests.length - asked).toBe(Math.ceil(AGENTS.length / STATE_BATCH));
    for (const variables of gateway.requests.slice(asked)) {
      expect((variables.n as string[]).length).toBeLessThanOrEqual(STATE_BATCH);
    }
    const [month, ...perDay] = (result.data?._entities ?? []).map((e) => e?.workforce);
    const agentDays = AGENTS.length * DAYS.length;
    expect(month).toEqual({
      adherence: expect.closeTo(175 / 180, 12),
      conformance: expect.closeTo(175 / 180, 12),
      scheduledSeconds: agentDays * 10_800,
      exceptionSeconds: agentDays * 300,
      onQueueWorkedSeconds: agentDays * 10_500,
      scheduledAgentDays: agentDays,
    });
    for (const day of perDay) {
      expect(day).toMatchObject({
        scheduledSeconds: AGENTS.length * 10_800,
        exceptionSeconds: AGENTS.length * 300,
        scheduledAgentDays: AGENTS.length,
      });
    }
  });

  it("asks traffic once for the agents two requests need at once (a center's record and its teams'), and again afterwards", async () => {
    const teams = [AGENTS.slice(60).reverse(), AGENTS.slice(0, 60)];
    const teamRecords = teams.map((members) => ({
      ...record(members),
      agentSet: { id: randomUUID(), agents: members.map((employeeNo) => ({ employeeNo })) },
    }));
    let release = (): void => undefined;
    gateway.hold = new Promise<void>((resolve) => (release = resolve));
    const asked = gateway.requests.length;
    const { result } = await wfm.sql.count(async () => {
      const both = Promise.all([ask([record(AGENTS)]), ask(teamRecords)]);
      // both requests past their schedule statement (then at the gateway), the answer held until then
      const deadline = Date.now() + 60_000;
      while (
        wfm.sql.statements.filter((sql) => sql.includes('wfm_schedule')).length < 2 &&
        Date.now() < deadline
      )
        await new Promise((resolve) => setTimeout(resolve, 20));
      await new Promise((resolve) => setTimeout(resolve, 300));
      release();
      return both;
    });
    gateway.hold = undefined;
    const [center, ofTeams] = result;
    expect(center.errors).toBeUndefined();
    expect(ofTeams.errors).toBeUndefined();
    expect(gateway.requests.length - asked).toBe(Math.ceil(AGENTS.length / STATE_BATCH));
    const centerDays = center.data?._entities[0]?.workforce?.scheduledAgentDays;
    const teamDays = (ofTeams.data?._entities ?? []).map((e) => e?.workforce?.scheduledAgentDays ?? 0);
    expect(centerDays).toBe(AGENTS.length * DAYS.length);
    expect(teamDays).toEqual([60 * DAYS.length, 60 * DAYS.length]);
    // nothing kept once answered: the next request asks traffic again
    const again = await ask([record(AGENTS)]);
    expect(again.data).toEqual(center.data);
    expect(gateway.requests.length - asked).toBe(2 * Math.ceil(AGENTS.length / STATE_BATCH));
  });
});
