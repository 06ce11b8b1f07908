import { Migration } from '@mikro-orm/migrations';

/** The audit trail of verbatim reads (issue 19: verbatims are PII, every read logged). */
export class Migration20261207130000_verbatim_access extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "voc_verbatim_access" ("id" bigserial primary key, "accessed_at" timestamptz not null default now(), "subject" text not null, "roles" text[] not null, "response_id" uuid not null, "operation" text not null, "request_id" text not null);`,
    );
    this.addSql(`create index "voc_verbatim_access_response_idx" on "voc_verbatim_access" ("response_id");`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "voc_verbatim_access" cascade;`);
  }
}
