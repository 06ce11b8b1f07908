import { Migration } from '@mikro-orm/migrations';

export class Migration20261207072017_improvement_items extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "voc_improvement_evidence" ("id" uuid not null, "item_id" uuid not null, "feedback_id" uuid not null, constraint "voc_improvement_evidence_pkey" primary key ("id"));`);
    this.addSql(`alter table "voc_improvement_evidence" add constraint "voc_improvement_evidence_unique" unique ("item_id", "feedback_id");`);

    this.addSql(`create table "voc_improvement_item" ("id" uuid not null, "center_id" uuid not null, "title" text not null, "owner_department" text not null, "due_date" date not null, "status" text not null default 'OPEN', "closed_at" timestamptz null, "created_by" text not null, "created_at" timestamptz not null, constraint "voc_improvement_item_pkey" primary key ("id"), constraint voc_improvement_item_status check (status in ('OPEN', 'IN_PROGRESS', 'DONE', 'CANCELLED')), constraint voc_improvement_item_department check (char_length(owner_department) between 1 and 100), constraint voc_improvement_item_title check (char_length(title) between 1 and 200));`);
    this.addSql(`create index "voc_improvement_item_center_idx" on "voc_improvement_item" ("center_id", "due_date");`);

  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "voc_improvement_evidence" cascade;`);

    this.addSql(`drop table if exists "voc_improvement_item" cascade;`);

  }

}
