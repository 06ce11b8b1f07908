import { Migration } from '@mikro-orm/migrations';

export class Migration20261123035447_init extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create type "sampling_period" as enum ('WEEK', 'MONTH');`);
    this.addSql(`create type "scorecard_status" as enum ('DRAFT', 'PUBLISHED', 'RETIRED');`);
    this.addSql(`create type "evaluation_status" as enum ('DRAFT', 'SUBMITTED', 'ACKNOWLEDGED', 'DISPUTED', 'RESOLVED');`);
    this.addSql(`create type "dispute_resolution" as enum ('UPHELD', 'RESCORED');`);
    this.addSql(`create table "sampling_plan" ("id" uuid not null, "code" text not null, "name" text not null, "period" "sampling_period" not null, "evaluations_per_agent" int not null, "seed" text not null, "queue_codes" jsonb not null, "channels" jsonb not null, "created_at" timestamptz not null, constraint "sampling_plan_pkey" primary key ("id"), constraint sampling_plan_n_positive check (evaluations_per_agent between 1 and 100));`);
    this.addSql(`alter table "sampling_plan" add constraint "sampling_plan_code_unique" unique ("code");`);

    this.addSql(`create table "sampling_assignment" ("plan_id" uuid not null, "agent_employee_no" text not null, "evaluator_employee_no" text not null, constraint "sampling_assignment_pkey" primary key ("plan_id", "agent_employee_no"));`);
    this.addSql(`create index "sampling_assignment_evaluator_employee_no_index" on "sampling_assignment" ("evaluator_employee_no");`);

    this.addSql(`create table "sampled_contact" ("plan_id" uuid not null, "period_start" date not null, "contact_source" text not null, "contact_external_id" text not null, "agent_employee_no" text not null, "evaluator_employee_no" text not null, "draw" int not null, "arrived_at" timestamptz not null, constraint "sampled_contact_pkey" primary key ("plan_id", "period_start", "contact_source", "contact_external_id"));`);

    this.addSql(`create table "scorecard" ("id" uuid not null, "code" text not null, "version" int not null, "name" text not null, "description" text null, "status" "scorecard_status" not null default 'DRAFT', "sections" jsonb not null, "created_at" timestamptz not null, "published_at" timestamptz null, "retired_at" timestamptz null, constraint "scorecard_pkey" primary key ("id"), constraint scorecard_published_has_date check ((status = 'DRAFT') = (published_at is null)), constraint scorecard_version_positive check (version >= 1));`);
    this.addSql(`create index "scorecard_code_idx" on "scorecard" ("code");`);
    this.addSql(`alter table "scorecard" add constraint "scorecard_code_version" unique ("code", "version");`);
    // Backstop of the versioning rules: at most one draft and one published version per code.
    this.addSql(`create unique index "scorecard_one_draft" on "scorecard" ("code") where status = 'DRAFT';`);
    this.addSql(`create unique index "scorecard_one_published" on "scorecard" ("code") where status = 'PUBLISHED';`);

    this.addSql(`create table "calibration_session" ("id" uuid not null, "scorecard_id" uuid not null, "contact_source" text not null, "contact_external_id" text not null, "agent_employee_no" text not null, "calibrator_employee_no" text not null, "created_at" timestamptz not null, constraint "calibration_session_pkey" primary key ("id"));`);
    this.addSql(`create index "calibration_session_created_at_index" on "calibration_session" ("created_at");`);

    this.addSql(`create table "evaluation" ("id" uuid not null, "scorecard_id" uuid not null, "agent_employee_no" text not null, "evaluator_employee_no" text not null, "contact_source" text not null, "contact_external_id" text not null, "status" "evaluation_status" not null default 'DRAFT', "answers" jsonb not null, "comment" text null, "overall_score" double precision null, "auto_failed" boolean not null default false, "section_scores" jsonb null, "category_scores" jsonb null, "created_at" timestamptz not null, "submitted_at" timestamptz null, "acknowledged_at" timestamptz null, "disputed_at" timestamptz null, "dispute_reason" text null, "resolved_at" timestamptz null, "resolution" "dispute_resolution" null, "resolution_reason" text null, "score_before_resolution" double precision null, "calibration_session_id" uuid null, constraint "evaluation_pkey" primary key ("id"), constraint evaluation_resolved_has_reason check (status <> 'RESOLVED' or resolution_reason is not null), constraint evaluation_submitted_has_date check ((status = 'DRAFT') = (submitted_at is null)), constraint evaluation_score_range check (overall_score is null or overall_score between 0 and 100));`);
    this.addSql(`create index "evaluation_contact_idx" on "evaluation" ("contact_source", "contact_external_id");`);
    this.addSql(`create index "evaluation_evaluator_submitted_idx" on "evaluation" ("evaluator_employee_no", "submitted_at");`);
    this.addSql(`create index "evaluation_agent_submitted_idx" on "evaluation" ("agent_employee_no", "submitted_at");`);
    this.addSql(`alter table "evaluation" add constraint "evaluation_calibration_evaluator" unique ("calibration_session_id", "evaluator_employee_no");`);

    this.addSql(`alter table "sampling_assignment" add constraint "sampling_assignment_plan_id_foreign" foreign key ("plan_id") references "sampling_plan" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "sampled_contact" add constraint "sampled_contact_plan_id_foreign" foreign key ("plan_id") references "sampling_plan" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "calibration_session" add constraint "calibration_session_scorecard_id_foreign" foreign key ("scorecard_id") references "scorecard" ("id") on update cascade;`);

    this.addSql(`alter table "evaluation" add constraint "evaluation_scorecard_id_foreign" foreign key ("scorecard_id") references "scorecard" ("id") on update cascade;`);
    this.addSql(`alter table "evaluation" add constraint "evaluation_calibration_session_id_foreign" foreign key ("calibration_session_id") references "calibration_session" ("id") on update cascade on delete set null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "sampling_assignment" drop constraint "sampling_assignment_plan_id_foreign";`);

    this.addSql(`alter table "sampled_contact" drop constraint "sampled_contact_plan_id_foreign";`);

    this.addSql(`alter table "calibration_session" drop constraint "calibration_session_scorecard_id_foreign";`);

    this.addSql(`alter table "evaluation" drop constraint "evaluation_scorecard_id_foreign";`);

    this.addSql(`alter table "evaluation" drop constraint "evaluation_calibration_session_id_foreign";`);

    this.addSql(`drop table if exists "sampling_plan" cascade;`);

    this.addSql(`drop table if exists "sampling_assignment" cascade;`);

    this.addSql(`drop table if exists "sampled_contact" cascade;`);

    this.addSql(`drop table if exists "scorecard" cascade;`);

    this.addSql(`drop table if exists "calibration_session" cascade;`);

    this.addSql(`drop table if exists "evaluation" cascade;`);

    this.addSql(`drop type "sampling_period";`);
    this.addSql(`drop type "scorecard_status";`);
    this.addSql(`drop type "evaluation_status";`);
    this.addSql(`drop type "dispute_resolution";`);
  }

}
