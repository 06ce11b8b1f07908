import { Matrix, SVD } from 'ml-matrix';
import { type DayVolumes, dayNumber, intervalsPerDay, weekday } from './history';

export interface SvdFactorOptions {
  /** Number of factors kept (Shen & Huang 2008 use a few). */
  factors: number;
  /** Operating days of history in the matrix (the most recent ones). */
  windowDays: number;
}

// 130 operating days ≈ 26 weeks of a 5-day centre.
export const DEFAULT_SVD_FACTOR: SvdFactorOptions = { factors: 3, windowDays: 130 };

/** Variance-stabilising transform of counts (Anscombe-like, as Shen & Huang): √(x + 1/4). */
const forward = (x: number): number => Math.sqrt(x + 0.25);
const backward = (y: number): number => Math.max(0, y * y - 0.25);

/**
 * Operating days from the day after `last` to `date` inclusive: calendar days whose weekday the
 * history operates on (a 5-day centre counts Monday after Friday as 1 step).
 */
export function operatingSteps(days: readonly DayVolumes[], date: string): number {
  const operates = new Array<boolean>(7).fill(false);
  for (const d of days) operates[weekday(d.date)] = true;
  const from = dayNumber(days[days.length - 1].date);
  const to = dayNumber(date);
  let steps = 0;
  for (let n = from + 1; n <= to; n += 1) if (operates[(((n + 4) % 7) + 7) % 7]) steps += 1;
  return Math.max(1, steps);
}

/** Least-squares AR(1) coefficient through the origin, clamped to [−0.99, 0.99] (0 with < 3 points). */
export function ar1Coefficient(series: readonly number[]): number {
  if (series.length < 3) return 0;
  let num = 0;
  let den = 0;
  for (let t = 1; t < series.length; t += 1) {
    num += series[t] * series[t - 1];
    den += series[t - 1] * series[t - 1];
  }
  return den > 0 ? Math.max(-0.99, Math.min(0.99, num / den)) : 0;
}

/** One factor: its intraday shape, weekday mean scores, AR(1) coefficient and last deviation. */
interface Factor {
  shape: number[];
  mean: (weekday: number) => number;
  phi: number;
  lastDeviation: number;
}

/**
 * Shen & Huang (2008) factor model, fitted once to a history: the days × intervals matrix of
 * √-counts is reduced by an SVD to `factors` intraday shapes; each day's score on each shape is
 * forecast as its weekday's mean score plus an AR(1) on the deviations from those means (over
 * consecutive operating days, so h steps ahead the deviation decays by φ^h), and the forecast is
 * the squared reconstruction. Returns the forecaster of any later date from that fit.
 */
export function fitSvdFactorModel(
  days: readonly DayVolumes[],
  options: SvdFactorOptions = DEFAULT_SVD_FACTOR,
): (date: string) => number[] {
  const width = intervalsPerDay(days);
  if (!width) throw new RangeError('no history to forecast from');
  const window = days.slice(-options.windowDays);
  const rows = window.length;
  const k = Math.min(options.factors, rows, width);
  const x = window.map((day) => {
    const row = new Float64Array(width);
    for (let c = 0; c < width; c += 1) row[c] = forward(day.values[c]);
    return row;
  });

  // The right singular vectors of X are those of the small width × width Gram matrix XᵀX (its SVD is
  // X's with squared singular values): the same shapes at a fraction of the cost for long histories.
  const gram = new Float64Array(width * width);
  for (const row of x) {
    for (let i = 0; i < width; i += 1) {
      const xi = row[i];
      const base = i * width;
      for (let j = i; j < width; j += 1) gram[base + j] += xi * row[j];
    }
  }
  const g = new Matrix(width, width);
  for (let i = 0; i < width; i += 1) {
    for (let j = i; j < width; j += 1) {
      g.set(i, j, gram[i * width + j]);
      g.set(j, i, gram[i * width + j]);
    }
  }
  const v = new SVD(g, { computeLeftSingularVectors: false }).rightSingularVectors;
  const wds = window.map((d) => weekday(d.date));

  const factors: Factor[] = [];
  for (let f = 0; f < k; f += 1) {
    const shape = v.getColumn(f);
    // scores of every day on factor f: row · v_f
    const scores = x.map((row) => {
      let score = 0;
      for (let c = 0; c < width; c += 1) score += row[c] * shape[c];
      return score;
    });
    const sum = new Array<number>(7).fill(0);
    const count = new Array<number>(7).fill(0);
    let all = 0;
    for (let r = 0; r < rows; r += 1) {
      sum[wds[r]] += scores[r];
      count[wds[r]] += 1;
      all += scores[r];
    }
    const mean = (wd: number): number => (count[wd] ? sum[wd] / count[wd] : all / rows);
    const deviations = scores.map((score, r) => score - mean(wds[r]));
    factors.push({ shape, mean, phi: ar1Coefficient(deviations), lastDeviation: deviations[rows - 1] });
  }
  return (date) => {
    const targetWd = weekday(date);
    const h = operatingSteps(window, date);
    const y = new Array<number>(width).fill(0);
    for (const factor of factors) {
      const score = factor.mean(targetWd) + factor.phi ** h * factor.lastDeviation;
      for (let c = 0; c < width; c += 1) y[c] += score * factor.shape[c];
    }
    return y.map(backward);
  };
}

/** The SVD factor model's forecast of `date` from the days before it (see `fitSvdFactorModel`). */
export function svdFactorForecast(
  days: readonly DayVolumes[],
  date: string,
  options: SvdFactorOptions = DEFAULT_SVD_FACTOR,
): number[] {
  return fitSvdFactorModel(days, options)(date);
}
