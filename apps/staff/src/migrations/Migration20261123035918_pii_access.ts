import { Migration } from '@mikro-orm/migrations';

export class Migration20261123035918_pii_access extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "pii_access" ("id" bigserial primary key, "accessed_at" timestamptz not null default now(), "subject" text not null, "roles" text[] not null, "field" text not null, "agent_id" uuid not null, "employee_no" text not null, "operation" text not null, "request_id" text not null);`);
    this.addSql(`create index "pii_access_accessed_at_index" on "pii_access" ("accessed_at");`);
    this.addSql(`create index "pii_access_subject_time" on "pii_access" ("subject", "accessed_at");`);
    this.addSql(`create index "pii_access_agent_time" on "pii_access" ("employee_no", "accessed_at");`);

    // Append-only: the audit trail cannot be edited or pruned through the application's connection.
    this.addSql(`create function pii_access_append_only() returns trigger language plpgsql as $$ begin raise exception 'pii_access is append-only'; end $$;`);
    this.addSql(`create trigger pii_access_append_only before update or delete or truncate on "pii_access" for each statement execute function pii_access_append_only();`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "pii_access" cascade;`);
    this.addSql(`drop function if exists pii_access_append_only();`);
  }

}
