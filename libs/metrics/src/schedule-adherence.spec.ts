import fc from 'fast-check';
import { type ScheduleSegment, type StateSpan, scheduleAdherence } from './schedule-adherence';

const at = (hh: number, mm: number): number => (hh * 60 + mm) * 60;

// PRODUCT-RESEARCH.md D2: ON_QUEUE 09:00–10:30, BREAK 10:30–10:45, ON_QUEUE 10:45–12:00; logged out
// until 09:05, AVAILABLE/ON_CONTACT 09:05–10:50, NOT_READY 10:50–11:00, AVAILABLE 11:00–12:00.
const schedule: ScheduleSegment[] = [
  { start: at(9, 0), end: at(10, 30), activity: 'ON_QUEUE' },
  { start: at(10, 30), end: at(10, 45), activity: 'BREAK' },
  { start: at(10, 45), end: at(12, 0), activity: 'ON_QUEUE' },
];
const states: StateSpan[] = [
  { start: at(9, 5), end: at(9, 40), state: 'AVAILABLE' },
  { start: at(9, 40), end: at(10, 20), state: 'ON_CONTACT' },
  { start: at(10, 20), end: at(10, 50), state: 'AVAILABLE' },
  { start: at(10, 50), end: at(11, 0), state: 'NOT_READY' },
  { start: at(11, 0), end: at(12, 0), state: 'AVAILABLE' },
];

describe('schedule adherence and conformance', () => {
  it('gives the research fixture 0.833 adherence and 1.000 conformance: the two disagree', () => {
    const result = scheduleAdherence(schedule, states);
    expect(result.scheduledSeconds).toBe(180 * 60);
    expect(result.exceptionSeconds).toBe(30 * 60);
    expect(result.adherence).toBeCloseTo(1 - 30 / 180, 12);
    expect(result.adherence?.toFixed(3)).toBe('0.833');
    expect(result.onQueueScheduledSeconds).toBe(165 * 60);
    expect(result.onQueueWorkedSeconds).toBe(165 * 60);
    expect(result.conformance?.toFixed(3)).toBe('1.000');
    expect(result.exceptions.map((e) => [e.start / 60, e.end / 60, e.state, e.impact])).toEqual([
      [540, 545, 'LOGGED_OUT', 'NEGATIVE'], // late
      [630, 645, 'AVAILABLE', 'POSITIVE'], // worked through the break
      [650, 660, 'NOT_READY', 'NEGATIVE'], // not ready while on queue
    ]);
  });

  it('ignores deviations shorter than the threshold, not longer ones', () => {
    const late = [{ start: at(9, 0) + 59, end: at(12, 0), state: 'AVAILABLE' as const }];
    const onQueue = [{ start: at(9, 0), end: at(12, 0), activity: 'ON_QUEUE' }];
    expect(scheduleAdherence(onQueue, late).adherence).toBe(1);
    const later = [{ start: at(9, 0) + 60, end: at(12, 0), state: 'AVAILABLE' as const }];
    expect(scheduleAdherence(onQueue, later).exceptionSeconds).toBe(60);
    expect(scheduleAdherence(onQueue, late, undefined, 0).exceptionSeconds).toBe(59);
  });

  it('lets conformance exceed 1 when the agent works on queue beyond the schedule', () => {
    const onQueue = [{ start: at(9, 0), end: at(10, 0), activity: 'ON_QUEUE' }];
    const result = scheduleAdherence(onQueue, [{ start: at(9, 0), end: at(10, 30), state: 'AVAILABLE' }]);
    expect(result.adherence).toBe(1);
    expect(result.conformance).toBe(1.5);
  });

  it('is null without scheduled time and refuses overlaps, empty spans and unknown activities', () => {
    expect(scheduleAdherence([], []).adherence).toBeNull();
    expect(scheduleAdherence([], []).conformance).toBeNull();
    expect(() =>
      scheduleAdherence(
        [
          { start: 0, end: 100, activity: 'ON_QUEUE' },
          { start: 50, end: 150, activity: 'BREAK' },
        ],
        [],
      ),
    ).toThrow(/overlap/);
    expect(() => scheduleAdherence([{ start: 10, end: 10, activity: 'ON_QUEUE' }], [])).toThrow(RangeError);
    expect(() => scheduleAdherence([{ start: 0, end: 10, activity: 'NAP' }], [])).toThrow(/unknown activity/);
    expect(() =>
      scheduleAdherence(
        [],
        [
          { start: 0, end: 100, state: 'AVAILABLE' },
          { start: 99, end: 150, state: 'NOT_READY' },
        ],
      ),
    ).toThrow(/overlap/);
  });

  it('keeps adherence within [0, 1] and exceptions within the scheduled time', () => {
    const stateArb = fc.constantFrom(
      'AVAILABLE',
      'ON_CONTACT',
      'ACW',
      'NOT_READY',
      'LOGGED_OUT',
    ) as fc.Arbitrary<StateSpan['state']>;
    const activityArb = fc.constantFrom('ON_QUEUE', 'BREAK', 'MEAL', 'MEETING');
    const tiled = <T>(arb: fc.Arbitrary<T>) =>
      fc.array(fc.tuple(fc.integer({ min: 1, max: 3600 }), arb), { maxLength: 8 });
    fc.assert(
      fc.property(tiled(activityArb), tiled(stateArb), (segs, sts) => {
        let t = 0;
        const segments = segs.map(([len, activity]) => ({ start: t, end: (t += len), activity }));
        let u = 0;
        const spans = sts.map(([len, state]) => ({ start: u, end: (u += len), state }));
        const r = scheduleAdherence(segments, spans);
        expect(r.exceptionSeconds).toBeGreaterThanOrEqual(0);
        expect(r.exceptionSeconds).toBeLessThanOrEqual(r.scheduledSeconds);
        if (r.adherence !== null) {
          expect(r.adherence).toBeGreaterThanOrEqual(0);
          expect(r.adherence).toBeLessThanOrEqual(1);
        }
      }),
    );
  });
});
