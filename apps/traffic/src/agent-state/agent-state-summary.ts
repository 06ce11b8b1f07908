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
      const rows = await ctx.em.execute<StateRow[]>(sql, [...agents, to, from, to, to, from]);
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

/**
 * Seconds per state of many agents in the elementary intervals between sorted instants `bounds`
 * (interval i is [bounds[i], bounds[i+1]), 0-based), in one statement over the per-agent rollups kept
 * as states arrive (agent-state-rollup.ts), not the raw events: a trend's buckets are one statement,
 * not one per bucket, and a month's drill-down sums rollup rows instead of replaying every event
 * (issue 17). Whole hours come from the hourly rollup (agent_state_hour), a quarter of the rows of
 * the 15-minute one (issue 23: a center's month, 61,000 quarter-hour rows, was read three times per
 * CenterOverview); an hour a bound falls inside (a zone's half-hour midnight, a 15-minute bucket)
 * from its quarters. Bounds are on the 15-minute grid (checkPeriod). `picked` is materialized so
 * the sums are hashed: inlined, the planner's low estimate of the union sorted its rows by agent
 * under the database's collation, slower than the old statement over four times the rows.
 */
const STATE_SECONDS_BY_INTERVAL = `
with b as (select array(select jsonb_array_elements_text(?::jsonb)::timestamptz order by 1) as bounds),
edge as (
  select distinct date_trunc('hour', x) as hour from b cross join unnest(b.bounds) as x where x <> date_trunc('hour', x)
), picked as materialized (
  select agent, hour_start as at, logged_in, available, not_ready, on_contact, acw
  from agent_state_hour
  where agent in (%KEYS%) and hour_start >= ? and hour_start < ? and hour_start not in (select hour from edge)
  union all
  select q.agent, q.interval_start, q.logged_in, q.available, q.not_ready, q.on_contact, q.acw
  from edge e join agent_state_interval q on q.agent in (%KEYS%)
    and q.interval_start >= e.hour and q.interval_start < e.hour + interval '1 hour'
  where q.interval_start >= ? and q.interval_start < ?
)
select agent, (width_bucket(at, b.bounds) - 1)::int as interval,
  sum(logged_in)::float8 as logged_in, sum(available)::float8 as available, sum(not_ready)::float8 as not_ready,
  sum(on_contact)::float8 as on_contact, sum(acw)::float8 as acw
from picked cross join b
group by 1, 2`;

/** An agent's state seconds in one elementary interval (see agentStateIntervals). */
export interface AgentIntervalTotals extends AgentStateTotals {
  agent: string;
  interval: number;
}

/** Seconds per state of `agents` in each interval between `bounds` (sorted, distinct, at least 2). */
export async function agentStateIntervals(
  ctx: SubgraphContext,
  agents: readonly string[],
  bounds: readonly Date[],
): Promise<AgentIntervalTotals[]> {
  if (agents.length === 0 || bounds.length < 2) return [];
  const sql = STATE_SECONDS_BY_INTERVAL.replaceAll('%KEYS%', agents.map(() => '?').join(', '));
  const period = [bounds[0], bounds[bounds.length - 1]];
  const rows = await ctx.em.execute<(StateRow & { interval: number })[]>(sql, [
    JSON.stringify(bounds.map((b) => b.toISOString())),
    ...agents,
    ...period,
    ...agents,
    ...period,
  ]);
  return rows.map((r) => ({
    agent: r.agent,
    interval: r.interval,
    loggedInSeconds: r.logged_in,
    availableSeconds: r.available,
    notReadySeconds: r.not_ready,
    onContactSeconds: r.on_contact,
    acwSeconds: r.acw,
  }));
}
