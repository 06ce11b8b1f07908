import {
  authorizationFor,
  KnownReferences,
  postGraphQL,
  startTestSubgraph,
  type TestSubgraph,
} from '@switchboard/testing';
import { TrafficStatesDouble } from '../testing/traffic-states-double';
import { wfmSubgraph } from '../wfm.subgraph';

const HEADER = 'employee_no,date,start,end,activity';
const FIELDS = `scheduledSeconds exceptionSeconds adherence onQueueScheduledSeconds onQueueWorkedSeconds conformance shrinkage`;
const ADHERENCE = `query($f: LocalDate!, $t: LocalDate!, $n: [String!]) { adherence(from: $f, to: $t, employeeNos: $n) {
  employeeNo ${FIELDS} days { date ${FIELDS} exceptions { start end activity state impact } } } }`;

interface Figures {
  scheduledSeconds: number;
  exceptionSeconds: number;
  adherence: number | null;
  conformance: number | null;
  shrinkage: number | null;
  onQueueWorkedSeconds: number;
}
type Agent = Figures & {
  employeeNo: string;
  days: (Figures & { date: string; exceptions: Record<string, string>[] })[];
};

describe('Adherence', () => {
  let wfm: TestSubgraph;
  const gateway = new TrafficStatesDouble();
  const previousUrl = process.env.SWITCHBOARD_GATEWAY_URL;

  beforeAll(async () => {
    // the research's D2 fixture (in Shanghai time): logged out until 09:05, working 09:05-10:50
    // (through the break), not ready 10:50-11:00, available 11:00-12:00
    gateway
      .states('1042', [
        { start: '2026-11-02T01:05:00Z', end: '2026-11-02T02:00:00Z', state: 'AVAILABLE' },
        { start: '2026-11-02T02:00:00Z', end: '2026-11-02T02:50:00Z', state: 'ON_CONTACT' },
        { start: '2026-11-02T02:50:00Z', end: '2026-11-02T03:00:00Z', state: 'NOT_READY' },
        { start: '2026-11-02T03:00:00Z', end: '2026-11-02T04:00:00Z', state: 'AVAILABLE' },
      ])
      // 1043 is absent on the 2nd: every scheduled second an exception
      .states('1043', []);
    process.env.SWITCHBOARD_GATEWAY_URL = await gateway.start();
    wfm = await startTestSubgraph(wfmSubgraph, {
      referenceSource: new KnownReferences().add('agent', '1042', '1043').source,
    });
    const csv = [
      HEADER,
      '1042,2026-11-02,09:00,10:30,ON_QUEUE',
      '1042,2026-11-02,10:30,10:45,BREAK',
      '1042,2026-11-02,10:45,12:00,ON_QUEUE',
      '1043,2026-11-02,09:00,10:00,ON_QUEUE',
      '1043,2026-11-03,09:00,10:00,MEETING',
    ].join('\n');
    const imported = await postGraphQL<{ importSchedules: { applied: boolean } }>(
      wfm.url,
      'mutation($csv: String!) { importSchedules(csv: $csv, timeZone: "Asia/Shanghai") { applied } }',
      { csv },
    );
    expect(imported.data?.importSchedules.applied).toBe(true);
  });
  afterAll(async () => {
    await wfm.stop();
    await gateway.stop();
    process.env.SWITCHBOARD_GATEWAY_URL = previousUrl;
  });

  it('gives the research’s D2 fixture 0.833 adherence and 1.000 conformance, with each exception’s impact', async () => {
    const answer = await postGraphQL<{ adherence: Agent[] }>(wfm.url, ADHERENCE, {
      f: '2026-11-02',
      t: '2026-11-03',
      n: ['1042'],
    });
    expect(answer.errors).toBeUndefined();
    const [agent] = answer.data?.adherence ?? [];
    expect(agent.employeeNo).toBe('1042');
    expect(agent.adherence).toBeCloseTo(1 - 30 / 180, 12);
    expect(agent.adherence?.toFixed(3)).toBe('0.833');
    expect(agent.conformance?.toFixed(3)).toBe('1.000');
    expect(agent.shrinkage).toBeCloseTo(15 / 180, 12);
    expect(agent.days[0].exceptions).toEqual([
      {
        start: '2026-11-02T01:00:00.000Z',
        end: '2026-11-02T01:05:00.000Z',
        activity: 'ON_QUEUE',
        state: 'LOGGED_OUT',
        impact: 'NEGATIVE',
      },
      {
        start: '2026-11-02T02:30:00.000Z',
        end: '2026-11-02T02:45:00.000Z',
        activity: 'BREAK',
        state: 'ON_CONTACT',
        impact: 'POSITIVE',
      },
      {
        start: '2026-11-02T02:50:00.000Z',
        end: '2026-11-02T03:00:00.000Z',
        activity: 'ON_QUEUE',
        state: 'NOT_READY',
        impact: 'NEGATIVE',
      },
    ]);
  });

  it('sums an agent’s days over the period, asking the gateway once for every agent', async () => {
    const asked = gateway.requests.length;
    const answer = await postGraphQL<{ adherence: Agent[] }>(wfm.url, ADHERENCE, {
      f: '2026-11-02',
      t: '2026-11-04',
    });
    expect(gateway.requests.length).toBe(asked + 1);
    expect((gateway.requests.at(-1)?.n as string[]).sort()).toEqual(['1042', '1043']);
    const absent = answer.data?.adherence.find((a) => a.employeeNo === '1043');
    expect(absent?.days.map((d) => [d.date, d.adherence, d.conformance])).toEqual([
      ['2026-11-02', 0, 0],
      // a meeting while logged out is an exception too (NOT_READY is the meeting's state)
      ['2026-11-03', 0, null],
    ]);
    expect(absent).toMatchObject({
      scheduledSeconds: 7200,
      exceptionSeconds: 7200,
      adherence: 0,
      shrinkage: 0.5,
    });
  });

  it('shows an agent their own adherence only', async () => {
    const answer = await postGraphQL<{ adherence: Agent[] }>(
      wfm.url,
      ADHERENCE,
      { f: '2026-11-02', t: '2026-11-04' },
      await authorizationFor(wfm.url, {
        subject: 'a',
        roles: ['AGENT'],
        centers: [],
        teams: [],
        employeeNo: '1043',
      }),
    );
    expect(answer.data?.adherence.map((a) => a.employeeNo)).toEqual(['1043']);
  });

  it('refuses a period of more than 30 days or that ends before it starts, naming the field', async () => {
    for (const [f, t] of [
      ['2026-11-01', '2026-12-05'],
      ['2026-11-03', '2026-11-02'],
    ]) {
      const answer = await postGraphQL(wfm.url, ADHERENCE, { f, t });
      expect(answer.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
      expect(answer.errors?.[0]?.message).toContain('to');
    }
  });
});
