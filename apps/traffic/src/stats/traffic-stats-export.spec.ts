import { zoneOffsetMinutes } from '@switchboard/metrics';
import { Granularity } from '../common/enums';
import { exportPeriods, parseExportRequest } from './traffic-stats-export.route';

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;
const localMinute = (at: Date, zone: string): number =>
  (((at.getTime() / 60_000 + zoneOffsetMinutes(at, zone)) % 1440) + 1440) % 1440;

/** The parts cover the period end to end, in order, and every cut starts a bucket in the zone. */
function expectCuts(parts: { from: Date; to: Date }[], from: Date, to: Date, zone: string, minutes: number) {
  expect(parts[0].from).toEqual(from);
  expect(parts[parts.length - 1].to).toEqual(to);
  for (let i = 1; i < parts.length; i += 1) {
    expect(parts[i].from).toEqual(parts[i - 1].to);
    expect(localMinute(parts[i].from, zone) % minutes).toBe(0);
  }
}

describe('exportPeriods: where the CSV export cuts its period into statements', () => {
  it('cuts a month of half hours into a day, then parts each twice as long: 5 statements', () => {
    const from = new Date('2026-10-01T00:00:00+08:00');
    const to = new Date(from.getTime() + 31 * DAY_MS);
    const parts = exportPeriods({ from, to, timeZone: 'Asia/Shanghai' }, Granularity.THIRTY_MINUTES);
    expect(parts.map((p) => (p.to.getTime() - p.from.getTime()) / DAY_MS)).toEqual([1, 2, 4, 8, 16]);
    expectCuts(parts, from, to, 'Asia/Shanghai', 30);
    // a year: still a day first, in 9 statements
    const year = new Date(from.getTime() + 365 * DAY_MS);
    const yearParts = exportPeriods({ from, to: year, timeZone: 'Asia/Shanghai' }, Granularity.HOUR);
    expect(yearParts).toHaveLength(9);
    expect(yearParts[0].to.getTime() - from.getTime()).toBe(DAY_MS);
    expectCuts(yearParts, from, year, 'Asia/Shanghai', 60);
  });

  it('never cuts inside a bucket: Kathmandu (+05:45) hours from a UTC midnight start at :45 local', () => {
    const from = new Date('2026-10-01T00:00:00Z');
    const to = new Date(from.getTime() + 3 * DAY_MS);
    expect(exportPeriods({ from, to, timeZone: 'Asia/Kathmandu' }, Granularity.HOUR)).toEqual([{ from, to }]);
    // a quarter-hour granularity can be cut anywhere on the quarter
    expect(exportPeriods({ from, to, timeZone: 'Asia/Kathmandu' }, Granularity.FIFTEEN_MINUTES)).toEqual([
      { from, to: new Date(from.getTime() + DAY_MS) },
      { from: new Date(from.getTime() + DAY_MS), to },
    ]);
  });

  it('days across a DST change are cut at local midnights only', () => {
    const zone = 'America/New_York';
    const from = new Date('2026-03-05T05:00:00Z'); // local midnight (EST)
    const to = new Date('2026-03-12T04:00:00Z'); // local midnight (EDT)
    const parts = exportPeriods({ from, to, timeZone: zone }, Granularity.DAY);
    expectCuts(parts, from, to, zone, 1440);
    expect(parts.length).toBeGreaterThan(1);
    // and half hours across the same change are cut after 1, 2 and 4 days
    const halfHours = exportPeriods({ from, to, timeZone: zone }, Granularity.THIRTY_MINUTES);
    expectCuts(halfHours, from, to, zone, 30);
    expect(halfHours).toHaveLength(3);
  });

  it('keeps weeks, months and totals whole, and a period under a day whole', () => {
    const from = new Date('2026-10-01T00:00:00Z');
    const to = new Date(from.getTime() + 40 * DAY_MS);
    for (const g of [Granularity.WEEK, Granularity.MONTH, Granularity.TOTAL])
      expect(exportPeriods({ from, to, timeZone: 'UTC' }, g)).toEqual([{ from, to }]);
    const short = new Date(from.getTime() + 6 * HOUR_MS);
    expect(exportPeriods({ from, to: short, timeZone: 'UTC' }, Granularity.HOUR)).toEqual([
      { from, to: short },
    ]);
  });
});

describe('parseExportRequest: the query string as trafficStats arguments', () => {
  const parse = (query: string) => parseExportRequest(new URLSearchParams(query));
  const base = 'from=2026-10-01T00:00:00Z&to=2026-10-02T00:00:00Z&granularity=HOUR';

  it('reads the filter, the granularity and the groups', () => {
    const request = parse(
      `${base}&timeZone=Asia/Shanghai&groupBy=QUEUE,CHANNEL&channels=VOICE,CHAT&employeeNos=E1`,
    );
    expect(request.granularity).toBe(Granularity.HOUR);
    expect(request.groupBy).toEqual(['QUEUE', 'CHANNEL']);
    expect(request.filter).toMatchObject({
      timeZone: 'Asia/Shanghai',
      channels: ['VOICE', 'CHAT'],
      employeeNos: ['E1'],
    });
    expect(request.filter.from).toEqual(new Date('2026-10-01T00:00:00Z'));
  });

  it.each([
    ['from', 'granularity=HOUR&to=2026-10-02T00:00:00Z'],
    ['timeZone', `${base}&timeZone=Nowhere/City`],
    ['employeeNos', `${base}&employeeNos=E1,,E2`],
    ['queueIds', `${base}&queueIds=${Array.from({ length: 1001 }, (_, i) => i).join(',')}`],
    ['format', `${base}&format=parquet`],
  ])('refuses a bad %s, naming it', (field, query) => {
    expect(() => parse(query)).toThrow(
      expect.objectContaining({ message: expect.stringMatching(new RegExp(`^${field}:`)) }),
    );
  });
});
