import { Entity, Enum, Index, OptionalProps, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import { AGENT_STATES, type AgentState } from '../contact/contact-record';

/** An agent-state change; the agent stays in `state` until their next event. */
@Entity({ tableName: 'agent_state_event' })
@Unique({ name: 'agent_state_event_natural_key', properties: ['source', 'agent', 'at', 'state'] })
@Index({ name: 'agent_state_event_agent_at_idx', properties: ['agent', 'at'] })
export class AgentStateEventRow {
  [OptionalProps]?: 'reason' | 'queue';

  @PrimaryKey({ type: 'bigint', autoincrement: true })
  id!: string;

  @Property({ type: 'text' })
  source!: string;

  @Property({ type: 'text' })
  agent!: string;

  @Property({ type: 'timestamptz' })
  at!: Date;

  @Enum({ items: () => [...AGENT_STATES], nativeEnumName: 'agent_state' })
  state!: AgentState;

  @Property({ type: 'text', nullable: true })
  reason: string | null = null;

  @Property({ type: 'text', nullable: true })
  queue: string | null = null;
}
