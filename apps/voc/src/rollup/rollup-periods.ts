/** A half-open range [from, to). */
export interface Range {
  from: Date;
  to: Date;
}

/** Where each part of a period is read: whole UTC months and days from the rollup, the rest raw. */
export interface RollupPlan {
  months: Range | null;
  days: Range[];
  raw: Range[];
}

const DAY_MS = 86_400_000;
const floorDay = (t: Date): Date => new Date(Math.floor(t.getTime() / DAY_MS) * DAY_MS);
const ceilDay = (t: Date): Date => new Date(Math.ceil(t.getTime() / DAY_MS) * DAY_MS);
const floorMonth = (t: Date): Date => new Date(Date.UTC(t.getUTCFullYear(), t.getUTCMonth(), 1));
const ceilMonth = (t: Date): Date => {
  const floor = floorMonth(t);
  return floor.getTime() === t.getTime()
    ? floor
    : new Date(Date.UTC(t.getUTCFullYear(), t.getUTCMonth() + 1, 1));
};

/**
 * Splits [from, to) into whole UTC months, whole UTC days outside them, and partial-day edges
 * (at most two of each of the last): the parts cover the period exactly once.
 */
export function planRollupRead(from: Date, to: Date): RollupPlan {
  const d0 = ceilDay(from);
  const d1 = floorDay(to);
  if (d0.getTime() >= d1.getTime()) return { months: null, days: [], raw: [{ from, to }] };
  const raw: Range[] = [];
  if (from < d0) raw.push({ from, to: d0 });
  if (d1 < to) raw.push({ from: d1, to });
  const m0 = ceilMonth(d0);
  const m1 = floorMonth(d1);
  if (m0.getTime() >= m1.getTime()) return { months: null, days: [{ from: d0, to: d1 }], raw };
  const days: Range[] = [];
  if (d0 < m0) days.push({ from: d0, to: m0 });
  if (m1 < d1) days.push({ from: m1, to: d1 });
  return { months: { from: m0, to: m1 }, days, raw };
}
