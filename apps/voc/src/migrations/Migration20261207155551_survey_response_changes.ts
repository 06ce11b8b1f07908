import { Migration } from '@mikro-orm/migrations';

/**
 * A survey response can be corrected (a new score, the first one kept) or withdrawn (kept, counted
 * nowhere), with the reason and who did it; the rollup is moved by the same transaction.
 */
export class Migration20261207155551_survey_response_changes extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `alter table "voc_survey_response" add column "withdrawn_at" timestamptz null, add column "corrected_at" timestamptz null, add column "original_score" int null, add column "change_reason" text null, add column "changed_by" text null;`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(
      `alter table "voc_survey_response" drop column "withdrawn_at", drop column "corrected_at", drop column "original_score", drop column "change_reason", drop column "changed_by";`,
    );
  }
}
