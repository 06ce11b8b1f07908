import { Entity, Index, OptionalProps, PrimaryKey, Property } from '@mikro-orm/core';

/**
 * One read of a customer's verbatim (PII, issue 19): who, with which roles, which response, in which
 * operation and request. Written before the verbatim leaves the subgraph, one insert per request.
 */
@Entity({ tableName: 'voc_verbatim_access' })
@Index({ name: 'voc_verbatim_access_response_idx', properties: ['responseId'] })
export class VerbatimAccess {
  [OptionalProps]?: 'id' | 'accessedAt';

  @PrimaryKey({ type: 'bigint', autoincrement: true })
  id!: string;

  @Property({ type: 'timestamptz', defaultRaw: 'now()' })
  accessedAt!: Date;

  @Property({ type: 'text' })
  subject!: string;

  @Property({ type: 'text[]' })
  roles!: string[];

  @Property({ type: 'uuid' })
  responseId!: string;

  @Property({ type: 'text' })
  operation!: string;

  @Property({ type: 'text' })
  requestId!: string;
}
