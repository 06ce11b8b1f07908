import type { EntityManager } from '@mikro-orm/postgresql';
import {
  DEFAULT_ESCALATION_POLICY,
  escalationFireTimes,
  type BusinessCalendar,
  type EscalationPolicy,
} from '@switchboard/metrics';
import { EscalationPolicyRow } from './escalation.entity';

export interface PolicyScope {
  centerId: string;
  caseType?: string | null;
  priority?: string | null;
  segment?: string | null;
}

const specificity = (row: EscalationPolicyRow, scope: PolicyScope): number => {
  let n = 0;
  for (const key of ['caseType', 'priority', 'segment'] as const) {
    if (row[key] === '*') continue;
    if (row[key] !== scope[key]) return -1;
    n++;
  }
  return n;
};

/**
 * The policies for many centers in one query; per scope the most specific matching row
 * (case type, priority, segment; '*' matches any), else issue 18's default.
 */
export async function policiesFor(
  em: EntityManager,
  scopes: readonly PolicyScope[],
): Promise<EscalationPolicy[]> {
  const centers = [...new Set(scopes.map((s) => s.centerId))];
  const rows = centers.length ? await em.find(EscalationPolicyRow, { centerId: { $in: centers } }) : [];
  return scopes.map((scope) => {
    let best: EscalationPolicyRow | null = null;
    let bestScore = -1;
    for (const row of rows) {
      if (row.centerId !== scope.centerId) continue;
      const score = specificity(row, scope);
      if (score > bestScore) [best, bestScore] = [row, score];
    }
    return best ? { code: best.code, levels: best.levels } : DEFAULT_ESCALATION_POLICY;
  });
}

/** A new commitment's ladder: each level's fire time, and the first moment the sweeper must look. */
export function escalationSchedule(
  policy: EscalationPolicy,
  dueAt: Date,
  calendar: BusinessCalendar,
): { fireTimes: Array<{ level: number; at: string }>; first: Date | null } {
  const times = escalationFireTimes(policy, dueAt, calendar);
  const first = times.length ? new Date(Math.min(...times.map((t) => t.at.getTime()))) : null;
  return { fireTimes: times.map((t) => ({ level: t.level, at: t.at.toISOString() })), first };
}
