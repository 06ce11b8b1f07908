import { Migration } from '@mikro-orm/migrations';

export class Migration20261207040449_init extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "voc_survey_form" ("id" uuid not null, "center_id" uuid not null, "title" text not null, "created_by" text not null, "created_at" timestamptz not null, "version" int not null default 1, constraint "voc_survey_form_pkey" primary key ("id"), constraint voc_survey_form_title_length check (char_length(title) between 1 and 200));`,
    );
    this.addSql(`create index "voc_survey_form_center_idx" on "voc_survey_form" ("center_id", "created_at" desc, "id");`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "voc_survey_form" cascade;`);
  }
}
