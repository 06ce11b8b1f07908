import { Migration } from '@mikro-orm/migrations';

/**
 * Issue 20 (cost of the outcome fields): the partial covering indexes of the rollups' rows with
 * outcomes also hold the disposition-compliance counts (requiring_code, coded), and the rows where
 * they are not 0. A stats query sums them apart from those rows too (model/measures.ts
 * SPARSE_OUTCOME_MEASURES): where no queue requires a code they were summed over every row for
 * nothing (+10 % of PostgreSQL's CPU on the stats bench's month). Data unchanged: the indexes are
 * rebuilt from the rows already rolled up.
 */
export class Migration20261207221000_rollup_outcome_index_compliance extends Migration {
  override async up(): Promise<void> {
    this.addSql(`drop index "interval_stat_outcomes";`);
    this.addSql(`drop index "queue_interval_stat_outcomes";`);
    this.addSql(`create index "interval_stat_outcomes" on "interval_stat" ("interval_start") include ("queue_key", "agent_key", "channel", "eligible", "offers", "sales", "saves", "lost", "cancellations", "requiring_code", "coded", "sale_outcomes", "sales_amount", "revenue") where (eligible <> 0 or offers <> 0 or sales <> 0 or saves <> 0 or lost <> 0 or cancellations <> 0 or requiring_code <> 0 or coded <> 0 or sale_outcomes <> 0 or sales_amount <> 0 or revenue <> 0);`);
    this.addSql(`create index "queue_interval_stat_outcomes" on "queue_interval_stat" ("interval_start") include ("queue_key", "channel", "eligible", "offers", "sales", "saves", "lost", "cancellations", "requiring_code", "coded", "sale_outcomes", "sales_amount", "revenue") where (eligible <> 0 or offers <> 0 or sales <> 0 or saves <> 0 or lost <> 0 or cancellations <> 0 or requiring_code <> 0 or coded <> 0 or sale_outcomes <> 0 or sales_amount <> 0 or revenue <> 0);`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop index "interval_stat_outcomes";`);
    this.addSql(`drop index "queue_interval_stat_outcomes";`);
    this.addSql(`create index "interval_stat_outcomes" on "interval_stat" ("interval_start") include ("queue_key", "agent_key", "channel", "eligible", "offers", "sales", "saves", "lost", "cancellations", "sale_outcomes", "sales_amount", "revenue") where (eligible <> 0 or offers <> 0 or sales <> 0 or saves <> 0 or lost <> 0 or cancellations <> 0 or sale_outcomes <> 0 or sales_amount <> 0 or revenue <> 0);`);
    this.addSql(`create index "queue_interval_stat_outcomes" on "queue_interval_stat" ("interval_start") include ("queue_key", "channel", "eligible", "offers", "sales", "saves", "lost", "cancellations", "sale_outcomes", "sales_amount", "revenue") where (eligible <> 0 or offers <> 0 or sales <> 0 or saves <> 0 or lost <> 0 or cancellations <> 0 or sale_outcomes <> 0 or sales_amount <> 0 or revenue <> 0);`);
  }
}
