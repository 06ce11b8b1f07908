import { Entity, PrimaryKey, Property } from '@mikro-orm/core';

/**
 * Seconds in each agent state per agent and 15-minute interval, kept by writeAgentStates as states
 * arrive (agent-state-rollup.ts): Performance's occupancy and utilization sum these instead of
 * replaying every raw event of the period (issue 17). An event lasts until the agent's next one, at
 * most 12 hours, as in agent-state-summary.ts; LOGGED_OUT time is not counted.
 */
@Entity({ tableName: 'agent_state_interval' })
export class AgentStateInterval {
  @PrimaryKey({ type: 'text' })
  agent!: string;

  @PrimaryKey({ type: 'timestamptz' })
  intervalStart!: Date;

  @Property({ type: 'double' })
  loggedIn!: number;

  @Property({ type: 'double' })
  available!: number;

  @Property({ type: 'double' })
  notReady!: number;

  @Property({ type: 'double' })
  onContact!: number;

  @Property({ type: 'double' })
  acw!: number;
}
