/**
 * numerator / denominator, or null when the denominator is 0 (METRICS.md: "null, never 0 or NaN,
 * when the denominator is 0"). Any other non-finite result is null too, so no rate is ever NaN
 * or Infinity.
 */
export function ratio(numerator: number, denominator: number): number | null {
  if (denominator === 0) return null;
  const value = numerator / denominator;
  return Number.isFinite(value) ? value : null;
}
