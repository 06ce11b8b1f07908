import { Migration } from '@mikro-orm/migrations';

/** Each commitment's escalation fire times, computed once when made (the sweeper reads them). */
export class Migration20261207041000_fire_times extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "care_commitment" add column "escalation_fire_times" jsonb null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "care_commitment" drop column "escalation_fire_times";`);
  }
}
