import { Migration } from '@mikro-orm/migrations';

/**
 * Repeat contact per feedback (issue 19: the VOC view's repeat-contact rate per category): whether the
 * customer came back within the window, asked of traffic once the window has closed; a partial index
 * finds the feedback still to settle.
 */
export class Migration20261207094241_feedback_repeat_contact extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `alter table "voc_feedback" add column "repeat_contact" boolean null, add column "repeat_checked_at" timestamptz null;`,
    );
    this.addSql(
      `create index "voc_feedback_repeat_unsettled_idx" on "voc_feedback" ("occurred_at") where repeat_checked_at is null;`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`drop index "voc_feedback_repeat_unsettled_idx";`);
    this.addSql(`alter table "voc_feedback" drop column "repeat_contact", drop column "repeat_checked_at";`);
  }
}
