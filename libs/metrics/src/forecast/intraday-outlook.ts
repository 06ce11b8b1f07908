import { erlangCStaffing } from '../erlang-c';
import { DEFAULT_INTRADAY_WEIGHT, intradayReforecast } from './intraday-update';

/** One interval of the day's forecast (from local midnight). */
export interface OutlookInterval {
  offered: number;
  ahtSeconds: number | null;
}

export interface IntradayOutlookInput {
  /** The day's forecast, one entry per interval from the forecast day's start. */
  forecast: readonly OutlookInterval[];
  intervalMinutes: number;
  /** Minutes from the forecast day's start until now. */
  elapsedMinutes: number;
  /** Contacts arrived per interval so far (closed intervals, then the current one, possibly partial). */
  actualByInterval: readonly number[];
  /** Agents logged in to the queue now. */
  loggedIn: number;
  /** The queue's service-level target: this share (0..1]... */
  targetServiceLevel: number;
  /** ...answered within this many seconds. */
  targetAnswerSeconds: number;
  /** AHT to use when the forecast has none for the current interval (e.g. today's actual AHT). */
  fallbackAhtSeconds: number | null;
  /** Weight of the observed ratio (intradayReforecast). */
  weight?: number;
}

export interface IntradayOutlook {
  /** Contacts the day's forecast expected by now (closed intervals + the elapsed share of the current one). */
  expectedSoFar: number | null;
  /** Contacts arrived so far (the actuals given). */
  actualSoFar: number;
  /** The reforecast of the rest of the day (the current interval's remaining share + later intervals). */
  forecastRestOfDay: number | null;
  /** The current interval's reforecast (contacts in the whole interval). */
  currentIntervalOffered: number | null;
  /** The AHT Erlang C used for the current interval. */
  ahtSeconds: number | null;
  /** Erlang C agents on the phones for the current interval's reforecast, AHT and service-level target. */
  requiredAgentsNow: number | null;
  /** Logged in − required (negative: short). */
  agentsGap: number | null;
  /** Why a figure is null (never a made-up number). */
  reason: string | null;
}

/**
 * Expected so far, the rest-of-day reforecast and agents required now for one queue (DESIGN of
 * issue 22, docs/LIVE.md): the closed intervals' actuals update the rest of the day by
 * `intradayReforecast`; the current interval's reforecast over its length with its forecast AHT
 * (else the fallback) is the Erlang C workload at the queue's own target (no occupancy cap, no
 * shrinkage: agents on the phones now, comparable with those logged in).
 */
export function intradayOutlook(input: IntradayOutlookInput): IntradayOutlook {
  const { forecast, intervalMinutes, elapsedMinutes, actualByInterval, loggedIn } = input;
  const actualSoFar = actualByInterval.reduce((s, v) => s + v, 0);
  const none = (reason: string): IntradayOutlook => ({
    expectedSoFar: null,
    actualSoFar,
    forecastRestOfDay: null,
    currentIntervalOffered: null,
    ahtSeconds: null,
    requiredAgentsNow: null,
    agentsGap: null,
    reason,
  });
  if (!(intervalMinutes > 0)) throw new RangeError('intervalMinutes must be positive');
  if (forecast.length === 0) return none('the forecast of the day has no intervals');
  if (elapsedMinutes < 0 || elapsedMinutes >= forecast.length * intervalMinutes)
    return none('now is outside the forecast day');
  const current = Math.floor(elapsedMinutes / intervalMinutes);
  const share = elapsedMinutes / intervalMinutes - current;
  const closedActuals = forecast.slice(0, current).map((_, i) => actualByInterval[i] ?? 0);
  const offered = forecast.map((f) => f.offered);
  const reforecast = intradayReforecast(offered, closedActuals, input.weight ?? DEFAULT_INTRADAY_WEIGHT);
  let expectedSoFar = share * offered[current];
  for (let i = 0; i < current; i += 1) expectedSoFar += offered[i];
  let forecastRestOfDay = (1 - share) * reforecast[current];
  for (let i = current + 1; i < reforecast.length; i += 1) forecastRestOfDay += reforecast[i];
  const currentIntervalOffered = reforecast[current];
  const aht = forecast[current].ahtSeconds ?? input.fallbackAhtSeconds;
  const base = {
    expectedSoFar,
    actualSoFar,
    forecastRestOfDay,
    currentIntervalOffered,
  };
  if (aht === null || !(aht > 0))
    return {
      ...base,
      ahtSeconds: null,
      requiredAgentsNow: null,
      agentsGap: null,
      reason: 'no AHT for the current interval (none forecast, none handled today)',
    };
  const staffing = erlangCStaffing(
    { callsPerInterval: currentIntervalOffered, ahtSeconds: aht, intervalSeconds: intervalMinutes * 60 },
    {
      targetAnswerSeconds: input.targetAnswerSeconds,
      targetServiceLevel: input.targetServiceLevel,
      maxOccupancy: 1,
      shrinkage: 0,
    },
  );
  return {
    ...base,
    ahtSeconds: aht,
    requiredAgentsNow: staffing.agents,
    agentsGap: loggedIn - staffing.agents,
    reason: null,
  };
}
