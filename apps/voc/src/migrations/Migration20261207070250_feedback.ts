import { Migration } from '@mikro-orm/migrations';

export class Migration20261207070250_feedback extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "voc_feedback" ("id" uuid not null, "source" text not null, "source_ref" text not null, "center_id" uuid not null, "agent_employee_no" text null, "team_id" uuid null, "queue_code" text null, "occurred_at" timestamptz not null, "text" text not null, "category" text not null, "categories" jsonb not null, "rules_version" int not null, "sentiment" double precision null, "response_id" uuid null, "created_at" timestamptz not null, constraint "voc_feedback_pkey" primary key ("id"), constraint voc_feedback_sentiment check (sentiment is null or sentiment between -1 and 1), constraint voc_feedback_source check (source in ('SURVEY', 'COMPLAINT', 'SUGGESTION', 'AGENT')), constraint voc_feedback_text_length check (char_length(text) between 1 and 4000));`);
    this.addSql(`create index "voc_feedback_center_idx" on "voc_feedback" ("center_id", "occurred_at");`);
    this.addSql(`alter table "voc_feedback" add constraint "voc_feedback_source_unique" unique ("source", "source_ref");`);

  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "voc_feedback" cascade;`);

  }

}
