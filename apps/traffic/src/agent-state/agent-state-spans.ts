import type { SubgraphContext } from '@switchboard/subgraph-kit';
import type DataLoader from 'dataloader';
import { Field, ObjectType } from 'type-graphql';
import type { Period } from '../stats/summary-loader';

/** How long a state may last without a next event before it is treated as a lost logout. */
const MAX_STATE_HOURS = 12;

@ObjectType('AgentStateSpan', {
  description: 'A time an agent spent in one state, [start, end), clipped to the period asked',
})
export class AgentStateSpanType {
  @Field(() => Date) start!: Date;
  @Field(() => Date) end!: Date;
  @Field(() => String, { description: 'AVAILABLE, ON_CONTACT, ACW, NOT_READY, LOGGED_IN' }) state!: string;
  @Field(() => String, { nullable: true, description: 'The not-ready reason, if any' }) reason!:
    | string
    | null;
}

/** A span with its bounds in epoch milliseconds, as the loader gives it. */
export interface AgentStateSpanMs {
  start: number;
  end: number;
  state: string;
  reason: string | null;
}

interface SpanRow {
  agent: string;
  state: string;
  reason: string | null;
  start_ms: number;
  end_ms: number;
}

/**
 * A timestamp's epoch milliseconds as a Date holds them (a microsecond part cut off, as the
 * driver's timestamp parsing did), in floating point: date_part's seconds are within 0.0003 ms of
 * the exact value after * 1000, so adding 0.0005 before the floor cuts where the exact value would
 * (numeric arithmetic, exact, cost the statement half again; issue 23).
 */
const epochMs = (timestamp: string): string => `floor(date_part('epoch', ${timestamp}) * 1000 + 0.0005)`;

/**
 * The state spans of many agents in one statement (schedule adherence in wfm): each event lasts
 * until the agent's next one (at most MAX_STATE_HOURS), clipped to the period; the state in force at
 * `from` comes from the last earlier event. Logged-out time is no span.
 *
 * Each agent's events are read and windowed alone (a lateral index range scan on (agent, at)), not
 * all agents' at once: one window over a center's week (53,000 events of 150 agents) sorted them
 * all together, spilling to disk, about 300 of the statement's 530 ms at load 30 (issue 23). The
 * rows are put in order per agent by the loader. The bounds come as epoch milliseconds (what a Date
 * holds), not timestamps: a center's month is tens of thousands of spans, and the packed form wfm
 * reads needs no Date of any of them (issue 23).
 */
const STATE_SPANS = `
select a.agent, ev.state::text as state, ev.reason,
  ${epochMs('greatest(ev.at, ?::timestamptz)')} as start_ms,
  ${epochMs(`least(coalesce(ev.next_at, ?::timestamptz), ev.at + interval '${MAX_STATE_HOURS} hours', ?::timestamptz)`)} as end_ms
from jsonb_array_elements_text(?::jsonb) as a(agent)
cross join lateral (
  select e.state, e.reason, e.at, lead(e.at) over (order by e.at, e.id) as next_at
  from agent_state_event e
  where e.agent = a.agent and e.at < ? and e.at >= ?::timestamptz - interval '${MAX_STATE_HOURS} hours'
) ev
where ev.state <> 'LOGGED_OUT'
  and least(coalesce(ev.next_at, ?::timestamptz), ev.at + interval '${MAX_STATE_HOURS} hours', ?::timestamptz)
    > greatest(ev.at, ?::timestamptz)`;

export function agentStateSpansLoader(
  ctx: SubgraphContext,
  period: Period,
): DataLoader<string, AgentStateSpanMs[]> {
  return ctx.loaders.get(
    `agentStateSpans:${period.from.toISOString()}:${period.to.toISOString()}`,
    async (agents: readonly string[]) => {
      const { from, to } = period;
      const rows = await ctx.em.execute<SpanRow[]>(STATE_SPANS, [
        from,
        to,
        to,
        JSON.stringify(agents),
        to,
        from,
        to,
        to,
        from,
      ]);
      const byAgent = new Map<string, AgentStateSpanMs[]>();
      for (const r of rows) {
        const span: AgentStateSpanMs = { start: r.start_ms, end: r.end_ms, state: r.state, reason: r.reason };
        // appended in place: copying the list per span was quadratic in an agent's spans (issue 23:
        // a center's month for adherence is thousands of spans per agent)
        const spans = byAgent.get(r.agent);
        if (spans) spans.push(span);
        else byAgent.set(r.agent, [span]);
      }
      // in start order (each agent's rows come nearly so: sorting them is a linear pass)
      for (const spans of byAgent.values()) spans.sort((a, b) => a.start - b.start);
      return agents.map((agent) => byAgent.get(agent) ?? []);
    },
  );
}
