import { Migration } from '@mikro-orm/migrations';

/**
 * `switchboard import cases`: the natural key of an imported case (the CRM and its case id) -> the
 * case, so a rerun of the same export adds nothing.
 */
export class Migration20261207080000_case_import extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "care_case_import" ("crm_source" text not null, "crm_case_id" text not null, "case_id" uuid not null, "imported_at" timestamptz not null, constraint "care_case_import_pkey" primary key ("crm_source", "crm_case_id"));`,
    );
    this.addSql(
      `alter table "care_case_import" add constraint "care_case_import_case_uq" unique ("case_id");`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "care_case_import" cascade;`);
  }
}
