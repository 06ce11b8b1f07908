import type { DayVolumes } from './history';
import { sameWeekdayAverage, seasonalNaive } from './same-weekday';
import { svdFactorForecast } from './svd-factor';
import { topDownForecast } from './top-down';

export const FORECAST_METHODS = ['SAME_WEEKDAY_4W', 'SEASONAL_NAIVE', 'TOP_DOWN', 'SVD_FACTOR'] as const;
export type ForecastMethod = (typeof FORECAST_METHODS)[number];

/** The baseline every chosen method must beat, and the fallback for a short history. */
export const BASELINE_METHOD: ForecastMethod = 'SAME_WEEKDAY_4W';

/** A method: the day's interval forecast from the operating days dated before it. */
export type DayForecaster = (history: readonly DayVolumes[], date: string) => number[];

export const FORECASTERS: Record<ForecastMethod, DayForecaster> = {
  SAME_WEEKDAY_4W: (history, date) => sameWeekdayAverage(history, date, 4),
  SEASONAL_NAIVE: seasonalNaive,
  TOP_DOWN: (history, date) => topDownForecast(history, date),
  SVD_FACTOR: (history, date) => svdFactorForecast(history, date),
};
