import { ratio } from './ratio';

export const KPI_DIRECTIONS = ['HIGHER_IS_BETTER', 'LOWER_IS_BETTER'] as const;
export type KpiDirection = (typeof KPI_DIRECTIONS)[number];

export const KPI_STATUSES = ['GREEN', 'AMBER', 'RED'] as const;
export type KpiStatus = (typeof KPI_STATUSES)[number];

/** A target in force: the value to reach and how far short of it still counts as AMBER (same unit). */
export interface KpiGoal {
  direction: KpiDirection;
  target: number;
  amberBand: number;
}

export interface KpiAttainment {
  /** value / target (HIGHER_IS_BETTER) or target / value (LOWER_IS_BETTER); null when undefined. */
  attainment: number | null;
  status: KpiStatus | null;
}

/**
 * METRICS.md "KPI attainment": GREEN when the target is met, AMBER when short of it by at most the
 * amber band, RED otherwise. No value (e.g. no contacts in the period) means no status.
 */
export function kpiAttainment(value: number | null, goal: KpiGoal): KpiAttainment {
  if (value === null || !Number.isFinite(value)) return { attainment: null, status: null };
  const higher = goal.direction === 'HIGHER_IS_BETTER';
  const shortfall = higher ? goal.target - value : value - goal.target;
  // a hair of tolerance so 0.8 − 0.75 (= 0.05000000000000004) sits on the 0.05 band's edge
  const epsilon = 1e-9 * Math.max(1, Math.abs(goal.target));
  const status: KpiStatus =
    shortfall <= epsilon ? 'GREEN' : shortfall <= goal.amberBand + epsilon ? 'AMBER' : 'RED';
  return { attainment: higher ? ratio(value, goal.target) : ratio(goal.target, value), status };
}

/** A KPI's share in a balanced scorecard: its weight and its attainment (missing ones are skipped). */
export interface WeightedAttainment {
  weight: number;
  attainment: number | null;
}

/**
 * Composite score = Σ weight × min(attainment, cap) / Σ weight over the KPIs that have an
 * attainment; capping stops one runaway KPI (an ASA of 1 s against 20 s) from hiding the others.
 * Null when no weighted KPI has a value.
 */
export function compositeScore(parts: readonly WeightedAttainment[], cap = 1.5): number | null {
  let weighted = 0;
  let weights = 0;
  for (const part of parts) {
    if (part.attainment === null || part.weight <= 0) continue;
    weighted += part.weight * Math.min(part.attainment, cap);
    weights += part.weight;
  }
  return ratio(weighted, weights);
}
