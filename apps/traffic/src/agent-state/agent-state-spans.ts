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

interface SpanRow {
  agent: string;
  state: string;
  reason: string | null;
  start_at: Date;
  end_at: Date;
}

/**
 * The state spans of many agents in one statement (schedule adherence in wfm): each event lasts
 * until the agent's next one (at most MAX_STATE_HOURS), clipped to the period; the state in force at
 * `from` comes from the last earlier event. Logged-out time is no span.
 */
const STATE_SPANS = `
with ev as (
  select agent, state, reason, at, lead(at) over (partition by agent order by at, id) as next_at
  from agent_state_event
  where agent in (%KEYS%) and at < ? and at >= ?::timestamptz - interval '${MAX_STATE_HOURS} hours'
), spans as (
  select agent, state::text as state, reason,
    greatest(at, ?::timestamptz) as start_at,
    least(coalesce(next_at, ?::timestamptz), at + interval '${MAX_STATE_HOURS} hours', ?::timestamptz) as end_at
  from ev where state <> 'LOGGED_OUT'
)
select agent, state, reason, start_at, end_at from spans where end_at > start_at order by agent, start_at`;

export function agentStateSpansLoader(
  ctx: SubgraphContext,
  period: Period,
): DataLoader<string, AgentStateSpanType[]> {
  return ctx.loaders.get(
    `agentStateSpans:${period.from.toISOString()}:${period.to.toISOString()}`,
    async (agents: readonly string[]) => {
      const sql = STATE_SPANS.replace('%KEYS%', agents.map(() => '?').join(', '));
      const { from, to } = period;
      const rows = await ctx.em.execute<SpanRow[]>(sql, [...agents, to, from, from, to, to]);
      const byAgent = new Map<string, AgentStateSpanType[]>();
      for (const r of rows) {
        const span = Object.assign(new AgentStateSpanType(), {
          start: new Date(r.start_at),
          end: new Date(r.end_at),
          state: r.state,
          reason: r.reason,
        });
        // appended in place: copying the list per span was quadratic in an agent's spans (issue 23:
        // a center's month for adherence is thousands of spans per agent)
        const spans = byAgent.get(r.agent);
        if (spans) spans.push(span);
        else byAgent.set(r.agent, [span]);
      }
      return agents.map((agent) => byAgent.get(agent) ?? []);
    },
  );
}
