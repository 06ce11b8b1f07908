import { describe, expect, it } from 'vitest';
import { isPeriod, periodFromParams, presetPeriod, PERIOD_PRESETS } from './period';
import { isHome, parseRoute } from './routing';
import { hashParams, withHashParams, withPeriod } from './url-state';

describe('period presets', () => {
  // 2026-12-09 is a Wednesday; 23:30 UTC on the 8th is already the 9th in Shanghai
  const now = new Date('2026-12-08T23:30:00Z');
  const zone = 'Asia/Shanghai';
  it('reads today in the center’s zone and gives whole days, to exclusive', () => {
    expect(presetPeriod('today', zone, now)).toEqual({ fromDay: '2026-12-09', toDay: '2026-12-10' });
    expect(presetPeriod('yesterday', zone, now)).toEqual({ fromDay: '2026-12-08', toDay: '2026-12-09' });
    expect(presetPeriod('thisWeek', zone, now)).toEqual({ fromDay: '2026-12-07', toDay: '2026-12-10' });
    expect(presetPeriod('last7Days', zone, now)).toEqual({ fromDay: '2026-12-02', toDay: '2026-12-09' });
    expect(presetPeriod('thisMonth', zone, now)).toEqual({ fromDay: '2026-12-01', toDay: '2026-12-10' });
    expect(presetPeriod('lastMonth', zone, now)).toEqual({ fromDay: '2026-11-01', toDay: '2026-12-01' });
    // in UTC it is still the 8th
    expect(presetPeriod('today', 'UTC', now)).toEqual({ fromDay: '2026-12-08', toDay: '2026-12-09' });
  });
  it('starts a week on Monday, a Sunday included, and last month across a year', () => {
    const sunday = new Date('2026-12-13T04:00:00Z');
    expect(presetPeriod('thisWeek', zone, sunday)).toEqual({ fromDay: '2026-12-07', toDay: '2026-12-14' });
    const monday = new Date('2026-12-07T04:00:00Z');
    expect(presetPeriod('thisWeek', zone, monday)).toEqual({ fromDay: '2026-12-07', toDay: '2026-12-08' });
    const january = new Date('2027-01-15T04:00:00Z');
    expect(presetPeriod('lastMonth', zone, january)).toEqual({ fromDay: '2026-12-01', toDay: '2027-01-01' });
  });
  it('every preset is a valid period', () => {
    for (const preset of PERIOD_PRESETS) expect(isPeriod(presetPeriod(preset, zone, now))).toBe(true);
  });
});

describe('state in the address', () => {
  it('sets and removes parameters, keeping the page and the others', () => {
    const hash = withHashParams('#/team/t%2F1', { from: '2026-12-01', to: '2026-12-08' });
    expect(hash).toBe('#/team/t%2F1?from=2026-12-01&to=2026-12-08');
    expect(parseRoute(hash)).toEqual({ page: 'team', teamId: 't/1' });
    expect(withHashParams(hash, { queue: 'q-1', from: null })).toBe('#/team/t%2F1?to=2026-12-08&queue=q-1');
    expect(withHashParams('', { day: '2026-12-01' })).toBe('#/?day=2026-12-01');
    expect(isHome('#/?from=2026-12-01')).toBe(true);
    expect(isHome('#/hr')).toBe(false);
  });
  it('reads a period from the address only when it is one', () => {
    const fallback = { fromDay: '2026-01-01', toDay: '2026-01-08' };
    const read = (hash: string) => periodFromParams(hashParams(hash), fallback);
    expect(read('#/?from=2026-11-01&to=2026-12-01')).toEqual({ fromDay: '2026-11-01', toDay: '2026-12-01' });
    expect(read('#/?from=2026-12-01&to=2026-11-01')).toEqual(fallback); // backwards
    expect(read('#/?from=2026-02-30&to=2026-03-01')).toEqual(fallback); // no such day
    expect(read('#/?from=2026-11-01')).toEqual(fallback);
  });
});

describe('a drill-down keeps the period', () => {
  it('adds the period to the linked page’s address, replacing one it had', () => {
    const period = { fromDay: '2026-11-01', toDay: '2026-12-01' };
    expect(withPeriod('#/team/t%201', period)).toBe('#/team/t%201?from=2026-11-01&to=2026-12-01');
    expect(withPeriod('#/queue/q?from=2026-01-01&to=2026-01-02&day=2026-01-01', period)).toBe(
      '#/queue/q?from=2026-11-01&to=2026-12-01&day=2026-01-01',
    );
    expect(parseRoute(withPeriod('#/agent/E1', period))).toEqual({ page: 'agent', employeeNo: 'E1' });
  });
});
