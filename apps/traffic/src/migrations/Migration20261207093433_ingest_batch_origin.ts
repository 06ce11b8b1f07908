import { Migration } from '@mikro-orm/migrations';

/** Who recorded an ingest batch: the calling service (service identities), a person's subject, or null (traffic's own). */
export class Migration20261207093433_ingest_batch_origin extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "ingest_batch" add column "origin" text null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "ingest_batch" drop column "origin";`);
  }
}
