import { Check, Entity, Enum, Index, OptionalProps, PrimaryKey, Property } from '@mikro-orm/core';
import { CHANNELS, DIRECTIONS, OUTCOMES, type Channel, type Direction, type Outcome } from './contact-record';

/**
 * One contact (call, chat, message) as the ACD reported it. `(source, external_id)` is the natural
 * key, held unique by `contact_key` (ContactKeyRow): importing the same data twice changes nothing.
 * The table is partitioned by month of `arrived_at` (hence the primary key `(id, arrived_at)`; see
 * docs/DESIGN.md). The checks are a backstop behind validation. Written in bulk by COPY (see
 * ingest/), read through the interval rollups.
 */
@Entity({ tableName: 'contact' })
@Index({ name: 'contact_arrived_at_idx', properties: ['arrivedAt'] })
@Index({ name: 'contact_customer_arrived_idx', properties: ['customerKey', 'arrivedAt'] })
@Index({ name: 'contact_agent_arrived_idx', properties: ['agent', 'arrivedAt'] })
// liveQueues' today so far, per queue
@Index({ name: 'contact_queue_arrived_idx', properties: ['queueId', 'arrivedAt'] })
@Check({
  name: 'contact_answer_after_arrival',
  expression: 'answered_at is null or answered_at >= arrived_at',
})
@Check({ name: 'contact_end_after_start', expression: 'ended_at >= coalesce(answered_at, arrived_at)' })
@Check({ name: 'contact_durations_not_negative', expression: 'hold_seconds >= 0 and acw_seconds >= 0' })
@Check({
  name: 'contact_answered_has_answer_time',
  expression: "(outcome = 'ANSWERED') = (answered_at is not null)",
})
export class Contact {
  [OptionalProps]?:
    | 'holdSeconds'
    | 'acwSeconds'
    | 'transferred'
    | 'queueId'
    | 'agent'
    | 'customerKey'
    | 'answeredAt'
    | 'wrapupCode'
    | 'customerSegment';

  @PrimaryKey({ type: 'bigint', autoincrement: true })
  id!: string;

  @Property({ type: 'text' })
  source!: string;

  @Property({ type: 'text' })
  externalId!: string;

  @Enum({ items: () => [...CHANNELS], nativeEnumName: 'channel' })
  channel!: Channel;

  @Enum({ items: () => [...DIRECTIONS], nativeEnumName: 'direction' })
  direction!: Direction;

  @Property({ type: 'uuid', nullable: true })
  queueId: string | null = null;

  /** Employee number as given (may be unknown to staff yet). */
  @Property({ type: 'text', nullable: true })
  agent: string | null = null;

  @Property({ type: 'text', nullable: true })
  customerKey: string | null = null;

  @PrimaryKey({ type: 'timestamptz' })
  arrivedAt!: Date;

  @Property({ type: 'timestamptz', nullable: true })
  answeredAt: Date | null = null;

  @Property({ type: 'timestamptz' })
  endedAt!: Date;

  @Property({ type: 'double' })
  holdSeconds: number = 0;

  @Property({ type: 'double' })
  acwSeconds: number = 0;

  @Enum({ items: () => [...OUTCOMES], nativeEnumName: 'outcome' })
  outcome!: Outcome;

  @Property({ type: 'boolean' })
  transferred: boolean = false;

  @Property({ type: 'text', nullable: true })
  wrapupCode: string | null = null;

  /** The customer's segment in care when the contact was stored (null: not looked up; counts as STANDARD). */
  @Property({ type: 'text', nullable: true })
  customerSegment: string | null = null;
}
