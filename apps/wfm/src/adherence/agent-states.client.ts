import { unpackStateSpans } from '@switchboard/contracts';
import type { AgentState } from '@switchboard/metrics';
import { queryGateway } from '@switchboard/subgraph-kit';

/** A state span [start, end) in epoch milliseconds (a center's month is tens of thousands: no Dates). */
export interface AgentStateSpan {
  start: number;
  end: number;
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

/**
 * Packed (one string per agent, libs/contracts): a center's month is tens of thousands of spans, and
 * as objects traffic serialized two DateTimeISOs per span, the gateway merged and checked every field
 * and wfm parsed them again (issue 23).
 */
const SPANS = `query AgentStateSpans($n: [String!]!, $f: DateTimeISO!, $t: DateTimeISO!) {
  agentsByEmployeeNo(employeeNos: $n) { employeeNo stateSpansPacked(from: $f, to: $t) } }`;

type Answer = {
  agentsByEmployeeNo: ({ employeeNo: string; stateSpansPacked: string | null } | null)[];
};

/**
 * Batches asked and not answered yet, by their variables. wfm asks as itself (its service identity),
 * so the answer is the same whoever's request needs it: a center overview's record and its teams'
 * records (their `score` requires the workforce part) reach wfm at once with the same agents and
 * period, and the gateway already answered both from one traffic request (its in-flight
 * deduplication), at the cost of a copy of every span for each, parsed again by wfm. Shared here,
 * the batch crosses the gateway once and is parsed once. Nothing is kept once answered: the next
 * request asks again. Its users read the spans, never change them.
 */
const inFlight = new Map<string, Promise<Map<string, AgentStateSpan[]>>>();

function askBatch(variables: { n: string[]; f: string; t: string }): Promise<Map<string, AgentStateSpan[]>> {
  const key = JSON.stringify(variables);
  const pending = inFlight.get(key);
  if (pending) return pending;
  const asked = queryGateway<Answer>(SPANS, variables, { purpose: 'agent states for adherence' })
    .then((data) => {
      const spans = new Map<string, AgentStateSpan[]>();
      const from = Date.parse(variables.f);
      for (const agent of data.agentsByEmployeeNo) {
        if (!agent) continue;
        spans.set(agent.employeeNo, unpackStateSpans(from, agent.stateSpansPacked ?? ''));
      }
      return spans;
    })
    .finally(() => inFlight.delete(key));
  inFlight.set(key, asked);
  return asked;
}

/**
 * The state spans of agents over [from, to), from traffic through the gateway (staff's Agent,
 * extended by traffic): one request per batch of agents, never traffic's tables; a batch another
 * request has asked and not yet had answered is shared (askBatch).
 */
export async function fetchAgentStateSpans(
  employeeNos: readonly string[],
  from: Date,
  to: Date,
): Promise<Map<string, AgentStateSpan[]>> {
  // sorted: a center's agents and its teams' make the same batches, whatever order they came in
  const unique = [...new Set(employeeNos)].sort();
  const variables = (batch: string[]) => ({ n: batch, f: from.toISOString(), t: to.toISOString() });
  // one batch: its answer as it is, the same object for every request sharing it (what the workforce
  // loader's shared work is keyed on); read, never changed
  if (unique.length <= STATE_BATCH) return askBatch(variables(unique));
  const spans = new Map<string, AgentStateSpan[]>();
  for (let offset = 0; offset < unique.length; offset += STATE_BATCH) {
    const batch = await askBatch(variables(unique.slice(offset, offset + STATE_BATCH)));
    for (const [employeeNo, list] of batch) spans.set(employeeNo, list);
  }
  return spans;
}
