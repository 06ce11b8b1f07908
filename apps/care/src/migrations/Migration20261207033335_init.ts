import { Migration } from '@mikro-orm/migrations';

/** Customers (PII encrypted, merges, PII reads logged), cases as projections of their events, the taxonomy. */
export class Migration20261207033335_init extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create type "customer_segment" as enum ('STANDARD', 'VIP', 'SENSITIVE', 'VULNERABLE');`);
    this.addSql(`create type "case_type" as enum ('INQUIRY', 'REQUEST', 'COMPLAINT', 'SUGGESTION', 'PRAISE');`);
    this.addSql(
      `create type "case_status" as enum ('NEW', 'OPEN', 'PENDING_CUSTOMER', 'PENDING_INTERNAL', 'RESOLVED', 'CLOSED', 'REOPENED');`,
    );
    this.addSql(
      `create type "case_event_kind" as enum ('CREATED', 'STATUS', 'OWNER', 'DEPARTMENT', 'NOTE', 'LINK_CONTACT', 'COMMITMENT', 'ESCALATION', 'SLA', 'SURVEY', 'MERGE');`,
    );

    this.addSql(
      `create table "customer" ("id" uuid not null, "customer_key" text not null, "segment" "customer_segment" not null default 'STANDARD', "name_enc" bytea null, "phone_enc" bytea null, "created_at" timestamptz not null, constraint "customer_pkey" primary key ("id"), constraint customer_key_not_blank check (char_length(btrim(customer_key)) between 1 and 200));`,
    );
    this.addSql(`alter table "customer" add constraint "customer_key_unique" unique ("customer_key");`);
    this.addSql(
      `create table "customer_merge" ("from_key" text not null, "into_key" text not null, "merged_by" text not null, "merged_at" timestamptz not null, constraint "customer_merge_pkey" primary key ("from_key"), constraint customer_merge_not_self check (from_key <> into_key));`,
    );
    this.addSql(`create index "customer_merge_into_idx" on "customer_merge" ("into_key");`);
    this.addSql(
      `create table "customer_pii_access" ("id" bigserial primary key, "accessed_at" timestamptz not null default now(), "subject" text not null, "roles" text[] not null, "field" text not null, "customer_key" text not null, "operation" text not null, "request_id" text not null);`,
    );
    this.addSql(`create index "customer_pii_access_customer_idx" on "customer_pii_access" ("customer_key", "accessed_at");`);
    this.addSql(`create index "customer_pii_access_subject_idx" on "customer_pii_access" ("subject", "accessed_at");`);

    this.addSql(
      `create table "case_category" ("version" int not null, "code" text not null, "name" text not null, "parent_code" text null, "current" boolean not null, constraint "case_category_pkey" primary key ("version", "code"));`,
    );
    this.addSql(`create sequence "care_case_no_seq";`);
    this.addSql(
      `create table "care_case" ("id" uuid not null, "case_no" text not null, "customer_key" text not null, "type" "case_type" not null, "taxonomy_version" int not null, "category_code" text not null, "title" text not null, "status" "case_status" not null, "priority" smallint not null, "owner_agent_no" text null, "owner_team_id" uuid null, "owner_department" text not null, "center_id" uuid not null, "source_contact_source" text not null, "source_contact_external_id" text not null, "opened_at" timestamptz not null, "resolved_at" timestamptz null, "closed_at" timestamptz null, "reopen_count" int not null default 0, "handoff_count" int not null default 0, "created_by" text not null, "version" int not null default 1, constraint "care_case_pkey" primary key ("id"), constraint care_case_title_length check (char_length(title) between 1 and 200), constraint care_case_priority check (priority between 1 and 4), constraint care_case_counts check (reopen_count >= 0 and handoff_count >= 0), constraint care_case_category_fk foreign key ("taxonomy_version", "category_code") references "case_category" ("version", "code"));`,
    );
    this.addSql(`alter table "care_case" add constraint "care_case_no_unique" unique ("case_no");`);
    this.addSql(`create index "care_case_center_idx" on "care_case" ("center_id", "opened_at" desc, "id");`);
    this.addSql(`create index "care_case_customer_idx" on "care_case" ("customer_key", "opened_at" desc, "id");`);
    this.addSql(`create index "care_case_owner_idx" on "care_case" ("owner_agent_no", "opened_at");`);
    this.addSql(
      `create table "case_contact" ("source" text not null, "external_id" text not null, "case_id" uuid not null references "care_case" ("id"), "channel" text not null, "direction" text not null, "arrived_at" timestamptz not null, "agent_no" text null, "queue_code" text null, "linked_at" timestamptz not null, constraint "case_contact_pkey" primary key ("source", "external_id"));`,
    );
    this.addSql(`create index "case_contact_case_idx" on "case_contact" ("case_id", "arrived_at");`);
    this.addSql(`create index "case_contact_agent_idx" on "case_contact" ("agent_no");`);
    this.addSql(
      `create table "case_event" ("id" bigserial primary key, "case_id" uuid not null references "care_case" ("id"), "seq" int not null, "at" timestamptz not null, "actor" text not null, "kind" "case_event_kind" not null, "payload" jsonb not null, constraint case_event_seq_unique unique ("case_id", "seq"));`,
    );
    this.addSql(`create index "case_event_case_idx" on "case_event" ("case_id", "seq");`);
    this.addSql(`create index "case_event_at_idx" on "case_event" ("at" desc, "case_id", "seq");`);

    // Append-only: history and the PII audit trail cannot be edited or pruned (a trigger here, and the
    // service's role is granted only SELECT and INSERT on them: appendOnlyTables).
    this.addSql(
      `create function care_append_only() returns trigger language plpgsql as $$ begin raise exception '% is append-only', tg_table_name; end $$;`,
    );
    for (const table of ['case_event', 'customer_pii_access', 'customer_merge'])
      this.addSql(
        `create trigger ${table}_append_only before update or delete or truncate on "${table}" for each statement execute function care_append_only();`,
      );

    // The default taxonomy, version 1 (a new version adds rows and moves `current`; cases keep theirs).
    const categories: [string, string, string | null][] = [
      ['CARD', 'Cards', null],
      ['CARD.DELIVERY', 'Card delivery', 'CARD'],
      ['CARD.ACTIVATION', 'Card activation', 'CARD'],
      ['CARD.LIMIT', 'Credit limit', 'CARD'],
      ['CARD.FRAUD', 'Fraud and disputed transactions', 'CARD'],
      ['ACCOUNT', 'Accounts', null],
      ['ACCOUNT.STATEMENT', 'Statements and fees', 'ACCOUNT'],
      ['ACCOUNT.FROZEN', 'Frozen or blocked account', 'ACCOUNT'],
      ['LOAN', 'Loans and mortgages', null],
      ['LOAN.REPAYMENT', 'Repayments', 'LOAN'],
      ['PAYMENT', 'Payments and transfers', null],
      ['DIGITAL', 'App and online banking', null],
      ['SERVICE', 'Service quality', null],
      ['OTHER', 'Other', null],
    ];
    this.addSql(
      `insert into "case_category" ("version", "code", "name", "parent_code", "current") values ${categories
        .map(([code, name, parent]) => `(1, '${code}', '${name}', ${parent ? `'${parent}'` : 'null'}, true)`)
        .join(', ')};`,
    );
  }

  override async down(): Promise<void> {
    for (const table of ['case_event', 'case_contact', 'care_case', 'case_category', 'customer_pii_access', 'customer_merge', 'customer'])
      this.addSql(`drop table if exists "${table}" cascade;`);
    this.addSql(`drop sequence if exists "care_case_no_seq";`);
    this.addSql(`drop function if exists care_append_only();`);
    for (const type of ['case_event_kind', 'case_status', 'case_type', 'customer_segment'])
      this.addSql(`drop type if exists "${type}";`);
  }
}
