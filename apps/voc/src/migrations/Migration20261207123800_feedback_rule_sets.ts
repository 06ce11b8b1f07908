import { Migration } from '@mikro-orm/migrations';

/**
 * Versioned feedback categorization rules (issue 19 part 3): stored versions from 2 on (version 1 is
 * the shipped set), drafts until published; feedback still filed by an older version is found by
 * its rules_version.
 */
export class Migration20261207123800_feedback_rule_sets extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "voc_feedback_rule_set" ("version" int not null, "categories" jsonb not null, "note" text null, "created_by" text not null, "created_at" timestamptz not null, "published_at" timestamptz null, "published_by" text null, constraint "voc_feedback_rule_set_pkey" primary key ("version"), constraint voc_feedback_rule_set_version check (version > 1));`,
    );
    this.addSql(`create index "voc_feedback_rules_version_idx" on "voc_feedback" ("rules_version");`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop index if exists "voc_feedback_rules_version_idx";`);
    this.addSql(`drop table if exists "voc_feedback_rule_set" cascade;`);
  }
}
