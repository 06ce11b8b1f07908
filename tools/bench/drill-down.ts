/** The center drill-down (issue 6): a center, its teams and their agents, every source and KPI. */
const TRAFFIC =
  'offered answered serviceLevel asaSeconds ahtSeconds abandonRate transferRate fcrRate occupancy';
const QA = 'score evaluations criticalFailRate';
const TRAINING = 'completionRate overdue firstAttemptPassRate passRate certificationCoverage';
const RECORD = `scopeType scopeId name traffic { ${TRAFFIC} } qa { ${QA} } training { ${TRAINING} }
  kpis { code value target attainment status }`;

export const DRILL_DOWN = `query($scope: PerformanceScopeInput!, $from: DateTimeISO!, $to: DateTimeISO!) {
  performance(scope: $scope, from: $from, to: $to) { ${RECORD}
    children { ${RECORD} children { ${RECORD} } } } }`;

const DAY_MS = 86_400_000;
const SHANGHAI_MS = 8 * 3_600_000;

/** The 30 days before today's local midnight (Asia/Shanghai), where the traffic demo has its month. */
export function drillDownVariables(centerId: string, now = Date.now()): Record<string, unknown> {
  const midnight = Math.floor((now + SHANGHAI_MS) / DAY_MS) * DAY_MS - SHANGHAI_MS;
  return {
    scope: { type: 'CENTER', id: centerId },
    from: new Date(midnight - 30 * DAY_MS).toISOString(),
    to: new Date(midnight).toISOString(),
  };
}
