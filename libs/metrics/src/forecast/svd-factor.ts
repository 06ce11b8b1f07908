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

/**
 * Shen & Huang (2008) factor model: the days × intervals matrix of √-counts is reduced by an SVD to
 * `factors` intraday shapes; each day's score on each shape is forecast as its weekday's mean score
 * plus an AR(1) on the deviations from those means (over consecutive operating days, so h steps
 * ahead the deviation decays by φ^h), and the forecast is the squared reconstruction.
 */
export function svdFactorForecast(
  days: readonly DayVolumes[],
  date: string,
  options: SvdFactorOptions = DEFAULT_SVD_FACTOR,
): number[] {
  const width = intervalsPerDay(days);
  if (!width) throw new RangeError('no history to forecast from');
  const window = days.slice(-options.windowDays);
  const rows = window.length;
  const k = Math.min(options.factors, rows, width);
  const x = window.map((day) => day.values.map(forward));

  // The right singular vectors of X are those of the small width × width Gram matrix XᵀX (its SVD is
  // X's with squared singular values): the same shapes at a fraction of the cost for long histories.
  const gram: number[][] = Array.from({ length: width }, () => new Array<number>(width).fill(0));
  for (const row of x) {
    for (let i = 0; i < width; i += 1) {
      const xi = row[i];
      for (let j = i; j < width; j += 1) gram[i][j] += xi * row[j];
    }
  }
  for (let i = 0; i < width; i += 1) for (let j = 0; j < i; j += 1) gram[i][j] = gram[j][i];
  const v = new SVD(new Matrix(gram), { computeLeftSingularVectors: false }).rightSingularVectors.to2DArray();
  const wds = window.map((d) => weekday(d.date));
  const targetWd = weekday(date);
  const lastWd = wds[rows - 1];
  const h = operatingSteps(window, date);
  const y = new Array<number>(width).fill(0);

  for (let f = 0; f < k; f += 1) {
    // scores of every day on factor f: row · v_f
    const scores = new Array<number>(rows);
    for (let r = 0; r < rows; r += 1) {
      let s = 0;
      for (let c = 0; c < width; c += 1) s += x[r][c] * v[c][f];
      scores[r] = s;
    }
    const sum = new Array<number>(7).fill(0);
    const count = new Array<number>(7).fill(0);
    let all = 0;
    for (let r = 0; r < rows; r += 1) {
      const wd = wds[r];
      sum[wd] += scores[r];
      count[wd] += 1;
      all += scores[r];
    }
    const mean = (wd: number): number => (count[wd] ? sum[wd] / count[wd] : all / rows);
    const deviations = scores.map((s, r) => s - mean(wds[r]));
    const phi = ar1Coefficient(deviations);
    const score = mean(targetWd) + phi ** h * (scores[rows - 1] - mean(lastWd));
    for (let c = 0; c < width; c += 1) y[c] += score * v[c][f];
  }
  return y.map(backward);
}
