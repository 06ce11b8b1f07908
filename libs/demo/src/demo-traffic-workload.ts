import type { DemoChannel } from './demo-traffic-queues';

export const INTERVAL_MS = 15 * 60_000;
export const INTERVALS_PER_DAY = 96;
export const DAY_MS = 86_400_000;
/** Asia/Shanghai has kept UTC+8 without daylight saving since 1991, so a fixed offset is exact. */
export const SHANGHAI_OFFSET_MS = 8 * 3_600_000;

/** Relative arrivals per local hour: morning and early-afternoon peaks, quiet nights. */
const VOICE_HOURLY = [
  0.3, 0.18, 0.12, 0.1, 0.1, 0.15, 0.35, 0.9, 2.3, 3.6, 3.9, 3.5, 2.5, 3.0, 3.5, 3.3, 2.9, 2.3, 1.7, 1.5,
  1.35, 1.1, 0.8, 0.5,
];
/** Chat and WeChat: the same day shape, flatter, with an evening after-work bump. */
const DIGITAL_HOURLY = [
  0.5, 0.3, 0.2, 0.15, 0.15, 0.2, 0.4, 0.9, 1.8, 2.6, 2.9, 2.8, 2.6, 2.6, 2.8, 2.7, 2.5, 2.2, 2.0, 2.2, 2.4,
  2.2, 1.6, 1.0,
];
/** By local weekday, Sunday first: Monday highest, weekends lower. */
export const WEEKDAY_FACTOR = [0.5, 1.2, 1.06, 1.0, 0.98, 0.96, 0.6];

/** Share of a day's contacts per 15-minute interval, interpolated between hourly levels, summing to 1. */
function intervalShares(hourly: number[], openHours: [number, number] | null): number[] {
  const raw = Array.from({ length: INTERVALS_PER_DAY }, (_, k) => {
    const hour = (k + 0.5) / 4;
    if (openHours && (hour < openHours[0] || hour >= openHours[1])) return 0;
    const position = hour - 0.5;
    const lower = Math.floor(position);
    const weight = position - lower;
    return hourly[(lower + 24) % 24] * (1 - weight) + hourly[(lower + 25) % 24] * weight;
  });
  const total = raw.reduce((sum, v) => sum + v, 0);
  return raw.map((v) => v / total);
}

/**
 * Planners staff shifts, not 15-minute wiggles: the staffed-for curve is the real one averaged over
 * ±1 hour, which leaves the sharp peaks a little short and the shoulders a little long.
 */
function smoothed(shares: number[]): number[] {
  return shares.map((share, k) => {
    if (share === 0) return 0;
    let sum = 0;
    for (let j = k - 4; j <= k + 4; j += 1) sum += shares[(j + INTERVALS_PER_DAY) % INTERVALS_PER_DAY];
    return sum / 9;
  });
}

export interface IntradayProfile {
  /** Expected share of the day's contacts per interval. */
  actual: number[];
  /** The share staffing plans for. */
  planned: number[];
}

export function intradayProfile(channel: DemoChannel, openHours: [number, number] | null): IntradayProfile {
  const actual = intervalShares(channel === 'VOICE' ? VOICE_HOURLY : DIGITAL_HOURLY, openHours);
  return { actual, planned: smoothed(actual) };
}

/**
 * Servers (agents, or chat slots) Erlang C says the offered load needs for `target` answered
 * within `thresholdSeconds`; Erlang B iterated upward keeps it stable for any load.
 */
export function erlangCServers(
  load: number,
  handleSeconds: number,
  target = 0.8,
  thresholdSeconds = 20,
): number {
  if (load <= 0) return 0;
  let blocking = 1;
  for (let servers = 1; ; servers += 1) {
    blocking = (load * blocking) / (servers + load * blocking);
    if (servers <= load) continue;
    const waiting = (servers * blocking) / (servers - load * (1 - blocking));
    const level = 1 - waiting * Math.exp((-(servers - load) * thresholdSeconds) / handleSeconds);
    if (level >= target) return servers;
  }
}

/** The local (Asia/Shanghai) calendar position of an instant. */
export function shanghaiClock(ms: number): { day: number; weekday: number; interval: number; hour: number } {
  const local = ms + SHANGHAI_OFFSET_MS;
  const day = Math.floor(local / DAY_MS);
  const minute = Math.floor((local - day * DAY_MS) / 60_000);
  return { day, weekday: (day + 4) % 7, interval: Math.floor(minute / 15), hour: Math.floor(minute / 60) };
}

/** ISO date (YYYY-MM-DD) of a local day number (days since 1970-01-01 local). */
export function localIsoDate(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}
