import { ratio } from './ratio';

/** Agent states (as traffic records them). LOGGED_IN is the instant of logging in, not a state held. */
export type AgentState = 'LOGGED_IN' | 'AVAILABLE' | 'ON_CONTACT' | 'ACW' | 'NOT_READY' | 'LOGGED_OUT';

/** The states that are on-queue work (they count towards conformance). */
export const ON_QUEUE_STATES: readonly AgentState[] = ['AVAILABLE', 'ON_CONTACT', 'ACW'];

export const ACTIVITY_KINDS = [
  'ON_QUEUE',
  'BREAK',
  'MEAL',
  'TRAINING',
  'COACHING',
  'MEETING',
  'OFFLINE_WORK',
  'TIME_OFF',
] as const;
export type ActivityKind = (typeof ACTIVITY_KINDS)[number];

/** An activity code: whether it is on-queue time and which agent states are adherent during it. */
export interface ActivityRule {
  onQueue: boolean;
  adherentStates: readonly AgentState[];
}

/** The default rule of each activity kind (an organisation's activity codes may override them). */
export const DEFAULT_ACTIVITY_RULES: Record<ActivityKind, ActivityRule> = {
  ON_QUEUE: { onQueue: true, adherentStates: ON_QUEUE_STATES },
  BREAK: { onQueue: false, adherentStates: ['NOT_READY', 'LOGGED_OUT'] },
  MEAL: { onQueue: false, adherentStates: ['NOT_READY', 'LOGGED_OUT'] },
  TRAINING: { onQueue: false, adherentStates: ['NOT_READY'] },
  COACHING: { onQueue: false, adherentStates: ['NOT_READY'] },
  MEETING: { onQueue: false, adherentStates: ['NOT_READY'] },
  OFFLINE_WORK: { onQueue: false, adherentStates: ['NOT_READY'] },
  TIME_OFF: { onQueue: false, adherentStates: ['LOGGED_OUT', 'NOT_READY'] },
};

/** The default threshold: deviations shorter than this are not exceptions (METRICS.md). */
export const DEFAULT_ADHERENCE_THRESHOLD_SECONDS = 60;

/** [start, end) in seconds on any common clock (e.g. epoch seconds or seconds of the day). */
export interface ScheduleSegment {
  start: number;
  end: number;
  activity: string;
}

export interface StateSpan {
  start: number;
  end: number;
  state: AgentState;
}

/** POSITIVE: on queue when scheduled off queue; NEGATIVE: off queue when scheduled on it; else NEUTRAL. */
export type ExceptionImpact = 'POSITIVE' | 'NEGATIVE' | 'NEUTRAL';

export interface AdherenceException {
  start: number;
  end: number;
  activity: string;
  state: AgentState;
  impact: ExceptionImpact;
}

export interface ScheduleAdherence {
  scheduledSeconds: number;
  exceptionSeconds: number;
  /** 1 − exception seconds / scheduled seconds; null without scheduled time. */
  adherence: number | null;
  onQueueScheduledSeconds: number;
  onQueueWorkedSeconds: number;
  /** on-queue seconds worked / on-queue seconds scheduled (may exceed 1); null without on-queue time scheduled. */
  conformance: number | null;
  exceptions: AdherenceException[];
}

function checkSpans<T extends { start: number; end: number }>(spans: readonly T[], what: string): T[] {
  const sorted = [...spans].sort((a, b) => a.start - b.start);
  sorted.forEach((s, i) => {
    if (!Number.isFinite(s.start) || !Number.isFinite(s.end) || s.end <= s.start) {
      throw new RangeError(`${what} ${i + 1} does not end after it starts (${s.start}–${s.end})`);
    }
    if (i > 0 && s.start < sorted[i - 1].end) {
      throw new RangeError(`${what}s overlap at ${s.start} (the previous one ends at ${sorted[i - 1].end})`);
    }
  });
  return sorted;
}

/**
 * Adherence and conformance of one agent's scheduled day (METRICS.md): the time not covered by any
 * state span counts as LOGGED_OUT. An exception is a run of scheduled time whose state the
 * scheduled activity does not allow; runs shorter than `thresholdSeconds` are ignored. On-queue
 * worked time is every second in an on-queue state among `states` (scope them to the day; time
 * outside the schedule counts too, which is why conformance may exceed 1). Throws RangeError on
 * overlapping or empty segments or states, and on an activity without a rule.
 */
export function scheduleAdherence(
  segments: readonly ScheduleSegment[],
  states: readonly StateSpan[],
  rules: Readonly<Record<string, ActivityRule>> = DEFAULT_ACTIVITY_RULES,
  thresholdSeconds = DEFAULT_ADHERENCE_THRESHOLD_SECONDS,
): ScheduleAdherence {
  const schedule = checkSpans(segments, 'segment');
  const spans = checkSpans(states, 'state span');
  for (const s of schedule) {
    if (!Object.prototype.hasOwnProperty.call(rules, s.activity))
      throw new RangeError(`unknown activity: ${s.activity}`);
  }
  let scheduledSeconds = 0;
  let onQueueScheduledSeconds = 0;
  const pieces: AdherenceException[] = [];
  // Spans and segments are sorted and do not overlap (checked), so their ends rise with their
  // starts: one pass over the spans serves every segment (a month of a center's agent-days had
  // made the scan of every span per segment and per cut the cost of Performance.workforce).
  let first = 0;
  for (const segment of schedule) {
    const rule = rules[segment.activity];
    scheduledSeconds += segment.end - segment.start;
    if (rule.onQueue) onQueueScheduledSeconds += segment.end - segment.start;
    while (first < spans.length && spans[first].end <= segment.start) first += 1;
    let past = first;
    const cuts = new Set<number>([segment.start, segment.end]);
    for (; past < spans.length && spans[past].start < segment.end; past += 1) {
      const s = spans[past];
      if (s.start > segment.start) cuts.add(s.start);
      if (s.end < segment.end) cuts.add(s.end);
    }
    const points = [...cuts].sort((a, b) => a - b);
    let at = first;
    for (let i = 0; i + 1 < points.length; i += 1) {
      while (at < past && spans[at].end <= points[i]) at += 1;
      const state: AgentState = at < past && spans[at].start <= points[i] ? spans[at].state : 'LOGGED_OUT';
      if (rule.adherentStates.includes(state)) continue;
      const working = ON_QUEUE_STATES.includes(state);
      const impact: ExceptionImpact = rule.onQueue ? 'NEGATIVE' : working ? 'POSITIVE' : 'NEUTRAL';
      const last = pieces[pieces.length - 1];
      if (last && last.end === points[i] && last.activity === segment.activity && last.state === state) {
        last.end = points[i + 1];
      } else {
        pieces.push({ start: points[i], end: points[i + 1], activity: segment.activity, state, impact });
      }
    }
  }
  // a deviation is the run of contiguous exception time; short runs are tolerated
  const exceptions: AdherenceException[] = [];
  let runStart = 0;
  for (let i = 0; i <= pieces.length; i += 1) {
    if (i === pieces.length || (i > runStart && pieces[i].start !== pieces[i - 1].end)) {
      const run = pieces.slice(runStart, i);
      if (run.length && run[run.length - 1].end - run[0].start >= thresholdSeconds) exceptions.push(...run);
      runStart = i;
    }
  }
  const exceptionSeconds = exceptions.reduce((sum, e) => sum + e.end - e.start, 0);
  const onQueueWorkedSeconds = spans
    .filter((s) => ON_QUEUE_STATES.includes(s.state))
    .reduce((sum, s) => sum + s.end - s.start, 0);
  const share = ratio(exceptionSeconds, scheduledSeconds);
  return {
    scheduledSeconds,
    exceptionSeconds,
    adherence: share === null ? null : 1 - share,
    onQueueScheduledSeconds,
    onQueueWorkedSeconds,
    conformance: ratio(onQueueWorkedSeconds, onQueueScheduledSeconds),
    exceptions,
  };
}
