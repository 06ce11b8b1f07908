import type { DataScope } from './data-scope';

/** The part of kpi's Performance key (and staff's @requires agents) that says whose record it is. */
export interface PerformanceRecordRef {
  scopeType: string;
  scopeId: string;
  agents?: { employeeNo: string }[];
}

/**
 * Whether a caller sees a Performance record, for the subgraphs that extend it: a center or team in
 * their scope, an agent they see, a queue whose center they see (`queueCenterId`, looked up by the
 * subgraph that owns queues; others pass nothing and a queue is never theirs).
 */
export function seesPerformanceRecord(
  scope: DataScope,
  record: PerformanceRecordRef,
  queueCenterId?: string | null,
): boolean {
  if (scope.all) return true;
  switch (record.scopeType) {
    case 'CENTER':
      return scope.seesCenter(record.scopeId);
    case 'TEAM':
      return scope.seesTeam(record.scopeId);
    case 'AGENT': {
      const agents = record.agents ?? [];
      return agents.length > 0 && agents.every((a) => scope.seesAgent(a.employeeNo));
    }
    case 'QUEUE':
      return scope.seesCenter(queueCenterId);
    default:
      return false;
  }
}
