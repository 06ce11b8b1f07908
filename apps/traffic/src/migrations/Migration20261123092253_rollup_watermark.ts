import { Migration } from '@mikro-orm/migrations';

// Generated; the generator also re-created two unchanged check constraints (it misreads PostgreSQL's
// double-precision literals): those lines were removed. Added: the one-row check, and the row itself
// at the largest contact id (until now every contact was rolled up in the transaction that stored it).

export class Migration20261123092253_rollup_watermark extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "rollup_watermark" ("id" int not null, "last_contact_id" bigint not null, constraint "rollup_watermark_pkey" primary key ("id"), constraint rollup_watermark_one_row check (id = 1));`);

    this.addSql(`insert into "rollup_watermark" (id, last_contact_id) select 1, coalesce(max(id), 0) from "contact";`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "rollup_watermark" cascade;`);
  }

}
