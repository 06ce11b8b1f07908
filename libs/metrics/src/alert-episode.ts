/**
 * Alert rules (PRODUCT-RESEARCH E2): a rule breaches when its metric compares to its threshold; it
 * FIRES once the breach has lasted `forSeconds` and CLEARS once when the breach ends. One episode,
 * one fire, one clear, however often it is evaluated.
 */
export type AlertComparator = 'GT' | 'GTE' | 'LT' | 'LTE';

export function breaches(
  value: number | null,
  comparator: AlertComparator,
  threshold: number,
): boolean | null {
  if (value === null || !Number.isFinite(value)) return null;
  switch (comparator) {
    case 'GT':
      return value > threshold;
    case 'GTE':
      return value >= threshold;
    case 'LT':
      return value < threshold;
    case 'LTE':
      return value <= threshold;
  }
}

/** What is stored of a rule between evaluations. */
export interface AlertState {
  /** When the current breach began (null: not breaching). */
  breachSince: Date | null;
  /** The episode fired and not yet cleared. */
  firing: boolean;
}

export type AlertEvent = 'FIRED' | 'CLEARED' | null;

/**
 * One evaluation: the next state and the event to record with it. A value that cannot be measured
 * (null: no contacts offered yet, no data) neither starts nor ends a breach: the state stays.
 */
export function stepAlert(
  state: AlertState,
  breached: boolean | null,
  now: Date,
  forSeconds: number,
): { state: AlertState; event: AlertEvent } {
  if (breached === null) return { state, event: null };
  if (!breached) {
    return { state: { breachSince: null, firing: false }, event: state.firing ? 'CLEARED' : null };
  }
  const since = state.breachSince ?? now;
  if (state.firing) return { state: { breachSince: since, firing: true }, event: null };
  const lasted = (now.getTime() - since.getTime()) / 1000 >= forSeconds;
  return { state: { breachSince: since, firing: lasted }, event: lasted ? 'FIRED' : null };
}
