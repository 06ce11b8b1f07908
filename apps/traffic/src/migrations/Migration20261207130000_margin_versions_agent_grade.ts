import { Migration } from '@mikro-orm/migrations';

// Issue 20: dated margin versions of a product (a sale priced at the margin in force on its day), and
// the agents' role and career level copied from staff (role and level standard cost rates).

export class Migration20261207130000_margin_versions_agent_grade extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table "product_margin" ("product_code" text not null references "product" ("code") on delete restrict,
      "valid_from" date not null, "valid_to" date null, "margin_rate" numeric(7,6) not null,
      constraint "product_margin_pkey" primary key ("product_code", "valid_from"),
      constraint product_margin_rate_range check (margin_rate >= 0 and margin_rate <= 1),
      constraint product_margin_validity check (valid_to is null or valid_to > valid_from));`);
    this.addSql(`create table "agent_grade" ("employee_no" text not null, "role" text not null,
      "career_level" smallint not null, constraint "agent_grade_pkey" primary key ("employee_no"));`);
    // a role or level rate is found by its scope: at most one per scope, channel and first day
    this.addSql(`alter table "cost_rate" drop constraint "cost_rate_scope";`);
    this.addSql(`create unique index "cost_rate_scope" on "cost_rate"
      (coalesce(center_id, '00000000-0000-0000-0000-000000000000'::uuid), coalesce(role, ''), coalesce(level, ''), channel, valid_from);`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop index "cost_rate_scope";`);
    this.addSql(`alter table "cost_rate" add constraint "cost_rate_scope" unique ("center_id", "role", "level", "channel", "valid_from");`);
    this.addSql(`drop table "agent_grade";`);
    this.addSql(`drop table "product_margin";`);
  }
}
