import {
  dataAsOf,
  dataLagMinutes,
  freshnessStatus,
  intervalCompleteness,
  isStale,
  rejectRate,
  serviceWindows,
  systemAvailability,
  timelinessSlots,
} from './data-timeliness';

const at = (hhmm: string): Date => new Date(`2026-03-02T${hhmm}:00Z`);
const ACD = { cadenceMinutes: 15, warnAfterMinutes: 30, errorAfterMinutes: 60 };

describe('data timeliness (PRODUCT-RESEARCH E1 fixture)', () => {
  // contacts loaded up to 09:00 (at 09:05), then nothing until 10:20
  it('lag at 10:10 is 70 minutes: the source is in ERROR', () => {
    const lag = dataLagMinutes(at('09:00'), at('10:10'));
    expect(lag).toBe(70);
    expect(freshnessStatus(lag, ACD)).toBe('ERROR');
  });

  it('OK up to warn-after, WARN past it, ERROR past error-after, NO_DATA without data', () => {
    expect(freshnessStatus(30, ACD)).toBe('OK');
    expect(freshnessStatus(30.5, ACD)).toBe('WARN');
    expect(freshnessStatus(60, ACD)).toBe('WARN');
    expect(freshnessStatus(61, ACD)).toBe('ERROR');
    expect(freshnessStatus(dataLagMinutes(null, at('10:10')), ACD)).toBe('NO_DATA');
  });

  it("today's figures are stale at 10:10, yesterday's complete ones are not", () => {
    expect(isStale(at('09:00'), at('17:00'), at('10:10'), ACD)).toBe(true);
    expect(isStale(at('09:00'), at('09:00'), at('10:10'), ACD)).toBe(false);
    expect(isStale(at('09:50'), at('17:00'), at('10:10'), ACD)).toBe(false);
    expect(isStale(null, at('17:00'), at('10:10'), ACD)).toBe(true);
    expect(dataAsOf(at('09:00'), at('17:00'))).toEqual(at('09:00'));
    expect(dataAsOf(at('09:00'), at('08:00'))).toEqual(at('08:00'));
    expect(dataAsOf(null, at('08:00'))).toBeNull();
  });

  it("the day's timeliness rate counts the missed slots", () => {
    // slots of 15 min from 09:00, on time when a batch arrives within 30 min of the slot's start
    const slots = timelinessSlots([at('09:05'), at('10:20')], at('09:00'), at('17:00'), at('10:30'), ACD);
    // 09:00 met (09:05); 09:15, 09:30, 09:45 missed; 10:00 and 10:15 met (10:20); 10:30 not yet due
    expect(slots.missed).toEqual([at('09:15'), at('09:30'), at('09:45')]);
    expect(slots).toMatchObject({ expected: 6, onTime: 3, rate: 0.5 });
  });

  it('a slot not yet due is not counted missed; no slot is a null rate', () => {
    const slots = timelinessSlots([], at('09:00'), at('17:00'), at('09:20'), ACD);
    expect(slots).toMatchObject({ expected: 0, onTime: 0, rate: null });
    expect(() =>
      timelinessSlots([], at('09:00'), at('10:00'), at('10:00'), { ...ACD, cadenceMinutes: 0 }),
    ).toThrow(RangeError);
  });

  it('an incident 09:30–10:00 in service hours 09:00–17:00 gives availability 0.9375', () => {
    const result = systemAvailability(
      [{ start: at('09:30'), end: at('10:00') }],
      [{ start: at('09:00'), end: at('17:00') }],
      at('18:00'),
    );
    expect(result).toEqual({
      serviceMinutes: 480,
      incidentMinutes: 30,
      systemFailureRate: 30 / 480,
      systemAvailability: 0.9375,
    });
  });

  it('counts overlapping incidents once, only inside service hours, an open one up to now', () => {
    const result = systemAvailability(
      [
        { start: at('08:00'), end: at('09:30') }, // 30 min inside
        { start: at('09:15'), end: at('09:45') }, // overlaps: adds 15
        { start: at('16:50'), end: null }, // open: 10 min until 17:00
      ],
      [{ start: at('09:00'), end: at('17:00') }],
      at('18:00'),
    );
    expect(result.incidentMinutes).toBe(55);
    expect(systemAvailability([], [], at('18:00')).systemAvailability).toBeNull();
  });

  it('completeness and reject rate are ratios with a null for nothing expected', () => {
    expect(intervalCompleteness(30, 32)).toBe(0.9375);
    expect(intervalCompleteness(40, 32)).toBe(1);
    expect(intervalCompleteness(0, 0)).toBeNull();
    expect(rejectRate(2, 100)).toBe(0.02);
    expect(rejectRate(0, 0)).toBeNull();
  });

  it("service hours are each local day's, clipped to the period", () => {
    const windows = serviceWindows(
      new Date('2026-03-02T00:00:00Z'),
      new Date('2026-03-04T00:00:00Z'),
      'Asia/Shanghai',
      9 * 60,
      17 * 60,
    );
    // Shanghai is UTC+8: 09:00–17:00 local is 01:00–09:00 UTC; the period covers two such days
    expect(windows).toEqual([
      { start: new Date('2026-03-02T01:00:00Z'), end: new Date('2026-03-02T09:00:00Z') },
      { start: new Date('2026-03-03T01:00:00Z'), end: new Date('2026-03-03T09:00:00Z') },
    ]);
    expect(serviceWindows(at('09:30'), at('12:00'), 'UTC', 540, 1020)).toEqual([
      { start: at('09:30'), end: at('12:00') },
    ]);
    expect(serviceWindows(at('09:30'), at('12:00'), 'UTC', 600, 600)).toEqual([]);
  });
});
