import { Migration } from '@mikro-orm/migrations';

// Issue 23: an agent's (or a team's) 15-minute rows of a period by index, not by reading every
// agent's rows of the period (an agent page's trend read the whole rollup of its range).

export class Migration20261207093732_interval_stat_agent extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create index "interval_stat_agent_idx" on "interval_stat" ("agent_key", "interval_start");`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop index "interval_stat_agent_idx";`);
  }
}
