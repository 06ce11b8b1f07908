import { Entity, PrimaryKey, Property } from '@mikro-orm/core';

/**
 * How far the contacts are rolled up: every contact with an id up to `lastContactId` is counted in
 * interval_stat and queue_interval_stat, none above it. One row (id 1). A roll-up adds the committed
 * contacts above it and moves it in the same transaction, holding the row (FOR UPDATE) meanwhile.
 */
@Entity({ tableName: 'rollup_watermark' })
export class RollupWatermark {
  @PrimaryKey({ type: 'int', autoincrement: false })
  id!: number;

  @Property({ type: 'bigint' })
  lastContactId!: string;
}
