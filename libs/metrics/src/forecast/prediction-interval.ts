/** Quantiles of actual / forecast seen in a backtest: a forecast F becomes the band [F·low, F·high]. */
export interface ResidualRatios {
  low: number;
  high: number;
}

/** A point forecast with its 10th and 90th percentiles. */
export interface IntervalForecast {
  p10: number;
  p50: number;
  p90: number;
}

/** The band used when there is no backtest to learn from (a short history): ±50 %. */
export const WIDE_RESIDUAL_RATIOS: ResidualRatios = { low: 0.5, high: 1.5 };

/** Empirical quantile by linear interpolation between order statistics. */
export function quantile(values: readonly number[], p: number): number {
  if (!values.length) throw new RangeError('quantile of no values');
  const s = [...values].sort((a, b) => a - b);
  const pos = Math.min(1, Math.max(0, p)) * (s.length - 1);
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return s[lo] + (s[hi] - s[lo]) * (pos - lo);
}

/**
 * p10 and p90 (or other `lowP`, `highP`) of A / F over backtest intervals with F > 0; null when
 * there is none. The band always contains the forecast itself: low ≤ 1 ≤ high.
 */
export function residualRatioQuantiles(
  forecast: readonly number[],
  actual: readonly number[],
  lowP = 0.1,
  highP = 0.9,
): ResidualRatios | null {
  const ratios: number[] = [];
  for (let i = 0; i < forecast.length; i += 1) if (forecast[i] > 0) ratios.push(actual[i] / forecast[i]);
  if (!ratios.length) return null;
  return { low: Math.min(1, quantile(ratios, lowP)), high: Math.max(1, quantile(ratios, highP)) };
}

/** Standard normal quantile (Acklam's rational approximation, relative error < 1.2e-9). */
export function normalQuantile(p: number): number {
  if (!(p > 0 && p < 1)) throw new RangeError(`probability must be in (0, 1): ${p}`);
  const a = [
    -39.69683028665376, 220.9460984245205, -275.9285104469687, 138.357751867269, -30.66479806614716,
    2.506628277459239,
  ];
  const b = [
    -54.47609879822406, 161.5858368580409, -155.6989798598866, 66.80131188771972, -13.28068155288572,
  ];
  const c = [
    -0.007784894002430293, -0.3223964580411365, -2.400758277161838, -2.549732539343734, 4.374664141464968,
    2.938163982698783,
  ];
  const d = [0.007784695709041462, 0.3224671290700398, 2.445134137142996, 3.754408661907416];
  const tail = (q: number): number =>
    (((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5]) /
    ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1);
  if (p < 0.02425) return tail(Math.sqrt(-2 * Math.log(p)));
  if (p > 1 - 0.02425) return -tail(Math.sqrt(-2 * Math.log(1 - p)));
  const q = p - 0.5;
  const r = q * q;
  return (
    ((((((a[0] * r + a[1]) * r + a[2]) * r + a[3]) * r + a[4]) * r + a[5]) * q) /
    (((((b[0] * r + b[1]) * r + b[2]) * r + b[3]) * r + b[4]) * r + 1)
  );
}

/**
 * The p-quantile of Poisson(λ): the least k with P(X ≤ k) ≥ p, summed exactly for λ ≤ 200 and by
 * the Cornish-Fisher expansion λ + z√λ + (z² − 1)/6 beyond (where it is within one count).
 */
export function poissonQuantile(lambda: number, p: number): number {
  if (!(p > 0 && p < 1)) throw new RangeError(`probability must be in (0, 1): ${p}`);
  if (!(lambda > 0)) return 0;
  if (lambda > 200) {
    const z = normalQuantile(p);
    return Math.max(0, Math.round(lambda + z * Math.sqrt(lambda) + (z * z - 1) / 6));
  }
  let pmf = Math.exp(-lambda);
  let cdf = pmf;
  let k = 0;
  while (cdf < p && k < 10_000) {
    k += 1;
    pmf *= lambda / k;
    cdf += pmf;
  }
  return k;
}

/**
 * Prediction intervals: p10 = F × low and p90 = F × high from the backtest's residual ratios,
 * widened to at least the Poisson(F) p10 and p90 (arrivals are at least that noisy), so
 * p10 ≤ p50 = F ≤ p90 always. Without ratios, the wide band is used.
 */
export function predictionIntervals(
  point: readonly number[],
  ratios: ResidualRatios | null,
): IntervalForecast[] {
  const r = ratios ?? WIDE_RESIDUAL_RATIOS;
  return point.map((f) => {
    const p50 = Math.max(0, f);
    return {
      p10: Math.max(0, Math.min(p50 * Math.min(1, r.low), poissonQuantile(p50, 0.1), p50)),
      p50,
      p90: Math.max(p50 * Math.max(1, r.high), poissonQuantile(p50, 0.9), p50),
    };
  });
}

/** The forecast quantile a plan staffs for: the point (p50), or the risk of a busier interval. */
export const STAFFING_RISKS = ['P50', 'P75', 'P90'] as const;
export type StaffingRisk = (typeof STAFFING_RISKS)[number];

/**
 * The calls to staff for at a risk: p50 and p90 are the band's; p75 lies between them as a
 * normal distribution would put it (p50 + (p90 − p50) · z₀.₇₅ / z₀.₉, i.e. 52.6 % of the way),
 * and never under Poisson(p50)'s 75th percentile (arrivals are at least that noisy).
 */
export function forecastAtRisk(band: IntervalForecast, risk: StaffingRisk): number {
  if (risk === 'P50') return band.p50;
  if (risk === 'P90') return band.p90;
  const between = band.p50 + ((band.p90 - band.p50) * normalQuantile(0.75)) / normalQuantile(0.9);
  return Math.min(band.p90, Math.max(between, poissonQuantile(band.p50, 0.75), band.p50));
}
