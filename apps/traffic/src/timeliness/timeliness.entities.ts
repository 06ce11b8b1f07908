import { Entity, Index, PrimaryKey, Property, Unique } from '@mikro-orm/core';

/*
 * Data timeliness (METRICS.md, "Data timeliness and availability"): each source's cadence and
 * warn/error ages, every batch a source delivered, and system incidents. Read and written with SQL
 * (timeliness.service.ts); the entities give the schema diff the tables.
 */

/** A source's expected cadence and ages, for every center (`center_key` '') or one center (its id). */
@Entity({ tableName: 'data_source' })
export class DataSourceEntity {
  @PrimaryKey({ type: 'text' })
  kind!: string;

  /** '' for the default of every center, else the center's id. */
  @PrimaryKey({ type: 'text' })
  centerKey!: string;

  @Property({ type: 'int' })
  cadenceMinutes!: number;

  @Property({ type: 'int' })
  warnAfterMinutes!: number;

  @Property({ type: 'int' })
  errorAfterMinutes!: number;

  @Property({ type: 'timestamptz', defaultRaw: 'now()' })
  updatedAt!: Date;
}

/** One delivery of a source: an import, a piece of live events, or a batch another subgraph reports. */
@Entity({ tableName: 'ingest_batch' })
@Unique({ name: 'ingest_batch_key', properties: ['kind', 'batchKey'] })
@Index({ name: 'ingest_batch_kind_received_idx', properties: ['kind', 'receivedAt'] })
export class IngestBatchEntity {
  @PrimaryKey({ type: 'bigint', autoincrement: true })
  id!: string;

  @Property({ type: 'text' })
  kind!: string;

  /** The system it came from (the import's `source`, e.g. pbx), or the subgraph that reported it. */
  @Property({ type: 'text' })
  source!: string;

  /** Null: the batch is of every center (a file of contacts of many queues). */
  @Property({ type: 'uuid', nullable: true })
  centerId!: string | null;

  /** A reporter's natural key: a batch reported twice is stored once. */
  @Property({ type: 'text', nullable: true })
  batchKey!: string | null;

  @Property({ type: 'int' })
  rowsRead!: number;

  @Property({ type: 'int' })
  rowsInserted!: number;

  @Property({ type: 'int' })
  rowsRejected!: number;

  @Property({ type: 'timestamptz', nullable: true })
  latestEventAt!: Date | null;

  @Property({ type: 'timestamptz' })
  receivedAt!: Date;

  /**
   * Who recorded it: the calling service (`staff` of a `service:staff` token) for a batch another
   * subgraph reported, the caller's subject for one recorded by hand, null for traffic's own imports.
   */
  @Property({ type: 'text', nullable: true })
  origin!: string | null;
}

/** A system down or degraded for some channels (for some center, or all) between two times. */
@Entity({ tableName: 'system_incident' })
@Index({ name: 'system_incident_started_idx', properties: ['startedAt'] })
export class SystemIncidentEntity {
  @PrimaryKey({ type: 'uuid' })
  id!: string;

  @Property({ type: 'text' })
  system!: string;

  @Property({ type: 'text[]' })
  channels!: string[];

  @Property({ type: 'uuid', nullable: true })
  centerId!: string | null;

  @Property({ type: 'timestamptz' })
  startedAt!: Date;

  @Property({ type: 'timestamptz', nullable: true })
  endedAt!: Date | null;

  @Property({ type: 'text' })
  severity!: string;

  @Property({ type: 'text', nullable: true })
  cause!: string | null;
}
