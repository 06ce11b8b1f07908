/** Weight of the observed ratio in the half-weight intraday update. */
export const DEFAULT_INTRADAY_WEIGHT = 0.5;

/**
 * Intraday reforecast after the first `observed` intervals of the day have closed: the rest of the
 * day is scaled by 1 + weight × (actual so far / forecast so far − 1); the closed intervals keep
 * their actual values. With nothing forecast so far (ΣF = 0) the forecast is left as it was.
 */
export function intradayReforecast(
  forecast: readonly number[],
  actualSoFar: readonly number[],
  weight = DEFAULT_INTRADAY_WEIGHT,
): number[] {
  const observed = actualSoFar.length;
  if (observed > forecast.length)
    throw new RangeError(`${observed} actuals for a ${forecast.length}-interval day`);
  let f = 0;
  let a = 0;
  for (let i = 0; i < observed; i += 1) {
    f += forecast[i];
    a += actualSoFar[i];
  }
  const scale = f > 0 ? Math.max(0, 1 + weight * (a / f - 1)) : 1;
  return forecast.map((value, i) => (i < observed ? actualSoFar[i] : value * scale));
}
