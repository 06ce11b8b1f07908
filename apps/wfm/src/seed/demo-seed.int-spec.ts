import {
  DAY_MS,
  DemoShiftLog,
  demoContacts,
  demoStoryContacts,
  demoTrafficWindow,
  type DemoAgentStateEvent,
} from '@switchboard/demo';
import { addDays, localDay } from '@switchboard/metrics';
import { postGraphQL, startTestSubgraph, type TestSubgraph } from '@switchboard/testing';
import { TrafficStatesDouble } from '../testing/traffic-states-double';
import { wfmSubgraph } from '../wfm.subgraph';
import { DEMO_SCHEDULE_DAYS, seedWfmDemo } from './demo-seed';
import { demoSchedules } from './demo-schedules';

const ZONE = 'Asia/Shanghai';
const NOW = new Date('2026-11-20T04:00:00Z');

/** Traffic's demo agent states as its stateSpans give them: each state until the agent's next. */
function spansOf(events: readonly DemoAgentStateEvent[]) {
  const spans = new Map<string, { start: string; end: string; state: string }[]>();
  const byAgent = new Map<string, DemoAgentStateEvent[]>();
  for (const e of events) byAgent.set(e.agent, [...(byAgent.get(e.agent) ?? []), e]);
  for (const [agent, list] of byAgent) {
    list.sort((a, b) => a.at.getTime() - b.at.getTime());
    spans.set(
      agent,
      list
        .slice(0, -1)
        .flatMap((e, i) =>
          e.state === 'LOGGED_OUT'
            ? []
            : [{ start: e.at.toISOString(), end: list[i + 1].at.toISOString(), state: e.state }],
        ),
    );
  }
  return spans;
}

describe('wfm demo seed', () => {
  let wfm: TestSubgraph;
  const gateway = new TrafficStatesDouble();
  const previousUrl = process.env.SWITCHBOARD_GATEWAY_URL;
  const window = demoTrafficWindow(NOW);
  const shifts = new DemoShiftLog();
  for (const contact of demoContacts(window)) shifts.see(contact);
  const end = new Date(window.from.getTime() + window.days * DAY_MS);
  for (const contact of demoStoryContacts(end)) shifts.see(contact);
  const events = shifts.events();
  const toDate = localDay(end, ZONE);
  const fromDate = addDays(toDate, -DEMO_SCHEDULE_DAYS);

  beforeAll(async () => {
    for (const [agent, spans] of spansOf(events)) gateway.states(agent, spans);
    process.env.SWITCHBOARD_GATEWAY_URL = await gateway.start();
    wfm = await startTestSubgraph(wfmSubgraph);
  });
  afterAll(async () => {
    await wfm.stop();
    await gateway.stop();
    process.env.SWITCHBOARD_GATEWAY_URL = previousUrl;
  });

  it('plans each demo shift on queue from login to logout with its breaks, quarter-hour rounded', () => {
    const schedules = demoSchedules(events, fromDate, toDate, ZONE);
    expect(new Set(schedules.map((s) => s.date)).size).toBe(DEMO_SCHEDULE_DAYS);
    for (const s of schedules) {
      for (const [i, segment] of s.segments.entries()) {
        expect(Date.parse(segment.start) % (15 * 60_000)).toBe(0);
        expect(Date.parse(segment.end)).toBeGreaterThan(Date.parse(segment.start));
        if (i > 0)
          expect(Date.parse(segment.start)).toBeGreaterThanOrEqual(Date.parse(s.segments[i - 1].end));
      }
    }
    expect(schedules.some((s) => s.segments.some((g) => g.activity === 'BREAK'))).toBe(true);
    expect(schedules.some((s) => s.segments.some((g) => g.activity === 'MEAL'))).toBe(true);
  });

  it('seeds a week of schedules and special days once, whose adherence against the demo states is high but not perfect', async () => {
    expect(await seedWfmDemo(wfm.orm.em.fork(), NOW)).toBe(true);
    expect(await seedWfmDemo(wfm.orm.em.fork(), NOW)).toBe(false);
    const planned = await wfm.orm.em
      .fork()
      .getConnection()
      .execute<
        { employee_no: string; date: string }[]
      >("select employee_no, to_char(date, 'YYYY-MM-DD') as date from wfm_schedule order by employee_no, date");
    expect(new Set(planned.map((s) => s.date))).toEqual(
      new Set(Array.from({ length: DEMO_SCHEDULE_DAYS }, (_, i) => addDays(fromDate, i))),
    );
    // the API lists them (a day's first page)
    const listed = await postGraphQL<{ schedules: { employeeNo: string }[] }>(
      wfm.url,
      'query($f: LocalDate!, $t: LocalDate!) { schedules(from: $f, to: $t, first: 5) { employeeNo } }',
      { f: fromDate, t: addDays(fromDate, 1) },
    );
    expect(listed.data?.schedules).toHaveLength(5);
    const agents = [...new Set(planned.map((s) => s.employee_no))].slice(0, 5);
    const adherence = await postGraphQL<{
      adherence: { employeeNo: string; adherence: number; conformance: number; scheduledSeconds: number }[];
    }>(
      wfm.url,
      'query($f: LocalDate!, $t: LocalDate!, $n: [String!]) { adherence(from: $f, to: $t, employeeNos: $n) { employeeNo adherence conformance scheduledSeconds } }',
      { f: fromDate, t: toDate, n: agents },
    );
    expect(adherence.errors).toBeUndefined();
    expect(adherence.data?.adherence).toHaveLength(agents.length);
    for (const agent of adherence.data?.adherence ?? []) {
      expect(agent.scheduledSeconds).toBeGreaterThan(0);
      expect(agent.adherence).toBeGreaterThan(0.8);
      expect(agent.adherence).toBeLessThan(1);
      expect(agent.conformance).toBeGreaterThan(0.8);
      expect(agent.conformance).toBeLessThan(1.25);
    }
    const special = await postGraphQL<{ specialDays: { kind: string }[] }>(
      wfm.url,
      '{ specialDays(first: 50) { kind } }',
    );
    expect(special.data?.specialDays.map((d) => d.kind).sort()).toEqual([
      'CAMPAIGN',
      'CAMPAIGN',
      'SYSTEM_OUTAGE',
      'SYSTEM_OUTAGE',
    ]);
  });
});
