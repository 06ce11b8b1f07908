import { Migration } from '@mikro-orm/migrations';

/**
 * Issue 20: the rows of each rollup that have sales or retention outcomes, as partial covering
 * indexes (the interval, the group keys and model/measures.ts's SPARSE_OUTCOME_MEASURES, where any of
 * them is not 0). A stats query asking for outcome fields sums them from here alone (index-only) rather
 * than alongside the other measures of every row: most rows have none. Data unchanged: PostgreSQL
 * fills the indexes from the rows already rolled up, and keeps them as the roll-up writes.
 */
export class Migration20261207161531_rollup_outcome_index extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create index "interval_stat_outcomes" on "interval_stat" ("interval_start") include ("queue_key", "agent_key", "channel", "eligible", "offers", "sales", "saves", "lost", "cancellations", "sale_outcomes", "sales_amount", "revenue") where (eligible <> 0 or offers <> 0 or sales <> 0 or saves <> 0 or lost <> 0 or cancellations <> 0 or sale_outcomes <> 0 or sales_amount <> 0 or revenue <> 0);`);

    this.addSql(`create index "queue_interval_stat_outcomes" on "queue_interval_stat" ("interval_start") include ("queue_key", "channel", "eligible", "offers", "sales", "saves", "lost", "cancellations", "sale_outcomes", "sales_amount", "revenue") where (eligible <> 0 or offers <> 0 or sales <> 0 or saves <> 0 or lost <> 0 or cancellations <> 0 or sale_outcomes <> 0 or sales_amount <> 0 or revenue <> 0);`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop index "interval_stat_outcomes";`);
    this.addSql(`drop index "queue_interval_stat_outcomes";`);
  }
}
