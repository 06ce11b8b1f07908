import { AGENT_STATES, type AgentState } from './contact';

/** One state span in epoch milliseconds, [start, end). */
export interface PackedStateSpan {
  start: number;
  end: number;
  state: AgentState;
}

/**
 * Traffic's `Agent.stateSpansPacked`, read by wfm's adherence: an agent's spans of a period in one
 * string, `<start>,<end>,<state>` per span with start and end in milliseconds after the period's
 * `from`, `;` between spans. A center's month is tens of thousands of spans: as GraphQL objects each
 * cost traffic two DateTimeISO serializations, the gateway a merge and a validation per field and
 * the reader a parse, more CPU than the SQL that found them (issue 23).
 */
export function packStateSpans(from: number, spans: readonly PackedStateSpan[]): string {
  return spans.map((s) => `${s.start - from},${s.end - from},${s.state}`).join(';');
}

const KNOWN = new Set<string>(AGENT_STATES);

/** The spans of a packed string, back in epoch milliseconds; throws on a malformed span. */
export function unpackStateSpans(from: number, packed: string): PackedStateSpan[] {
  if (!packed) return [];
  return packed.split(';').map((span) => {
    const [start, end, state] = span.split(',');
    const startMs = Number(start);
    const endMs = Number(end);
    if (!Number.isFinite(startMs) || !Number.isFinite(endMs) || !KNOWN.has(state))
      throw new RangeError(`not a packed state span: "${span}"`);
    return { start: from + startMs, end: from + endMs, state: state as AgentState };
  });
}
