import { Migration } from '@mikro-orm/migrations';

/** How far the contact matcher has read traffic's contacts (one row per feed). */
export class Migration20261207042000_match_watermark extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "care_match_watermark" ("name" text not null, "seen_until" timestamptz not null, "updated_at" timestamptz null, constraint "care_match_watermark_pkey" primary key ("name"));`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "care_match_watermark";`);
  }
}
