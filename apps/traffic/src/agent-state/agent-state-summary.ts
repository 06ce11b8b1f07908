import type { AgentStateTotals } from '@switchboard/metrics';
import { occupancy, utilization } from '@switchboard/metrics';
import type { SubgraphContext } from '@switchboard/subgraph-kit';
import type DataLoader from 'dataloader';
import { Field, Float, ObjectType } from 'type-graphql';
import type { Period } from '../stats/summary-loader';

/** How long a state may last without a next event before it is treated as a lost logout. */
const MAX_STATE_HOURS = 12;

@ObjectType('AgentStateSummary', {
  description: "Time in each agent state over a period, from the agent's state events",
})
export class AgentStateSummaryType {
  @Field(() => Float) loggedInSeconds!: number;
  @Field(() => Float) availableSeconds!: number;
  @Field(() => Float) notReadySeconds!: number;
  @Field(() => Float) onContactSeconds!: number;
  @Field(() => Float) acwSeconds!: number;
  @Field(() => Float, { nullable: true, description: '(on-contact + ACW) / (on-contact + ACW + available)' })
  occupancy!: number | null;
  @Field(() => Float, { nullable: true, description: '(on-contact + ACW) / logged-in' }) utilization!:
    | number
    | null;
}

interface StateRow {
  agent: string;
  logged_in: number;
  available: number;
  not_ready: number;
  on_contact: number;
  acw: number;
}

/**
 * Seconds per state for many agents in one statement: each event lasts until the agent's next one
 * (at most MAX_STATE_HOURS), clipped to the period; the state in force at `from` comes from the
 * last earlier event.
 */
const STATE_SECONDS = `
with ev as (
  select agent, state, at, lead(at) over (partition by agent order by at, id) as next_at
  from agent_state_event
  where agent in (%KEYS%) and at < ? and at >= ?::timestamptz - interval '${MAX_STATE_HOURS} hours'
), spans as (
  select agent, state,
    extract(epoch from least(coalesce(next_at, ?::timestamptz), at + interval '${MAX_STATE_HOURS} hours', ?::timestamptz)
      - greatest(at, ?::timestamptz)) as seconds
  from ev where state <> 'LOGGED_OUT'
)
select agent,
  coalesce(sum(seconds) filter (where seconds > 0), 0)::float8 as logged_in,
  coalesce(sum(seconds) filter (where seconds > 0 and state = 'AVAILABLE'), 0)::float8 as available,
  coalesce(sum(seconds) filter (where seconds > 0 and state = 'NOT_READY'), 0)::float8 as not_ready,
  coalesce(sum(seconds) filter (where seconds > 0 and state = 'ON_CONTACT'), 0)::float8 as on_contact,
  coalesce(sum(seconds) filter (where seconds > 0 and state = 'ACW'), 0)::float8 as acw
from spans group by agent`;

export function toAgentStateSummary(totals: AgentStateTotals): AgentStateSummaryType {
  return Object.assign(new AgentStateSummaryType(), {
    loggedInSeconds: totals.loggedInSeconds,
    availableSeconds: totals.availableSeconds,
    notReadySeconds: totals.notReadySeconds,
    onContactSeconds: totals.onContactSeconds,
    acwSeconds: totals.acwSeconds,
    occupancy: occupancy(totals),
    utilization: utilization(totals),
  });
}

export function agentStateLoader(
  ctx: SubgraphContext,
  period: Period,
): DataLoader<string, AgentStateSummaryType> {
  return ctx.loaders.get(
    `agentStates:${period.from.toISOString()}:${period.to.toISOString()}`,
    async (agents: readonly string[]) => {
      const sql = STATE_SECONDS.replace('%KEYS%', agents.map(() => '?').join(', '));
      const { from, to } = period;
      const rows = await ctx.em.getConnection().execute<StateRow[]>(sql, [...agents, to, from, to, to, from]);
      const byAgent = new Map(rows.map((r) => [r.agent, r]));
      return agents.map((agent) => {
        const r = byAgent.get(agent);
        return toAgentStateSummary({
          loggedInSeconds: r?.logged_in ?? 0,
          availableSeconds: r?.available ?? 0,
          notReadySeconds: r?.not_ready ?? 0,
          onContactSeconds: r?.on_contact ?? 0,
          acwSeconds: r?.acw ?? 0,
        });
      });
    },
  );
}
