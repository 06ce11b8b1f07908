import { Entity, Index, OptionalProps, PrimaryKey, Property } from '@mikro-orm/core';

/**
 * One read of one PII field of one agent: who, which field, which agent, when, in which operation
 * and request. Never the value. Append-only: a trigger refuses UPDATE and DELETE.
 */
@Entity({ tableName: 'pii_access' })
@Index({ name: 'pii_access_agent_time', properties: ['employeeNo', 'accessedAt'] })
@Index({ name: 'pii_access_subject_time', properties: ['subject', 'accessedAt'] })
export class PiiAccess {
  [OptionalProps]?: 'id' | 'accessedAt';

  @PrimaryKey({ type: 'bigint', autoincrement: true })
  id!: string;

  @Property({ type: 'timestamptz', defaultRaw: 'now()', index: true })
  accessedAt!: Date;

  @Property({ type: 'text' })
  subject!: string;

  @Property({ type: 'text[]' })
  roles!: string[];

  @Property({ type: 'text' })
  field!: string;

  @Property({ type: 'uuid' })
  agentId!: string;

  @Property({ type: 'text' })
  employeeNo!: string;

  @Property({ type: 'text' })
  operation!: string;

  @Property({ type: 'text' })
  requestId!: string;
}
