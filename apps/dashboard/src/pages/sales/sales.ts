/** An exact decimal of the API ("1234.50") as a number to show; null when absent or not a number. */
export function decimalAmount(text: string | null | undefined): number | null {
  if (text == null || text.trim() === '') return null;
  const value = Number(text);
  return Number.isFinite(value) ? value : null;
}

export interface AgentOutcome {
  employeeNo?: string | null;
}

/**
 * The team's agents with their outcome rows: every member (an agent with no contact in the period
 * shows with none), and any agent who handled the team's contacts in the period but has left it
 * since (trafficStats counts by the team at the time).
 */
export function agentOutcomeRows<R extends AgentOutcome>(
  members: readonly { employeeNo: string; displayName: string }[],
  rows: readonly R[],
): { employeeNo: string; name: string; outcome: R | null }[] {
  const byAgent = new Map(rows.filter((r) => r.employeeNo).map((r) => [r.employeeNo as string, r]));
  const names = new Map(members.map((m) => [m.employeeNo, m.displayName]));
  const numbers = [...new Set([...members.map((m) => m.employeeNo), ...byAgent.keys()])];
  return numbers.map((employeeNo) => ({
    employeeNo,
    name: names.has(employeeNo) ? `${names.get(employeeNo)} (${employeeNo})` : employeeNo,
    outcome: byAgent.get(employeeNo) ?? null,
  }));
}
