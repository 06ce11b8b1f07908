import { Entity, PrimaryKey, Property } from '@mikro-orm/core';

/**
 * Seconds in each agent state per agent and hour: agent_state_interval's rows summed by hour, kept by
 * writeAgentStates with it (agent-state-rollup.ts). A center's month of 160 agents is 61,000
 * quarter-hour rows read three times per CenterOverview; by the hour a quarter of that (issue 23).
 * Periods and trend buckets that start or end inside an hour read that hour's quarters instead.
 */
@Entity({ tableName: 'agent_state_hour' })
export class AgentStateHour {
  @PrimaryKey({ type: 'text' })
  agent!: string;

  @PrimaryKey({ type: 'timestamptz' })
  hourStart!: Date;

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
