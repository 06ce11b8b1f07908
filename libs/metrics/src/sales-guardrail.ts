/**
 * The service-to-sales guardrail (PRODUCT-RESEARCH C, issue 20): a mis-selling early warning. For an
 * agent or a team, a breach is raised when conversion rises by 20 % or more against the previous
 * period while complaints per 10,000 contacts or the QA critical-fail rate rise, in the same period,
 * by more than their KPI's amber band.
 */

/** The relative rise of conversion that counts (0.2 = 20 %). */
export const GUARDRAIL_CONVERSION_RISE = 0.2;

/** A period's figures the guardrail compares (null: nothing to measure, e.g. no offers). */
export interface GuardrailFigures {
  conversionRate: number | null;
  complaintsPer10k: number | null;
  criticalFailRate: number | null;
}

/** How far complaints and critical fails may rise before they count: their KPIs' amber bands. */
export interface GuardrailBands {
  complaintsPer10k: number;
  criticalFailRate: number;
}

export type GuardrailReason = 'CONVERSION_ROSE' | 'COMPLAINTS_ROSE' | 'CRITICAL_FAILS_ROSE';

export interface GuardrailVerdict {
  breach: boolean;
  /** Every rise that counts, whether or not the breach is raised (conversion alone is no breach). */
  reasons: GuardrailReason[];
  /** (current − previous) / previous; null when either is unknown or previous is 0. */
  conversionChange: number | null;
  complaintsPer10kChange: number | null;
  criticalFailRateChange: number | null;
}

// a hair of tolerance so 0.15 → 0.18 (a 20 % rise, 0.19999999999999996 in floats) counts
const EPSILON = 1e-9;

const change = (current: number | null, previous: number | null): number | null =>
  current === null || previous === null ? null : current - previous;

export function salesGuardrail(
  current: GuardrailFigures,
  previous: GuardrailFigures,
  bands: GuardrailBands,
  rise = GUARDRAIL_CONVERSION_RISE,
): GuardrailVerdict {
  const conversionChange =
    current.conversionRate === null || previous.conversionRate === null || previous.conversionRate === 0
      ? null
      : (current.conversionRate - previous.conversionRate) / previous.conversionRate;
  // from no sales at all to some is a rise too
  const conversionRose =
    conversionChange !== null
      ? conversionChange >= rise - EPSILON
      : previous.conversionRate === 0 && (current.conversionRate ?? 0) > 0;
  const complaints = change(current.complaintsPer10k, previous.complaintsPer10k);
  const criticalFails = change(current.criticalFailRate, previous.criticalFailRate);
  const reasons: GuardrailReason[] = [];
  if (conversionRose) reasons.push('CONVERSION_ROSE');
  if (complaints !== null && complaints > bands.complaintsPer10k + EPSILON) reasons.push('COMPLAINTS_ROSE');
  if (criticalFails !== null && criticalFails > bands.criticalFailRate + EPSILON)
    reasons.push('CRITICAL_FAILS_ROSE');
  return {
    breach: conversionRose && reasons.length > 1,
    reasons,
    conversionChange,
    complaintsPer10kChange: complaints,
    criticalFailRateChange: criticalFails,
  };
}
