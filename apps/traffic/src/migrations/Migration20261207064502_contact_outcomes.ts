import { Migration } from '@mikro-orm/migrations';

/** Dispositions, products, standard cost rates, contact outcomes, and the outcome measures of both rollups (issue 20). */
export class Migration20261207064502_contact_outcomes extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create type "outcome_class" as enum ('INFO_ONLY', 'RESOLVED', 'UNRESOLVED', 'OFFER_MADE_DECLINED', 'SALE', 'CROSS_SELL', 'UP_SELL', 'INSTALLMENT', 'RETENTION_SAVE', 'RETENTION_LOST', 'CANCELLATION_PROCESSED', 'PROMISE_TO_PAY', 'PAYMENT_TAKEN', 'COMPLAINT_LOGGED', 'CALLBACK_PROMISED');`);
    this.addSql(`create type "product_family" as enum ('CARD', 'INSTALLMENT', 'LOAN', 'DEPOSIT', 'INSURANCE', 'WEALTH', 'OTHER');`);
    this.addSql(`create table "contact_outcome" ("source" text not null, "external_id" text not null, "seq" smallint not null, "code" text not null, "code_version" int not null, "product_code" text null, "amount" numeric(14,2) null, "currency" char(3) not null default 'CNY', "offer_made" boolean not null default false, "eligible" boolean not null default false, "recorded_by" text null, "recorded_at" timestamptz not null, constraint "contact_outcome_pkey" primary key ("source", "external_id", "seq"), constraint contact_outcome_seq_positive check (seq >= 1), constraint contact_outcome_amount_not_negative check (amount is null or amount >= 0));`);

    this.addSql(`create table "cost_rate" ("id" uuid not null, "center_id" uuid null, "role" text null, "level" text null, "channel" "channel" not null, "per_hour" numeric(10,2) not null, "currency" char(3) not null default 'CNY', "valid_from" date not null, constraint "cost_rate_pkey" primary key ("id"), constraint cost_rate_has_scope check (center_id is not null or role is not null), constraint cost_rate_per_hour_positive check (per_hour >= 0));`);
    this.addSql(`alter table "cost_rate" add constraint "cost_rate_scope" unique ("center_id", "role", "level", "channel", "valid_from");`);

    this.addSql(`create table "disposition_code" ("code" text not null, "version" int not null, "parent_code" text null, "name_zh" text not null, "name_en" text not null, "outcome_class" "outcome_class" not null, "requires_amount" boolean not null default false, "requires_product" boolean not null default false, "valid_from" date not null, "valid_to" date null, constraint "disposition_code_pkey" primary key ("code", "version"), constraint disposition_code_version_positive check (version >= 1), constraint disposition_code_validity check (valid_to is null or valid_to > valid_from));`);

    this.addSql(`create table "product" ("code" text not null, "name_zh" text not null, "name_en" text not null, "family" "product_family" not null, "margin_rate" numeric(7,6) not null, constraint "product_pkey" primary key ("code"), constraint product_margin_rate_range check (margin_rate >= 0 and margin_rate <= 1));`);

    this.addSql(`create table "queue_disposition" ("queue_id" uuid not null, "code" text not null, "required" boolean not null default true, constraint "queue_disposition_pkey" primary key ("queue_id", "code"));`);

    this.addSql(`alter table "interval_stat" add column "eligible" int not null default 0, add column "offers" int not null default 0, add column "sales" int not null default 0, add column "sale_outcomes" int not null default 0, add column "saves" int not null default 0, add column "lost" int not null default 0, add column "cancellations" int not null default 0, add column "requiring_code" int not null default 0, add column "coded" int not null default 0, add column "sales_amount" numeric(18,2) not null default 0, add column "revenue" numeric(20,6) not null default 0;`);

    this.addSql(`alter table "queue_interval_stat" add column "eligible" int not null default 0, add column "offers" int not null default 0, add column "sales" int not null default 0, add column "sale_outcomes" int not null default 0, add column "saves" int not null default 0, add column "lost" int not null default 0, add column "cancellations" int not null default 0, add column "requiring_code" int not null default 0, add column "coded" int not null default 0, add column "sales_amount" numeric(18,2) not null default 0, add column "revenue" numeric(20,6) not null default 0;`);

  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "contact_outcome" cascade;`);

    this.addSql(`drop table if exists "cost_rate" cascade;`);

    this.addSql(`drop table if exists "disposition_code" cascade;`);

    this.addSql(`drop table if exists "product" cascade;`);

    this.addSql(`drop table if exists "queue_disposition" cascade;`);

    this.addSql(`alter table "interval_stat" drop column "eligible", drop column "offers", drop column "sales", drop column "sale_outcomes", drop column "saves", drop column "lost", drop column "cancellations", drop column "requiring_code", drop column "coded", drop column "sales_amount", drop column "revenue";`);

    this.addSql(`alter table "queue_interval_stat" drop column "eligible", drop column "offers", drop column "sales", drop column "sale_outcomes", drop column "saves", drop column "lost", drop column "cancellations", drop column "requiring_code", drop column "coded", drop column "sales_amount", drop column "revenue";`);

    this.addSql(`drop type "outcome_class";`);
    this.addSql(`drop type "product_family";`);
  }

}
