import { Migration } from '@mikro-orm/migrations';

export class Migration20261207033335_init extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "care_case" ("id" uuid not null, "center_id" uuid not null, "title" text not null, "created_by" text not null, "created_at" timestamptz not null, "version" int not null default 1, constraint "care_case_pkey" primary key ("id"), constraint care_case_title_length check (char_length(title) between 1 and 200));`,
    );
    this.addSql(`create index "care_case_center_idx" on "care_case" ("center_id", "created_at" desc, "id");`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "care_case" cascade;`);
  }
}
