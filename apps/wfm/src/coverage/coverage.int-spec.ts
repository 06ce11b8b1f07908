import {
  databaseFingerprint,
  KnownReferences,
  postGraphQL,
  startTestSubgraph,
  type TestSubgraph,
} from '@switchboard/testing';
import { wfmSubgraph } from '../wfm.subgraph';

const COVERAGE = `query($d: LocalDate!, $tz: String!, $m: Int!, $r: [Float!]) {
  coverage(date: $d, timeZone: $tz, intervalMinutes: $m, requiredAgents: $r) { intervalStart scheduledOnQueue required coverageGap } }`;

describe('Coverage', () => {
  let wfm: TestSubgraph;
  beforeAll(async () => {
    wfm = await startTestSubgraph(wfmSubgraph, {
      referenceSource: new KnownReferences().add('agent', '1042', '1043').source,
    });
    const csv = [
      'employee_no,date,start,end,activity',
      '1042,2026-11-02,09:00,10:30,ON_QUEUE',
      '1042,2026-11-02,10:30,10:45,BREAK',
      '1042,2026-11-02,10:45,12:00,ON_QUEUE',
      '1043,2026-11-02,10:00,11:00,ON_QUEUE',
    ].join('\n');
    await postGraphQL(wfm.url, 'mutation($csv: String!) { importSchedules(csv: $csv, timeZone: "Asia/Shanghai") { applied } }', {
      csv,
    });
  });
  afterAll(() => wfm.stop());

  it('counts scheduled on-queue agents per interval of the zone’s day against the agents required', async () => {
    const required = Array.from({ length: 24 }, (_, i) => (i >= 9 && i < 12 ? 2 : 0));
    const answer = await postGraphQL<{
      coverage: { intervalStart: string; scheduledOnQueue: number; required: number; coverageGap: number }[];
    }>(wfm.url, COVERAGE, { d: '2026-11-02', tz: 'Asia/Shanghai', m: 60, r: required });
    expect(answer.errors).toBeUndefined();
    const day = answer.data?.coverage ?? [];
    expect(day).toHaveLength(24);
    expect(day[0].intervalStart).toBe('2026-11-01T16:00:00.000Z'); // Shanghai's midnight
    expect(day.slice(9, 12).map((i) => [i.scheduledOnQueue, i.required, i.coverageGap])).toEqual([
      [1, 2, -1],
      [1.75, 2, -0.25],
      [1, 2, -1],
    ]);
  });

  it.each([
    ['an interval not dividing 60', { m: 25 }, 'intervalMinutes'],
    ['an unknown time zone', { tz: 'Mars/Olympus' }, 'timeZone'],
    ['a negative requirement', { m: 60, r: [...Array(23).fill(1), -1] }, 'requiredAgents[23]'],
    ['a requirement per interval missing', { m: 60, r: [1, 2] }, 'requiredAgents'],
  ])('refuses %s, naming the field, and writes nothing', async (_, change, field) => {
    const before = await databaseFingerprint(wfm.orm);
    const answer = await postGraphQL(wfm.url, COVERAGE, { d: '2026-11-02', tz: 'UTC', m: 30, ...change });
    expect(answer.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(answer.errors?.[0]?.message).toContain(field);
    expect(await databaseFingerprint(wfm.orm)).toEqual(before);
  });
});
