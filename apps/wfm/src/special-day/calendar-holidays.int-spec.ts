import { randomUUID } from 'node:crypto';
import {
  databaseFingerprint,
  KnownReferences,
  postGraphQL,
  startTestSubgraph,
  type TestSubgraph,
} from '@switchboard/testing';
import { TrafficStatesDouble } from '../testing/traffic-states-double';
import { wfmSubgraph } from '../wfm.subgraph';
import { holidaySpecialDays } from './calendar-holidays';

const shanghai = randomUUID();
const chengdu = randomUUID();
const bare = randomUUID();
const IMPORT = `mutation($c: [ID!]!, $f: LocalDate!, $t: LocalDate!) { importCalendarHolidays(centerIds: $c, from: $f, to: $t) {
  created unchanged centersWithoutCalendar } }`;
const LIST = `query($c: ID!) { specialDays(centerId: $c, from: "2026-01-01", to: "2027-01-01") { date kind title excludeFromHistory queueId } }`;

/** National Day 2026 in mainland China: 1-7 October closed, 10 October an adjusted working Saturday. */
const NATIONAL_DAY = [
  ...[1, 2, 3, 4, 5, 6, 7].map((d) => ({
    date: `2026-10-0${d}`,
    kind: 'HOLIDAY',
    name: 'National Day',
    periods: null,
  })),
  { date: '2026-10-10', kind: 'WORKDAY', name: 'National Day (adjusted)', periods: null },
  // open in the morning: not closed
  {
    date: '2026-12-31',
    kind: 'HOLIDAY',
    name: 'New Year’s Eve',
    periods: [{ start: '09:00', end: '12:00' }],
  },
];

describe('Holidays from care’s business calendars', () => {
  let wfm: TestSubgraph;
  const gateway = new TrafficStatesDouble();
  const previousUrl = process.env.SWITCHBOARD_GATEWAY_URL;

  beforeAll(async () => {
    gateway
      .calendar(shanghai, NATIONAL_DAY)
      .calendar(chengdu, [{ date: '2026-05-01', kind: 'HOLIDAY', name: 'Labour Day', periods: null }]);
    process.env.SWITCHBOARD_GATEWAY_URL = await gateway.start();
    wfm = await startTestSubgraph(wfmSubgraph, {
      referenceSource: new KnownReferences().add('center', shanghai, chengdu, bare).source,
    });
  });
  afterAll(async () => {
    await wfm.stop();
    await gateway.stop();
    process.env.SWITCHBOARD_GATEWAY_URL = previousUrl;
  });

  it('makes a run of holidays CLOSED (out of history) with its eve and the day after, by pure mapping', () => {
    expect(holidaySpecialDays(NATIONAL_DAY, '2026-01-01', '2027-01-01').map((d) => [d.date, d.kind])).toEqual(
      [
        ['2026-09-30', 'HOLIDAY_EVE'],
        ...[1, 2, 3, 4, 5, 6, 7].map((d) => [`2026-10-0${d}`, 'CLOSED']),
        ['2026-10-08', 'POST_HOLIDAY'],
      ],
    );
    // the period cuts the run
    expect(holidaySpecialDays(NATIONAL_DAY, '2026-10-05', '2026-10-08').map((d) => d.date)).toEqual([
      '2026-10-05',
      '2026-10-06',
      '2026-10-07',
    ]);
  });

  it('imports the centers’ holidays asking the gateway once, and importing again writes nothing', async () => {
    const asked = gateway.requests.length;
    const first = await postGraphQL<{ importCalendarHolidays: Record<string, unknown> }>(wfm.url, IMPORT, {
      c: [shanghai, chengdu, bare],
      f: '2026-01-01',
      t: '2027-01-01',
    });
    expect(first.errors).toBeUndefined();
    expect(gateway.requests.length).toBe(asked + 1);
    expect(first.data?.importCalendarHolidays).toEqual({
      created: 9 + 3,
      unchanged: 0,
      centersWithoutCalendar: [bare],
    });
    const listed = await postGraphQL<{ specialDays: Record<string, unknown>[] }>(wfm.url, LIST, {
      c: shanghai,
    });
    expect(listed.data?.specialDays[0]).toEqual({
      date: '2026-09-30',
      kind: 'HOLIDAY_EVE',
      title: 'Eve of National Day',
      excludeFromHistory: false,
      queueId: null,
    });
    expect(listed.data?.specialDays[1]).toMatchObject({
      date: '2026-10-01',
      kind: 'CLOSED',
      excludeFromHistory: true,
    });
    expect(listed.data?.specialDays).toHaveLength(9);

    const before = await databaseFingerprint(wfm.orm);
    const again = await postGraphQL<{ importCalendarHolidays: Record<string, unknown> }>(wfm.url, IMPORT, {
      c: [shanghai, chengdu],
      f: '2026-01-01',
      t: '2027-01-01',
    });
    expect(again.data?.importCalendarHolidays).toEqual({
      created: 0,
      unchanged: 12,
      centersWithoutCalendar: [],
    });
    expect(await databaseFingerprint(wfm.orm)).toEqual(before);
  });

  it.each([
    [{ c: [], f: '2026-01-01', t: '2027-01-01' }, 'centerIds', 'BAD_USER_INPUT'],
    [{ c: ['not-an-id'], f: '2026-01-01', t: '2027-01-01' }, 'centerIds', 'BAD_USER_INPUT'],
    [{ c: [shanghai], f: '2026-05-01', t: '2026-05-01' }, 'to', 'BAD_USER_INPUT'],
    [{ c: [shanghai], f: '2026-01-01', t: '2028-01-01' }, 'to', 'BAD_USER_INPUT'],
    [{ c: [randomUUID()], f: '2026-01-01', t: '2027-01-01' }, 'centerIds', 'BAD_USER_INPUT'],
  ])('refuses %j naming %s, writing nothing', async (variables, field, code) => {
    const before = await databaseFingerprint(wfm.orm);
    const answer = await postGraphQL(wfm.url, IMPORT, variables);
    expect(answer.errors?.[0]?.extensions?.code).toBe(code);
    expect(answer.errors?.[0]?.message).toContain(field);
    expect(await databaseFingerprint(wfm.orm)).toEqual(before);
  });
});
