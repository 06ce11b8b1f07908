import { Migration } from '@mikro-orm/migrations';

/** A customer's contacts newest first, for care's timeline (keyset on arrived_at, source, external_id). */
export class Migration20261207040000_contact_customer_time extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create index "contact_customer_time_idx" on "contact" ("customer_key", "arrived_at" desc, "source" collate "C" desc, "external_id" collate "C" desc) where customer_key is not null;`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`drop index if exists "contact_customer_time_idx";`);
  }
}
