import fc from 'fast-check';
import {
  DEFAULT_ACTIVITY_RULES,
  ON_QUEUE_STATES,
  type AdherenceException,
  type AgentState,
  type ScheduleSegment,
  type StateSpan,
  scheduleAdherence,
} from './schedule-adherence';

/**
 * The definition as first written (every span scanned per segment and per cut): the one-pass
 * sweep of scheduleAdherence must give exactly its answer.
 */
function adherenceByDefinition(segments: ScheduleSegment[], states: StateSpan[], thresholdSeconds = 60) {
  const schedule = [...segments].sort((a, b) => a.start - b.start);
  const spans = [...states].sort((a, b) => a.start - b.start);
  const stateAt = (t: number): AgentState =>
    spans.find((s) => s.start <= t && t < s.end)?.state ?? 'LOGGED_OUT';
  const rules = DEFAULT_ACTIVITY_RULES as Record<string, (typeof DEFAULT_ACTIVITY_RULES)['ON_QUEUE']>;
  const pieces: AdherenceException[] = [];
  for (const segment of schedule) {
    const rule = rules[segment.activity];
    const cuts = new Set<number>([segment.start, segment.end]);
    for (const s of spans) {
      if (s.start > segment.start && s.start < segment.end) cuts.add(s.start);
      if (s.end > segment.start && s.end < segment.end) cuts.add(s.end);
    }
    const points = [...cuts].sort((a, b) => a - b);
    for (let i = 0; i + 1 < points.length; i += 1) {
      const state = stateAt(points[i]);
      if (rule.adherentStates.includes(state)) continue;
      const working = ON_QUEUE_STATES.includes(state);
      const impact = rule.onQueue ? 'NEGATIVE' : working ? 'POSITIVE' : 'NEUTRAL';
      const last = pieces[pieces.length - 1];
      if (last && last.end === points[i] && last.activity === segment.activity && last.state === state) {
        last.end = points[i + 1];
      } else {
        pieces.push({ start: points[i], end: points[i + 1], activity: segment.activity, state, impact });
      }
    }
  }
  const exceptions: AdherenceException[] = [];
  let runStart = 0;
  for (let i = 0; i <= pieces.length; i += 1) {
    if (i === pieces.length || (i > runStart && pieces[i].start !== pieces[i - 1].end)) {
      const run = pieces.slice(runStart, i);
      if (run.length && run[run.length - 1].end - run[0].start >= thresholdSeconds) exceptions.push(...run);
      runStart = i;
    }
  }
  return { exceptions, exceptionSeconds: exceptions.reduce((sum, e) => sum + e.end - e.start, 0) };
}

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

  it('gives exactly the answer of the definition (every span scanned per cut), gaps and any order', () => {
    const stateArb = fc.constantFrom(
      'AVAILABLE',
      'ON_CONTACT',
      'ACW',
      'NOT_READY',
      'LOGGED_OUT',
    ) as fc.Arbitrary<StateSpan['state']>;
    const activityArb = fc.constantFrom('ON_QUEUE', 'BREAK', 'MEAL', 'MEETING', 'TIME_OFF');
    // [gap before, length, value]: spans and segments with holes between them, shuffled
    const laid = <T>(arb: fc.Arbitrary<T>) =>
      fc.array(fc.tuple(fc.integer({ min: 0, max: 900 }), fc.integer({ min: 1, max: 1800 }), arb), {
        maxLength: 30,
      });
    const place = <T>(items: [number, number, T][]) => {
      let t = 0;
      return items.map(([gap, len, value]) => ({ start: (t += gap), end: (t += len), value }));
    };
    fc.assert(
      fc.property(laid(activityArb), laid(stateArb), fc.integer(), (segs, sts, turn) => {
        const segments = place(segs).map(({ start, end, value }) => ({ start, end, activity: value }));
        const spans = place(sts).map(({ start, end, value }) => ({ start, end, state: value }));
        const shuffled = spans.map((_, i) => spans[(i + Math.abs(turn)) % spans.length]);
        const fast = scheduleAdherence(segments, shuffled);
        const defined = adherenceByDefinition(segments, spans);
        expect(fast.exceptions).toEqual(defined.exceptions);
        expect(fast.exceptionSeconds).toBe(defined.exceptionSeconds);
      }),
      { numRuns: 500 },
    );
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
