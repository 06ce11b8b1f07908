import { Check, Entity, PrimaryKey, Property } from '@mikro-orm/core';

/**
 * A contact's natural key `(source, external_id)` and where its row is: the unique key a partitioned
 * `contact` cannot hold without its month (docs/DESIGN.md). Claimed by the writer before the row is
 * stored; deleted with the row's month by the retention.
 */
@Entity({ tableName: 'contact_key' })
export class ContactKeyRow {
  @PrimaryKey({ type: 'text' })
  source!: string;

  @PrimaryKey({ type: 'text' })
  externalId!: string;

  @Property({ type: 'bigint' })
  contactId!: string;

  @Property({ type: 'timestamptz' })
  arrivedAt!: Date;
}

/** The retention horizon: contacts before it were dropped, and are skipped if sent again. */
@Entity({ tableName: 'contact_retention' })
@Check({ name: 'contact_retention_one_row', expression: 'id = 1' })
export class ContactRetention {
  @PrimaryKey({ type: 'smallint', autoincrement: false })
  id: number = 1;

  @Property({ type: 'timestamptz' })
  horizon!: Date;
}
