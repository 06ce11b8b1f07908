import { forecastAccuracy, noiseFloor } from './accuracy';
import { addDays } from '../calendar';
import { type DayVolumes, daysBefore, daysBetween, intervalsPerDay, operatingDays } from './history';
import { intradayReforecast } from './intraday-update';
import { BASELINE_METHOD, FORECASTERS, FORECAST_METHODS, type ForecastMethod } from './methods';
import {
  type IntervalForecast,
  type ResidualRatios,
  WIDE_RESIDUAL_RATIOS,
  predictionIntervals,
  residualRatioQuantiles,
} from './prediction-interval';

export const FORECAST_LEADS = ['INTRADAY', 'DAY_AHEAD', 'WEEK_AHEAD'] as const;
/**
 * INTRADAY: the day-ahead forecast updated once the first intervals of the day have closed,
 * measured over the rest of the day; DAY_AHEAD: from the operating days dated before the day;
 * WEEK_AHEAD: from the days dated at least 7 calendar days before it.
 */
export type ForecastLead = (typeof FORECAST_LEADS)[number];

export interface BacktestOptions {
  /** Operating days tested, the last ones of the history (rolling origin: one forecast per day). */
  testDays: number;
  methods: readonly ForecastMethod[];
  /** For INTRADAY: intervals of the day observed before the update (default: half the day). */
  observedIntervals?: number;
  /** Calendar days of history needed before a test day (default 28: four weeks). */
  minHistoryDays: number;
  /** Fewer test days with enough history than this: not forecastable (default 5). */
  minTestDays: number;
}

export const DEFAULT_BACKTEST: BacktestOptions = {
  testDays: 20,
  methods: FORECAST_METHODS,
  minHistoryDays: 28,
  minTestDays: 5,
};

export interface MethodBacktest {
  method: ForecastMethod;
  lead: ForecastLead;
  wape: number | null;
  bias: number | null;
  mape: number | null;
  /** wape − the lead's noise floor. */
  excessWape: number | null;
  intervals: number;
}

export interface BacktestResult {
  forecastable: boolean;
  /** Why not forecastable (null when it is). */
  reason: string | null;
  testDates: string[];
  /** Every method at every lead (empty when not forecastable). */
  methods: MethodBacktest[];
  /** Poisson noise floor of the actuals each lead is measured on. */
  noiseFloors: Record<ForecastLead, number | null>;
  /** Lowest day-ahead WAPE (ties: the earlier method, the baseline first); the baseline when not forecastable. */
  chosenMethod: ForecastMethod;
  /** The lowest-WAPE method of each lead (a forecast made a week ahead uses the week-ahead winner). */
  chosenByLead: Record<ForecastLead, ForecastMethod>;
  /** The chosen method's day-ahead residual ratios, for its prediction intervals (wide when not forecastable). */
  residualRatios: ResidualRatios;
}

/** The history a forecast of `date` made at `lead` may use. */
export function historyAtLead(days: readonly DayVolumes[], date: string, lead: ForecastLead): DayVolumes[] {
  return daysBefore(days, lead === 'WEEK_AHEAD' ? addDays(date, -6) : date);
}

function notForecastable(reason: string, testDates: string[]): BacktestResult {
  return {
    forecastable: false,
    reason,
    testDates,
    methods: [],
    noiseFloors: { INTRADAY: null, DAY_AHEAD: null, WEEK_AHEAD: null },
    chosenMethod: BASELINE_METHOD,
    chosenByLead: { INTRADAY: BASELINE_METHOD, DAY_AHEAD: BASELINE_METHOD, WEEK_AHEAD: BASELINE_METHOD },
    residualRatios: WIDE_RESIDUAL_RATIOS,
  };
}

/** The method with the lowest WAPE at a lead (ties: the earlier row, so the baseline when listed first). */
function lowestWape(rows: readonly MethodBacktest[], lead: ForecastLead): ForecastMethod {
  let chosen: MethodBacktest | null = null;
  for (const row of rows) {
    if (row.lead !== lead || row.wape === null) continue;
    if (!chosen || row.wape < (chosen.wape ?? Infinity)) chosen = row;
  }
  return chosen?.method ?? BASELINE_METHOD;
}

/**
 * Rolling-origin backtest of one series: each of the last `testDays` operating days is forecast
 * by every method from the data available at each lead, and the method with the lowest day-ahead
 * WAPE is chosen. A series without `minHistoryDays` of history before at least `minTestDays` test
 * days is not forecastable: the baseline is chosen, with wide intervals, and the reason given.
 */
export function backtest(
  history: readonly DayVolumes[],
  options: Partial<BacktestOptions> = {},
): BacktestResult {
  const o = { ...DEFAULT_BACKTEST, ...options };
  const days = operatingDays(history);
  if (!days.length) return notForecastable('no history', []);
  const first = days[0].date;
  const testDates = days
    .slice(-o.testDays)
    .map((d) => d.date)
    .filter((date) => daysBetween(first, date) >= o.minHistoryDays);
  if (testDates.length < o.minTestDays) {
    const span = daysBetween(first, days[days.length - 1].date) + 1;
    return notForecastable(
      `history covers ${days.length} operating days over ${span} calendar days; a backtest needs ` +
        `${o.minHistoryDays} days of history before at least ${o.minTestDays} test days`,
      testDates,
    );
  }
  const width = intervalsPerDay(days);
  const observed = o.observedIntervals ?? Math.floor(width / 2);
  const byDate = new Map(days.map((d) => [d.date, d.values]));
  const actual = testDates.flatMap((date) => [...(byDate.get(date) ?? [])]);
  const afternoon = testDates.flatMap((date) => (byDate.get(date) ?? []).slice(observed));

  const rows: MethodBacktest[] = [];
  const floors: Record<ForecastLead, number | null> = {
    INTRADAY: noiseFloor(afternoon),
    DAY_AHEAD: noiseFloor(actual),
    WEEK_AHEAD: noiseFloor(actual),
  };
  const dayAhead = new Map<ForecastMethod, number[]>();
  for (const method of o.methods) {
    const forecaster = FORECASTERS[method];
    const forecasts: Record<ForecastLead, number[]> = { INTRADAY: [], DAY_AHEAD: [], WEEK_AHEAD: [] };
    for (const date of testDates) {
      const values = byDate.get(date) ?? [];
      const f = forecaster(historyAtLead(days, date, 'DAY_AHEAD'), date);
      forecasts.DAY_AHEAD.push(...f);
      forecasts.INTRADAY.push(...intradayReforecast(f, values.slice(0, observed)).slice(observed));
      forecasts.WEEK_AHEAD.push(...forecaster(historyAtLead(days, date, 'WEEK_AHEAD'), date));
    }
    dayAhead.set(method, forecasts.DAY_AHEAD);
    for (const lead of FORECAST_LEADS) {
      const acc = forecastAccuracy(forecasts[lead], lead === 'INTRADAY' ? afternoon : actual);
      const floor = floors[lead];
      rows.push({
        method,
        lead,
        ...acc,
        excessWape: acc.wape === null || floor === null ? null : acc.wape - floor,
      });
    }
  }
  const chosenMethod = lowestWape(rows, 'DAY_AHEAD');
  return {
    forecastable: true,
    reason: null,
    testDates,
    methods: rows,
    noiseFloors: floors,
    chosenMethod,
    chosenByLead: {
      INTRADAY: lowestWape(rows, 'INTRADAY'),
      DAY_AHEAD: chosenMethod,
      WEEK_AHEAD: lowestWape(rows, 'WEEK_AHEAD'),
    },
    residualRatios: residualRatioQuantiles(dayAhead.get(chosenMethod) ?? [], actual) ?? WIDE_RESIDUAL_RATIOS,
  };
}

export interface DayForecast {
  date: string;
  method: ForecastMethod;
  forecastable: boolean;
  intervals: IntervalForecast[];
}

/**
 * Forecasts days with the backtest's chosen method and its intervals; each day uses only the
 * operating days dated before it.
 */
export function forecastDays(
  history: readonly DayVolumes[],
  dates: readonly string[],
  chosen: Pick<BacktestResult, 'chosenMethod' | 'forecastable' | 'residualRatios'>,
): DayForecast[] {
  const days = operatingDays(history);
  return dates.map((date) => {
    const point = FORECASTERS[chosen.chosenMethod](daysBefore(days, date), date);
    return {
      date,
      method: chosen.chosenMethod,
      forecastable: chosen.forecastable,
      intervals: predictionIntervals(point, chosen.residualRatios),
    };
  });
}
