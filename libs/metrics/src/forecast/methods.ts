import type { DayVolumes } from './history';
import { sameWeekdayAverage, seasonalNaive } from './same-weekday';
import { fitSvdFactorModel } from './svd-factor';
import { topDownForecast } from './top-down';

export const FORECAST_METHODS = ['SAME_WEEKDAY_4W', 'SEASONAL_NAIVE', 'TOP_DOWN', 'SVD_FACTOR'] as const;
export type ForecastMethod = (typeof FORECAST_METHODS)[number];

/** The baseline every chosen method must beat, and the fallback for a short history. */
export const BASELINE_METHOD: ForecastMethod = 'SAME_WEEKDAY_4W';

/** A method: the day's interval forecast from the operating days dated before it. */
export type DayForecaster = (history: readonly DayVolumes[], date: string) => number[];

/**
 * A method fitted once to a history, forecasting any later date from it (the SVD model fits its
 * factors once; the others simply read the history). Forecasts of several dates from one history
 * (a backtest's week-ahead and day-ahead forecasts share histories; a week of forecasts shares
 * one) then cost one fit.
 */
export type MethodFit = (history: readonly DayVolumes[]) => (date: string) => number[];

export const METHOD_FITS: Record<ForecastMethod, MethodFit> = {
  SAME_WEEKDAY_4W: (history) => (date) => sameWeekdayAverage(history, date, 4),
  SEASONAL_NAIVE: (history) => (date) => seasonalNaive(history, date),
  TOP_DOWN: (history) => (date) => topDownForecast(history, date),
  SVD_FACTOR: (history) => fitSvdFactorModel(history),
};

export const FORECASTERS: Record<ForecastMethod, DayForecaster> = {
  SAME_WEEKDAY_4W: (history, date) => METHOD_FITS.SAME_WEEKDAY_4W(history)(date),
  SEASONAL_NAIVE: (history, date) => METHOD_FITS.SEASONAL_NAIVE(history)(date),
  TOP_DOWN: (history, date) => METHOD_FITS.TOP_DOWN(history)(date),
  SVD_FACTOR: (history, date) => METHOD_FITS.SVD_FACTOR(history)(date),
};

/**
 * Forecasts from prefixes of one date-sorted history, fitting each method once per prefix: the
 * history before a date is identified by its length, as every prefix comes from the same array.
 */
export function prefixForecaster(
  days: readonly DayVolumes[],
  method: ForecastMethod,
): (history: readonly DayVolumes[], date: string) => number[] {
  const fits = new Map<number, (date: string) => number[]>();
  return (history, date) => {
    if (history.length && history[history.length - 1] !== days[history.length - 1]) {
      return FORECASTERS[method](history, date); // not a prefix of `days`: no reuse
    }
    let fit = fits.get(history.length);
    if (!fit) fits.set(history.length, (fit = METHOD_FITS[method](history)));
    return fit(date);
  };
}
