import { ratio } from '../ratio';

/** Forecast accuracy of paired intervals (METRICS.md, "Forecasts, schedules and adherence"). */
export interface ForecastAccuracy {
  /** Σ|F − A| / ΣA; null when ΣA = 0. */
  wape: number | null;
  /** Σ(F − A) / ΣA; null when ΣA = 0. */
  bias: number | null;
  /** mean |F − A| / A over intervals with A > 0; null when there are none. */
  mape: number | null;
  intervals: number;
}

function checkPairs(forecast: readonly number[], actual: readonly number[]): void {
  if (forecast.length !== actual.length) {
    throw new RangeError(`${forecast.length} forecasts for ${actual.length} actuals`);
  }
}

/** `wape` = Σ|F − A| / ΣA. */
export function wape(forecast: readonly number[], actual: readonly number[]): number | null {
  checkPairs(forecast, actual);
  let err = 0;
  let sum = 0;
  for (let i = 0; i < actual.length; i += 1) {
    err += Math.abs(forecast[i] - actual[i]);
    sum += actual[i];
  }
  return ratio(err, sum);
}

/** `bias` = Σ(F − A) / ΣA (positive: over-forecast). */
export function forecastBias(forecast: readonly number[], actual: readonly number[]): number | null {
  checkPairs(forecast, actual);
  let diff = 0;
  let sum = 0;
  for (let i = 0; i < actual.length; i += 1) {
    diff += forecast[i] - actual[i];
    sum += actual[i];
  }
  return ratio(diff, sum);
}

/** `mape` = mean |F − A| / A over the intervals with A > 0 (null when none has). */
export function mape(forecast: readonly number[], actual: readonly number[]): number | null {
  checkPairs(forecast, actual);
  let total = 0;
  let n = 0;
  for (let i = 0; i < actual.length; i += 1) {
    if (actual[i] > 0) {
      total += Math.abs(forecast[i] - actual[i]) / actual[i];
      n += 1;
    }
  }
  return ratio(total, n);
}

export function forecastAccuracy(forecast: readonly number[], actual: readonly number[]): ForecastAccuracy {
  return {
    wape: wape(forecast, actual),
    bias: forecastBias(forecast, actual),
    mape: mape(forecast, actual),
    intervals: actual.length,
  };
}

const LOG_FACTORIALS: number[] = [0];
for (let n = 1; n <= 256; n += 1) LOG_FACTORIALS.push(LOG_FACTORIALS[n - 1] + Math.log(n));

/** ln(n!) for an integer n ≥ 0 (exact sum up to 256, Stirling's series beyond: error < 1e-12). */
export function logFactorial(n: number): number {
  if (n <= 256) return LOG_FACTORIALS[n];
  return (
    (n + 0.5) * Math.log(n) -
    n +
    0.5 * Math.log(2 * Math.PI) +
    1 / (12 * n) -
    1 / (360 * n ** 3) +
    1 / (1260 * n ** 5)
  );
}

/**
 * E|X − λ| for X ~ Poisson(λ): 2 e^−λ λ^(⌊λ⌋+1) / ⌊λ⌋! (the Poisson mean absolute deviation).
 */
export function poissonMeanAbsoluteDeviation(lambda: number): number {
  if (!(lambda > 0)) return 0;
  const m = Math.floor(lambda);
  return Math.exp(Math.log(2) - lambda + (m + 1) * Math.log(lambda) - logFactorial(m));
}

/**
 * `noiseFloor` = Σ E|X_i − A_i| / ΣA with X_i ~ Poisson(A_i): the WAPE a forecast that knew each
 * interval's true rate would still make on Poisson arrivals. Null when ΣA = 0.
 */
export function noiseFloor(actual: readonly number[]): number | null {
  let dev = 0;
  let sum = 0;
  for (const a of actual) {
    dev += poissonMeanAbsoluteDeviation(a);
    sum += a;
  }
  return ratio(dev, sum);
}
