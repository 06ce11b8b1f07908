import type { AgentState } from '@switchboard/metrics';
import { queryGateway } from '@switchboard/subgraph-kit';

export interface AgentStateSpan {
  start: Date;
  end: Date;
  state: AgentState;
}

/**
 * Agents per request. Every state span of a month is tens of spans per agent-day: at 200 agents one
 * answer of a center's month is tens of MB, held at once by traffic, the gateway and wfm (issue 23:
 * their RSS rose by 100+ MiB together when a center overview asked it). 50 per request kept each
 * answer a quarter of that, but each request costs traffic and staff their own statements, so a
 * center's drill-down grew with its agents (the dashboard bench: 53 statements at 151 agents against
 * 45 at 39). 200 keeps a center of the demo's size in one request; the memory is to be won by
 * asking traffic for the adherence sums rather than every span.
 */
export const STATE_BATCH = 200;

const SPANS = `query AgentStateSpans($n: [String!]!, $f: DateTimeISO!, $t: DateTimeISO!) {
  agentsByEmployeeNo(employeeNos: $n) { employeeNo stateSpans(from: $f, to: $t) { start end state } } }`;

type Answer = {
  agentsByEmployeeNo: ({
    employeeNo: string;
    stateSpans: { start: string; end: string; state: AgentState }[] | null;
  } | null)[];
};

/**
 * The state spans of agents over [from, to), from traffic through the gateway (staff's Agent,
 * extended by traffic): one request per batch of agents, never traffic's tables.
 */
export async function fetchAgentStateSpans(
  employeeNos: readonly string[],
  from: Date,
  to: Date,
): Promise<Map<string, AgentStateSpan[]>> {
  const spans = new Map<string, AgentStateSpan[]>();
  const unique = [...new Set(employeeNos)];
  for (let offset = 0; offset < unique.length; offset += STATE_BATCH) {
    const data = await queryGateway<Answer>(
      SPANS,
      { n: unique.slice(offset, offset + STATE_BATCH), f: from.toISOString(), t: to.toISOString() },
      { purpose: 'agent states for adherence' },
    );
    for (const agent of data.agentsByEmployeeNo) {
      if (!agent) continue;
      spans.set(
        agent.employeeNo,
        (agent.stateSpans ?? []).map((s) => ({
          start: new Date(s.start),
          end: new Date(s.end),
          state: s.state,
        })),
      );
    }
  }
  return spans;
}
