import { randomUUID } from 'node:crypto';
import { Entity, Enum, Index, OptionalProps, PrimaryKey, Property } from '@mikro-orm/core';
import { CASE_STATES, type CaseState } from '@switchboard/metrics';

import { CASE_EVENT_KINDS, CASE_TYPES, type CaseEventKind, type CaseKind } from '../model/case';

export { CASE_EVENT_KINDS, CASE_TYPES, type CaseEventKind, type CaseKind } from '../model/case';

/**
 * A case: the projection of its events (case_event), written in the same transaction as each event.
 * Center, team, agent and contacts are other subgraphs' records: checked through the gateway when
 * written, no cross-database key.
 */
@Entity({ tableName: 'care_case' })
@Index({ name: 'care_case_center_idx', properties: ['centerId', 'openedAt', 'id'] })
@Index({ name: 'care_case_customer_idx', properties: ['customerKey', 'openedAt', 'id'] })
@Index({ name: 'care_case_owner_idx', properties: ['ownerAgentNo', 'openedAt'] })
export class Case {
  [OptionalProps]?: 'openedAt' | 'version' | 'reopenCount' | 'handoffCount' | 'resolvedAt' | 'closedAt';

  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  /** Human-readable: C<year>-<6 digits>, from a sequence. */
  @Property({ type: 'text', unique: 'care_case_no_unique' })
  caseNo!: string;

  @Property({ type: 'text' })
  customerKey!: string;

  @Enum({ items: () => CASE_TYPES, nativeEnumName: 'case_type' })
  type!: CaseKind;

  @Property({ type: 'int' })
  taxonomyVersion!: number;

  @Property({ type: 'text' })
  categoryCode!: string;

  @Property({ type: 'text' })
  title!: string;

  @Enum({ items: () => CASE_STATES, nativeEnumName: 'case_status' })
  status!: CaseState;

  @Property({ type: 'smallint' })
  priority!: number;

  @Property({ type: 'text', nullable: true })
  ownerAgentNo!: string | null;

  @Property({ type: 'uuid', nullable: true })
  ownerTeamId!: string | null;

  @Property({ type: 'text' })
  ownerDepartment!: string;

  @Property({ type: 'uuid' })
  centerId!: string;

  @Property({ type: 'text' })
  sourceContactSource!: string;

  @Property({ type: 'text' })
  sourceContactExternalId!: string;

  @Property({ type: 'timestamptz' })
  openedAt: Date = new Date();

  @Property({ type: 'timestamptz', nullable: true })
  resolvedAt: Date | null = null;

  @Property({ type: 'timestamptz', nullable: true })
  closedAt: Date | null = null;

  @Property({ type: 'int' })
  reopenCount = 0;

  /** Changes of the owning department (A → B → A is 2). */
  @Property({ type: 'int' })
  handoffCount = 0;

  /** The token subject of whoever opened it. */
  @Property({ type: 'text' })
  createdBy!: string;

  @Property({ type: 'int' })
  version = 1;
}

/** A traffic contact (by its natural key) linked to a case: a contact is in at most one case. */
@Entity({ tableName: 'case_contact' })
@Index({ name: 'case_contact_case_idx', properties: ['caseId', 'arrivedAt'] })
export class CaseContact {
  [OptionalProps]?: 'linkedAt';

  @PrimaryKey({ type: 'text' })
  source!: string;

  @PrimaryKey({ type: 'text' })
  externalId!: string;

  @Property({ type: 'uuid' })
  caseId!: string;

  @Property({ type: 'text' })
  channel!: string;

  @Property({ type: 'text' })
  direction!: string;

  @Property({ type: 'timestamptz' })
  arrivedAt!: Date;

  @Property({ type: 'text', nullable: true })
  agentNo!: string | null;

  @Property({ type: 'text', nullable: true })
  queueCode!: string | null;

  @Property({ type: 'timestamptz' })
  linkedAt: Date = new Date();
}

/** The case's history, append-only (a trigger refuses UPDATE, DELETE and TRUNCATE). */
@Entity({ tableName: 'case_event' })
@Index({ name: 'case_event_case_idx', properties: ['caseId', 'seq'] })
export class CaseEvent {
  [OptionalProps]?: 'id' | 'at';

  @PrimaryKey({ type: 'bigint', autoincrement: true })
  id!: string;

  @Property({ type: 'uuid' })
  caseId!: string;

  /** 1, 2, … per case: the case's version after this event. */
  @Property({ type: 'int' })
  seq!: number;

  @Property({ type: 'timestamptz' })
  at: Date = new Date();

  @Property({ type: 'text' })
  actor!: string;

  @Enum({ items: () => CASE_EVENT_KINDS, nativeEnumName: 'case_event_kind' })
  kind!: CaseEventKind;

  @Property({ type: 'jsonb' })
  payload!: Record<string, unknown>;
}

/** The case category taxonomy, versioned: a case keeps the version it was categorised with. */
@Entity({ tableName: 'case_category' })
export class CaseCategory {
  @PrimaryKey({ type: 'int' })
  version!: number;

  @PrimaryKey({ type: 'text' })
  code!: string;

  @Property({ type: 'text' })
  name!: string;

  @Property({ type: 'text', nullable: true })
  parentCode!: string | null;

  @Property({ type: 'boolean' })
  current!: boolean;
}
