import { Migration } from '@mikro-orm/migrations';

export class Migration20261207040449_init extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create type "voc_survey_kind" as enum ('CSAT', 'NPS', 'CES');`);
    this.addSql(
      `create table "voc_survey_form" ("id" uuid not null, "center_id" uuid not null, "code" text not null, "revision" int not null, "kind" "voc_survey_kind" not null, "title" text not null, "top_box_min" int null, "created_by" text not null, "created_at" timestamptz not null, "version" int not null default 1, constraint "voc_survey_form_pkey" primary key ("id"), constraint voc_survey_form_title_length check (char_length(title) between 1 and 200), constraint voc_survey_form_code_format check (code ~ '^[A-Z0-9][A-Z0-9_-]{0,39}$'), constraint voc_survey_form_revision_positive check (revision >= 1), constraint voc_survey_form_top_box check ((kind = 'CSAT' and top_box_min between 1 and 5) or (kind <> 'CSAT' and top_box_min is null)));`,
    );
    this.addSql(
      `alter table "voc_survey_form" add constraint "voc_survey_form_revision_unique" unique ("center_id", "code", "revision");`,
    );
    this.addSql(`create index "voc_survey_form_center_idx" on "voc_survey_form" ("center_id", "created_at" desc, "id");`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "voc_survey_form" cascade;`);
    this.addSql(`drop type "voc_survey_kind";`);
  }
}
