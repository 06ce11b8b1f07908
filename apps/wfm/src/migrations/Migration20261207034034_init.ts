import { Migration } from '@mikro-orm/migrations';

export class Migration20261207034034_init extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "wfm_special_day" ("id" uuid not null, "center_id" uuid not null, "title" text not null, "created_by" text not null, "created_at" timestamptz not null, "version" int not null default 1, constraint "wfm_special_day_pkey" primary key ("id"), constraint wfm_special_day_title_length check (char_length(title) between 1 and 200));`,
    );
    this.addSql(`create index "wfm_special_day_center_idx" on "wfm_special_day" ("center_id", "created_at" desc, "id");`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "wfm_special_day" cascade;`);
  }
}
