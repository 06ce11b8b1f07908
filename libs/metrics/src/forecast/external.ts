import { forecastAccuracy } from './accuracy';
import type { MethodBacktest } from './backtest';

/** The method name of forecasts imported from another WFM tool. */
export const EXTERNAL_METHOD = 'EXTERNAL';

/** One lead's accuracy of an imported forecast (a row of the backtest table). */
export interface ExternalAccuracy {
  method: typeof EXTERNAL_METHOD;
  wape: number | null;
  bias: number | null;
  mape: number | null;
  excessWape: number | null;
  intervals: number;
}

/**
 * The accuracy of an external forecast over the backtest's test days, against the same actuals
 * our methods are measured on: null unless the external forecast covers every test day (a day
 * it covers but whose interval it leaves out, e.g. outside its opening hours, is a forecast of 0
 * there). `external` and `actual` are per local day, one value per interval of the day.
 */
export function externalAccuracy(
  testDates: readonly string[],
  actual: ReadonlyMap<string, readonly number[]>,
  external: ReadonlyMap<string, readonly (number | undefined)[]>,
  noiseFloor: number | null,
): ExternalAccuracy | null {
  if (!testDates.length || testDates.some((date) => !external.has(date) || !actual.has(date))) return null;
  const f: number[] = [];
  const a: number[] = [];
  for (const date of testDates) {
    const values = actual.get(date) ?? [];
    const forecast = external.get(date) ?? [];
    for (let i = 0; i < values.length; i += 1) {
      a.push(values[i]);
      f.push(forecast[i] ?? 0);
    }
  }
  const acc = forecastAccuracy(f, a);
  return {
    method: EXTERNAL_METHOD,
    ...acc,
    excessWape: acc.wape === null || noiseFloor === null ? null : acc.wape - noiseFloor,
  };
}

/**
 * The chosen method once the external forecast is measured: EXTERNAL only when its WAPE is
 * strictly lower than every one of our methods' at the lead (a tie keeps ours; with none of ours
 * measured, ours stays too).
 */
export function chooseWithExternal(
  ours: readonly Pick<MethodBacktest, 'wape'>[],
  chosen: string,
  external: Pick<ExternalAccuracy, 'wape'> | null,
): string {
  const measured = ours.filter((m) => m.wape !== null);
  // nothing of ours measured (history too short): nothing was beaten, the fallback stays
  if (!external || external.wape === null || !measured.length) return chosen;
  const best = Math.min(...measured.map((m) => m.wape ?? Infinity));
  return external.wape < best ? EXTERNAL_METHOD : chosen;
}
