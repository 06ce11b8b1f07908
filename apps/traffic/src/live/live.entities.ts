import { Entity, Enum, Index, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import {
  AGENT_STATES,
  CHANNELS,
  DIRECTIONS,
  type AgentState,
  type Channel,
  type Direction,
} from '../contact/contact-record';

/*
 * The live tables as entities, so the schema diff (npm run migration:create) knows them. The live
 * path reads and writes them with SQL through pg (live-event.service.ts), never through these.
 */

/** Every accepted live event in the order applied: the state can be recomputed from it. */
@Entity({ tableName: 'live_event' })
@Unique({ name: 'live_event_natural_key', properties: ['source', 'type', 'subject', 'at'] })
@Index({ name: 'live_event_at_idx', properties: ['at'] })
export class LiveEventRow {
  @PrimaryKey({ type: 'bigint', autoincrement: true })
  id!: string;

  @Property({ type: 'timestamptz', defaultRaw: 'now()' })
  receivedAt!: Date;

  @Property({ type: 'text' })
  source!: string;

  @Property({ type: 'text' })
  type!: string;

  /** The contact's external id, or the agent. */
  @Property({ type: 'text' })
  subject!: string;

  @Property({ type: 'timestamptz' })
  at!: Date;

  @Property({ type: 'jsonb' })
  body!: Record<string, unknown>;
}

/** A contact in a queue or with an agent, until it ends. */
@Entity({ tableName: 'live_contact' })
@Index({ name: 'live_contact_queue_idx', properties: ['queueId', 'arrivedAt'] })
export class LiveContactEntity {
  @PrimaryKey({ type: 'text' })
  source!: string;

  @PrimaryKey({ type: 'text' })
  externalId!: string;

  @Property({ type: 'uuid' })
  queueId!: string;

  @Enum({ items: () => [...CHANNELS], nativeEnumName: 'channel' })
  channel!: Channel;

  @Enum({ items: () => [...DIRECTIONS], nativeEnumName: 'direction', default: 'INBOUND' })
  direction!: Direction;

  @Property({ type: 'text', nullable: true })
  customerKey: string | null = null;

  @Property({ type: 'timestamptz' })
  arrivedAt!: Date;

  @Property({ type: 'timestamptz', nullable: true })
  answeredAt: Date | null = null;

  @Property({ type: 'text', nullable: true })
  agent: string | null = null;
}

/** Each agent's state now. */
@Entity({ tableName: 'live_agent' })
@Index({ name: 'live_agent_queue_idx', properties: ['queueId'] })
export class LiveAgentEntity {
  @PrimaryKey({ type: 'text' })
  source!: string;

  @PrimaryKey({ type: 'text' })
  agent!: string;

  @Enum({ items: () => [...AGENT_STATES], nativeEnumName: 'agent_state' })
  state!: AgentState;

  @Property({ type: 'text', nullable: true })
  reason: string | null = null;

  @Property({ type: 'uuid', nullable: true })
  queueId: string | null = null;

  @Property({ type: 'timestamptz' })
  since!: Date;
}
