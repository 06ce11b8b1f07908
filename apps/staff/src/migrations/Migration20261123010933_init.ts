import { Migration } from '@mikro-orm/migrations';

export class Migration20261123010933_init extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create type "center_kind" as enum ('PERMANENT', 'TEMPORARY');`);
    this.addSql(
      `create type "agent_role" as enum ('AGENT', 'SENIOR_AGENT', 'TEAM_LEAD', 'QA_EVALUATOR', 'TRAINER', 'WORKFORCE_PLANNER', 'CENTER_MANAGER');`,
    );
    this.addSql(`create type "agent_status" as enum ('ACTIVE', 'ON_LEAVE', 'TERMINATED');`);
    this.addSql(
      `create table "center" ("id" uuid not null, "code" text not null, "name" text not null, "time_zone" text not null, "kind" "center_kind" not null default 'PERMANENT', "active_from" date null, "active_to" date null, "created_at" timestamptz not null, "updated_at" timestamptz not null, constraint "center_pkey" primary key ("id"));`,
    );
    this.addSql(`alter table "center" add constraint "center_code_unique" unique ("code");`);

    this.addSql(
      `create table "skill" ("id" uuid not null, "code" text not null, "name" text not null, "description" text null, constraint "skill_pkey" primary key ("id"));`,
    );
    this.addSql(`alter table "skill" add constraint "skill_code_unique" unique ("code");`);

    this.addSql(
      `create table "team" ("id" uuid not null, "code" text not null, "name" text not null, "center_id" uuid not null, "lead_agent_id" uuid null, "created_at" timestamptz not null, "updated_at" timestamptz not null, constraint "team_pkey" primary key ("id"));`,
    );
    this.addSql(`alter table "team" add constraint "team_code_unique" unique ("code");`);
    this.addSql(`create index "team_lead_agent_id_index" on "team" ("lead_agent_id");`);

    this.addSql(
      `create table "agent" ("id" uuid not null, "employee_no" text not null, "display_name" text not null, "team_id" uuid null, "role" "agent_role" not null default 'AGENT', "career_level" smallint not null default 1, "status" "agent_status" not null default 'ACTIVE', "hire_date" date not null, "termination_date" date null, "email" text null, "phone" text null, "national_id" text null, "created_at" timestamptz not null, "updated_at" timestamptz not null, constraint "agent_pkey" primary key ("id"), constraint agent_termination_after_hire check (termination_date is null or termination_date >= hire_date), constraint agent_career_level_range check (career_level between 1 and 10));`,
    );
    this.addSql(`alter table "agent" add constraint "agent_employee_no_unique" unique ("employee_no");`);
    this.addSql(`create index "agent_team_id_index" on "agent" ("team_id");`);
    this.addSql(`create index "agent_status_index" on "agent" ("status");`);

    this.addSql(
      `create table "agent_skill" ("agent_id" uuid not null, "skill_id" uuid not null, "proficiency" smallint not null, constraint "agent_skill_pkey" primary key ("agent_id", "skill_id"), constraint agent_skill_proficiency_range check (proficiency between 1 and 5));`,
    );
    this.addSql(`create index "agent_skill_skill_id_index" on "agent_skill" ("skill_id");`);

    this.addSql(
      `create table "team_membership" ("id" uuid not null, "agent_id" uuid not null, "team_id" uuid not null, "valid_from" date not null, "valid_to" date null, constraint "team_membership_pkey" primary key ("id"), constraint team_membership_valid_range check (valid_to is null or valid_to > valid_from));`,
    );
    this.addSql(`create index "team_membership_agent_id_index" on "team_membership" ("agent_id");`);
    this.addSql(
      `create index "team_membership_team_period_idx" on "team_membership" ("team_id", "valid_from");`,
    );
    this.addSql(
      `create unique index "team_membership_one_open_per_agent" on "team_membership" ("agent_id") where "valid_to" is null;`,
    );

    this.addSql(
      `alter table "team" add constraint "team_center_id_foreign" foreign key ("center_id") references "center" ("id") on update cascade on delete restrict;`,
    );

    this.addSql(
      `alter table "agent" add constraint "agent_team_id_foreign" foreign key ("team_id") references "team" ("id") on update cascade on delete restrict;`,
    );

    this.addSql(
      `alter table "agent_skill" add constraint "agent_skill_agent_id_foreign" foreign key ("agent_id") references "agent" ("id") on update cascade on delete cascade;`,
    );
    this.addSql(
      `alter table "agent_skill" add constraint "agent_skill_skill_id_foreign" foreign key ("skill_id") references "skill" ("id") on update cascade on delete restrict;`,
    );

    this.addSql(
      `alter table "team_membership" add constraint "team_membership_agent_id_foreign" foreign key ("agent_id") references "agent" ("id") on update cascade on delete cascade;`,
    );
    this.addSql(
      `alter table "team_membership" add constraint "team_membership_team_id_foreign" foreign key ("team_id") references "team" ("id") on update cascade on delete restrict;`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "team" drop constraint "team_center_id_foreign";`);

    this.addSql(`alter table "agent_skill" drop constraint "agent_skill_skill_id_foreign";`);

    this.addSql(`alter table "agent" drop constraint "agent_team_id_foreign";`);

    this.addSql(`alter table "team_membership" drop constraint "team_membership_team_id_foreign";`);

    this.addSql(`alter table "agent_skill" drop constraint "agent_skill_agent_id_foreign";`);

    this.addSql(`alter table "team_membership" drop constraint "team_membership_agent_id_foreign";`);

    this.addSql(`drop table if exists "center" cascade;`);

    this.addSql(`drop table if exists "skill" cascade;`);

    this.addSql(`drop table if exists "team" cascade;`);

    this.addSql(`drop table if exists "agent" cascade;`);

    this.addSql(`drop table if exists "agent_skill" cascade;`);

    this.addSql(`drop table if exists "team_membership" cascade;`);

    this.addSql(`drop type "center_kind";`);
    this.addSql(`drop type "agent_role";`);
    this.addSql(`drop type "agent_status";`);
  }
}
