import { randomUUID } from 'node:crypto';
import {
  authorizationFor,
  KnownReferences,
  postGraphQL,
  startTestSubgraph,
  type TestSubgraph,
} from '@switchboard/testing';
import { TrafficStatesDouble } from '../../testing/traffic-states-double';
import { wfmSubgraph } from '../../wfm.subgraph';

/*
 * Performance.workforce (issue 21): the record's agents' schedules inside its period against their
 * states, the seconds summed over agents and days, then the ratios. Hand-computed on the research's
 * D2 fixture (Shanghai): 1042 scheduled 09:00-12:00 with a 10:30-10:45 break, logged out until
 * 09:05, working through the break, not ready 10:50-11:00; 1043 scheduled on queue 09:00-10:00 and
 * absent, then a meeting 09:00-10:00 the next day, absent too.
 */
const team = randomUUID();
const FIELDS = `adherence conformance shrinkage scheduledSeconds exceptionSeconds onQueueScheduledSeconds
  onQueueWorkedSeconds scheduledAgentDays`;
const RECORDS = `query($r: [_Any!]!) { _entities(representations: $r) { ... on Performance { workforce { ${FIELDS} } } } }`;
/** 2026-11-02 in Shanghai. */
const DAY = { from: '2026-11-01T16:00:00.000Z', to: '2026-11-02T16:00:00.000Z' };

interface Workforce {
  adherence: number | null;
  conformance: number | null;
  shrinkage: number | null;
  scheduledSeconds: number;
  exceptionSeconds: number;
  onQueueScheduledSeconds: number;
  onQueueWorkedSeconds: number;
  scheduledAgentDays: number;
}

const record = (
  scopeType: string,
  scopeId: string,
  employeeNos: string[],
  period: { from: string; to: string } = DAY,
  set = `set-${scopeId}`,
) => ({
  __typename: 'Performance',
  scopeType,
  scopeId,
  ...period,
  agentSet: { id: set, agents: employeeNos.map((employeeNo) => ({ employeeNo })) },
});

describe('Performance.workforce', () => {
  let wfm: TestSubgraph;
  const gateway = new TrafficStatesDouble();
  const previousUrl = process.env.SWITCHBOARD_GATEWAY_URL;
  const ask = (representations: unknown[], authorization?: Record<string, string>) =>
    postGraphQL<{ _entities: ({ workforce: Workforce | null } | null)[] }>(
      wfm.url,
      RECORDS,
      { r: representations },
      authorization,
    );

  beforeAll(async () => {
    gateway
      .states('1042', [
        { start: '2026-11-02T01:05:00Z', end: '2026-11-02T02:00:00Z', state: 'AVAILABLE' },
        { start: '2026-11-02T02:00:00Z', end: '2026-11-02T02:50:00Z', state: 'ON_CONTACT' },
        { start: '2026-11-02T02:50:00Z', end: '2026-11-02T03:00:00Z', state: 'NOT_READY' },
        { start: '2026-11-02T03:00:00Z', end: '2026-11-02T04:00:00Z', state: 'AVAILABLE' },
      ])
      .states('1043', []);
    process.env.SWITCHBOARD_GATEWAY_URL = await gateway.start();
    wfm = await startTestSubgraph(wfmSubgraph, {
      referenceSource: new KnownReferences().add('agent', '1042', '1043').source,
    });
    const csv = [
      'employee_no,date,start,end,activity',
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

  it('gives each agent and their team the hand-computed figures, asking traffic once and reading schedules in one statement', async () => {
    const asked = gateway.requests.length;
    const { result: answer, statements } = await wfm.sql.count(() =>
      ask([
        record('AGENT', randomUUID(), ['1042'], DAY, 'a'),
        record('AGENT', randomUUID(), ['1043'], DAY, 'b'),
        record('TEAM', team, ['1042', '1043'], DAY, 'c'),
      ]),
    );
    expect(answer.errors).toBeUndefined();
    expect(gateway.requests.length).toBe(asked + 1);
    expect(statements.filter((s) => s.includes('wfm_schedule'))).toHaveLength(1);
    const [first, second, both] = (answer.data?._entities ?? []).map((e) => e?.workforce);
    // 1042: 180 scheduled minutes, 30 of them exceptions (09:00-09:05 out, the 15-minute break on a
    // call, 10:50-11:00 not ready); 165 on-queue minutes scheduled, 165 worked (09:05-10:50, 11:00-12:00)
    expect(first).toEqual({
      adherence: expect.closeTo(150 / 180, 12),
      conformance: 1,
      shrinkage: expect.closeTo(15 / 180, 12),
      scheduledSeconds: 10_800,
      exceptionSeconds: 1_800,
      onQueueScheduledSeconds: 9_900,
      onQueueWorkedSeconds: 9_900,
      scheduledAgentDays: 1,
    });
    expect(first?.adherence?.toFixed(3)).toBe('0.833');
    // 1043: an hour on queue, absent
    expect(second).toEqual({
      adherence: 0,
      conformance: 0,
      shrinkage: 0,
      scheduledSeconds: 3_600,
      exceptionSeconds: 3_600,
      onQueueScheduledSeconds: 3_600,
      onQueueWorkedSeconds: 0,
      scheduledAgentDays: 1,
    });
    // the team: seconds summed, then the ratios (not a mean of the agents' ratios: 0.4167)
    expect(both).toEqual({
      adherence: expect.closeTo(1 - 5_400 / 14_400, 12), // 0.625
      conformance: expect.closeTo(9_900 / 13_500, 12), // 0.733
      shrinkage: expect.closeTo(900 / 14_400, 12),
      scheduledSeconds: 14_400,
      exceptionSeconds: 5_400,
      onQueueScheduledSeconds: 13_500,
      onQueueWorkedSeconds: 9_900,
      scheduledAgentDays: 2,
    });
  });

  it('measures only the part of a schedule inside the record’s period, and days summed over a longer one', async () => {
    const answer = await ask([
      // 09:00-10:00 Shanghai: 5 minutes logged out of 60 on queue
      record('AGENT', randomUUID(), ['1042'], {
        from: '2026-11-02T01:00:00.000Z',
        to: '2026-11-02T02:00:00.000Z',
      }),
      // two days: 1043's absent hour on queue and absent meeting hour
      record('AGENT', randomUUID(), ['1043'], { from: DAY.from, to: '2026-11-03T16:00:00.000Z' }),
      // a day with no schedule
      record('AGENT', randomUUID(), ['1042'], {
        from: '2026-11-05T16:00:00.000Z',
        to: '2026-11-06T16:00:00.000Z',
      }),
    ]);
    expect(answer.errors).toBeUndefined();
    // traffic is asked for the scheduled days only (2 and 3 November), not the whole batch's period
    expect(gateway.requests.at(-1)).toMatchObject({ f: DAY.from, t: '2026-11-03T16:00:00.000Z' });
    const [hour, twoDays, none] = (answer.data?._entities ?? []).map((e) => e?.workforce);
    expect(hour).toMatchObject({
      scheduledSeconds: 3_600,
      exceptionSeconds: 300,
      adherence: expect.closeTo(55 / 60, 12),
      conformance: expect.closeTo(55 / 60, 12),
    });
    expect(twoDays).toMatchObject({
      scheduledSeconds: 7_200,
      exceptionSeconds: 7_200,
      adherence: 0,
      onQueueScheduledSeconds: 3_600,
      conformance: 0,
      shrinkage: 0.5,
      scheduledAgentDays: 2,
    });
    expect(none).toEqual({
      adherence: null,
      conformance: null,
      shrinkage: null,
      scheduledSeconds: 0,
      exceptionSeconds: 0,
      onQueueScheduledSeconds: 0,
      onQueueWorkedSeconds: 0,
      scheduledAgentDays: 0,
    });
  });

  it('is null for a queue and for a record outside the caller’s scope', async () => {
    const agent = await authorizationFor(wfm.url, {
      subject: 'a',
      roles: ['AGENT'],
      centers: [],
      teams: [],
      employeeNo: '1043',
    });
    const answer = await ask(
      [
        record('AGENT', randomUUID(), ['1043'], DAY, 'own'),
        record('AGENT', randomUUID(), ['1042'], DAY, 'other'),
        record('QUEUE', randomUUID(), [], DAY, 'queue'),
      ],
      agent,
    );
    expect(answer.errors).toBeUndefined();
    const [own, other, queue] = (answer.data?._entities ?? []).map((e) => e?.workforce);
    expect(own?.scheduledSeconds).toBe(3_600);
    expect(other).toBeNull();
    expect(queue).toBeNull();
  });

  it('refuses a record whose period ends before it starts, naming the field', async () => {
    const answer = await ask([record('AGENT', randomUUID(), ['1042'], { from: DAY.to, to: DAY.from })]);
    expect(answer.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(answer.errors?.[0]?.message).toContain('to');
  });
});
