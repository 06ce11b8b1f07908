/**
 * `--size default` (the whole suite in under 15 minutes on the 2-core reference machine) or
 * `--size large` (the sizes). Each benchmark reads its defaults from here; an explicit
 * option (`--contacts`, `--runs`, ...) still wins.
 */
export type BenchSize = 'default' | 'large';

export function benchSize(value: string | undefined): BenchSize {
  if (value === undefined || value === 'default') return 'default';
  if (value === 'large') return 'large';
  throw new Error(`--size must be default or large, not ${value}`);
}

/** Option values by size; `pick(explicit, name)` gives the explicit value or the size's. */
export function sized<T extends Record<string, string>>(size: BenchSize, sizes: Record<BenchSize, T>) {
  return (explicit: string | undefined, name: keyof T): number => Number(explicit ?? sizes[size][name]);
}
