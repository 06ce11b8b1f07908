import { randomUUID } from 'node:crypto';
import { Entity, Index, PrimaryKey, Property } from '@mikro-orm/core';

/**
 * The commitment's log of changes made by people after it was made (append-only): today a
 * reassignment to another agent, by a team lead, center manager, case handler or admin.
 */
@Entity({ tableName: 'care_commitment_event' })
@Index({ name: 'care_commitment_event_commitment_idx', properties: ['commitmentId', 'at'] })
export class CommitmentEvent {
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Property({ type: 'uuid' })
  commitmentId!: string;

  /** REASSIGNED */
  @Property({ type: 'text' })
  kind!: string;

  @Property({ type: 'timestamptz' })
  at!: Date;

  /** Who did it (the token's subject) */
  @Property({ type: 'text' })
  actor!: string;

  @Property({ type: 'text' })
  fromOwner!: string;

  @Property({ type: 'text' })
  toOwner!: string;

  @Property({ type: 'uuid', nullable: true })
  fromTeamId: string | null = null;

  @Property({ type: 'uuid', nullable: true })
  toTeamId: string | null = null;

  @Property({ type: 'text', nullable: true })
  reason: string | null = null;
}
