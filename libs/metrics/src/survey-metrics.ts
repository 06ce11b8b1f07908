import { ratio } from './ratio';

/** METRICS.md, Voice of the customer (surveys). */
export const SURVEY_KINDS = ['CSAT', 'NPS', 'CES'] as const;
export type SurveyKind = (typeof SURVEY_KINDS)[number];

/** The scale of each kind of score, and the lowest score that counts as satisfied / agreeing. */
export const SURVEY_SCALES: Record<SurveyKind, { min: number; max: number }> = {
  CSAT: { min: 1, max: 5 },
  NPS: { min: 0, max: 10 },
  CES: { min: 1, max: 7 },
};
export const DEFAULT_CSAT_TOP_BOX_MIN = 4;
export const NPS_PROMOTER_MIN = 9;
export const NPS_DETRACTOR_MAX = 6;
export const DEFAULT_MIN_RESPONSES = 30;
/** Two-sided 95 %. */
export const Z_95 = 1.959963984540054;

export const INVITATION_STATUSES = ['SENT', 'OPENED', 'FINISHED', 'EXPIRED', 'OPTED_OUT'] as const;
export type InvitationStatus = (typeof INVITATION_STATUSES)[number];

/** A score is on its scale when it is an integer between the scale's bounds. */
export function scoreOnScale(kind: SurveyKind, score: number): boolean {
  const { min, max } = SURVEY_SCALES[kind];
  return Number.isInteger(score) && score >= min && score <= max;
}

/**
 * Counts SQL computes for a group (agent, team, center, queue, month) and a period; every value
 * below is derived from them, so groups add up by summing counts, never by averaging rates.
 */
export interface SurveyTotals {
  csatResponses: number;
  /** CSAT responses at or above the form's top-box minimum (default 4 of 5). */
  csatTopBox: number;
  npsResponses: number;
  promoters: number;
  detractors: number;
  cesResponses: number;
  cesSum: number;
  /** Sum of squared CES scores, for the interval of the mean. */
  cesSumOfSquares: number;
  invitationsSent: number;
  invitationsOpened: number;
  invitationsFinished: number;
  invitationsExpired: number;
  invitationsOptedOut: number;
}

export function emptySurveyTotals(): SurveyTotals {
  return {
    csatResponses: 0,
    csatTopBox: 0,
    npsResponses: 0,
    promoters: 0,
    detractors: 0,
    cesResponses: 0,
    cesSum: 0,
    cesSumOfSquares: 0,
    invitationsSent: 0,
    invitationsOpened: 0,
    invitationsFinished: 0,
    invitationsExpired: 0,
    invitationsOptedOut: 0,
  };
}

export function sumSurveyTotals(a: SurveyTotals, b: SurveyTotals): SurveyTotals {
  const sum = emptySurveyTotals();
  for (const key of Object.keys(sum) as (keyof SurveyTotals)[]) sum[key] = a[key] + b[key];
  return sum;
}

/** Totals of raw scores (tests and small samples; the subgraph gets the same counts from SQL). */
export function surveyTotals(
  scores: { csat?: number[]; nps?: number[]; ces?: number[] },
  csatTopBoxMin = DEFAULT_CSAT_TOP_BOX_MIN,
): SurveyTotals {
  const totals = emptySurveyTotals();
  const csat = scores.csat ?? [];
  const nps = scores.nps ?? [];
  const ces = scores.ces ?? [];
  totals.csatResponses = csat.length;
  totals.csatTopBox = csat.filter((score) => score >= csatTopBoxMin).length;
  totals.npsResponses = nps.length;
  totals.promoters = nps.filter((score) => score >= NPS_PROMOTER_MIN).length;
  totals.detractors = nps.filter((score) => score <= NPS_DETRACTOR_MAX).length;
  totals.cesResponses = ces.length;
  totals.cesSum = ces.reduce((sum, score) => sum + score, 0);
  totals.cesSumOfSquares = ces.reduce((sum, score) => sum + score * score, 0);
  return totals;
}

/** A value with its sample size and 95 % interval; value and interval are null when n = 0. */
export interface SampledValue {
  value: number | null;
  n: number;
  low: number | null;
  high: number | null;
}

/**
 * Wilson score interval (95 %) for a proportion `successes / n`; null bounds when n = 0.
 * 5 of 8 -> (0.306, 0.863).
 */
export function wilsonInterval(
  successes: number,
  n: number,
  z = Z_95,
): { low: number | null; high: number | null } {
  if (n <= 0) return { low: null, high: null };
  const p = successes / n;
  const z2 = z * z;
  const denominator = 1 + z2 / n;
  const centre = (p + z2 / (2 * n)) / denominator;
  const half = (z / denominator) * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n));
  return { low: Math.max(0, centre - half), high: Math.min(1, centre + half) };
}

/** `csat` = top-box responses / CSAT responses, with its Wilson interval. */
export function csat(totals: Pick<SurveyTotals, 'csatResponses' | 'csatTopBox'>): SampledValue {
  const n = totals.csatResponses;
  return { value: ratio(totals.csatTopBox, n), n, ...wilsonInterval(totals.csatTopBox, n) };
}

/** NPS with its margin of error (95 %), in NPS points. */
export interface NpsValue extends SampledValue {
  /** 1.96 × 100 × sqrt((p + d − (p − d)²) / n); null when n = 0. */
  marginOfError: number | null;
}

/**
 * `nps` = 100 × (promoters − detractors) / n (−100…100); margin of error (95 %) =
 * 1.96 × 100 × sqrt((p + d − (p − d)²) / n), p and d the promoter and detractor shares. The
 * interval is value ± margin, clamped to −100…100.
 */
export function nps(totals: Pick<SurveyTotals, 'npsResponses' | 'promoters' | 'detractors'>): NpsValue {
  const n = totals.npsResponses;
  if (n <= 0) return { value: null, n: 0, low: null, high: null, marginOfError: null };
  const p = totals.promoters / n;
  const d = totals.detractors / n;
  const value = 100 * (p - d);
  const variance = Math.max(0, p + d - (p - d) * (p - d));
  const marginOfError = Z_95 * 100 * Math.sqrt(variance / n);
  return {
    value,
    n,
    marginOfError,
    low: Math.max(-100, value - marginOfError),
    high: Math.min(100, value + marginOfError),
  };
}

/**
 * `ces` = mean CES (1–7), with a 95 % normal interval mean ± 1.96 × s / sqrt(n) (s the sample
 * standard deviation), clamped to the scale; with n = 1 the interval is the whole scale.
 */
export function ces(totals: Pick<SurveyTotals, 'cesResponses' | 'cesSum' | 'cesSumOfSquares'>): SampledValue {
  const n = totals.cesResponses;
  const { min, max } = SURVEY_SCALES.CES;
  if (n <= 0) return { value: null, n: 0, low: null, high: null };
  const mean = totals.cesSum / n;
  if (n === 1) return { value: mean, n, low: min, high: max };
  const variance = Math.max(0, (totals.cesSumOfSquares - n * mean * mean) / (n - 1));
  const half = Z_95 * Math.sqrt(variance / n);
  return { value: mean, n, low: Math.max(min, mean - half), high: Math.min(max, mean + half) };
}

/**
 * `responseRate` = FINISHED / (SENT + OPENED + FINISHED + EXPIRED), OPTED_OUT left out (counted
 * separately); Wilson interval. Each invitation counts once, in its current status.
 */
export function responseRate(
  totals: Pick<
    SurveyTotals,
    'invitationsSent' | 'invitationsOpened' | 'invitationsFinished' | 'invitationsExpired'
  >,
): SampledValue {
  const n =
    totals.invitationsSent +
    totals.invitationsOpened +
    totals.invitationsFinished +
    totals.invitationsExpired;
  return { value: ratio(totals.invitationsFinished, n), n, ...wilsonInterval(totals.invitationsFinished, n) };
}

/**
 * `repeatContactRate` of feedback (the VOC view, per category) = feedback whose customer contacted
 * again within the repeat window after the contact / feedback whose repeat is known; Wilson interval.
 */
export function repeatContactRate(repeated: number, n: number): SampledValue {
  return { value: ratio(repeated, n), n, ...wilsonInterval(repeated, n) };
}

export interface SurveyMetrics {
  csat: SampledValue;
  nps: NpsValue;
  ces: SampledValue;
  responseRate: SampledValue;
}

export function surveyMetrics(totals: SurveyTotals): SurveyMetrics {
  return { csat: csat(totals), nps: nps(totals), ces: ces(totals), responseRate: responseRate(totals) };
}

/** An agent (or any group) with fewer than `minResponses` responses is not ranked on that metric. */
export function insufficientSample(n: number, minResponses = DEFAULT_MIN_RESPONSES): boolean {
  return n < minResponses;
}
