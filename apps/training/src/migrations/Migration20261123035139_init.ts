import { Migration } from '@mikro-orm/migrations';

export class Migration20261123035139_init extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create type "course_category" as enum ('ONBOARDING', 'PRODUCT_KNOWLEDGE', 'COMPLIANCE', 'SOFT_SKILLS', 'SYSTEMS', 'SALES');`);
    this.addSql(`create table "course" ("id" uuid not null, "code" text not null, "title" text not null, "category" "course_category" not null, "hours" numeric(6,2) not null, "validity_months" int null, "mandatory_for_roles" text[] not null, "mandatory_for_skills" text[] not null, "created_at" timestamptz not null, constraint "course_pkey" primary key ("id"), constraint course_validity_months_positive check (validity_months is null or validity_months > 0), constraint course_hours_positive check (hours > 0));`);
    this.addSql(`alter table "course" add constraint "course_code_unique" unique ("code");`);

    this.addSql(`create table "certification" ("id" uuid not null, "course_id" uuid not null, "employee_no" text not null, "issued_on" date not null, "expires_on" date null, "created_at" timestamptz not null, constraint "certification_pkey" primary key ("id"), constraint certification_expiry_after_issue check (expires_on is null or expires_on > issued_on));`);
    this.addSql(`create index "certification_employee_no_index" on "certification" ("employee_no");`);
    this.addSql(`create index "certification_expires_on_index" on "certification" ("expires_on");`);

    this.addSql(`create table "assignment" ("id" uuid not null, "course_id" uuid not null, "employee_no" text not null, "assigned_on" date not null, "due_date" date not null, "started_on" date null, "completed_on" date null, "created_at" timestamptz not null, constraint "assignment_pkey" primary key ("id"), constraint assignment_completed_after_assigned check (completed_on is null or completed_on >= assigned_on), constraint assignment_due_after_assigned check (due_date >= assigned_on));`);
    this.addSql(`create index "assignment_employee_no_index" on "assignment" ("employee_no");`);
    this.addSql(`create index "assignment_due_date_index" on "assignment" ("due_date");`);
    // Hand-added: one open assignment of a course per agent (the service skips agents who have one).
    this.addSql(`create unique index "assignment_open_unique" on "assignment" ("course_id", "employee_no") where completed_on is null;`);

    this.addSql(`create table "exam" ("id" uuid not null, "code" text not null, "course_id" uuid not null, "pass_mark" numeric(5,2) not null, "max_attempts" int not null, "created_at" timestamptz not null, constraint "exam_pkey" primary key ("id"), constraint exam_max_attempts_positive check (max_attempts >= 1), constraint exam_pass_mark_range check (pass_mark >= 0 and pass_mark <= 100));`);
    this.addSql(`alter table "exam" add constraint "exam_code_unique" unique ("code");`);
    this.addSql(`create index "exam_course_id_index" on "exam" ("course_id");`);

    this.addSql(`create table "exam_attempt" ("id" uuid not null, "exam_id" uuid not null, "employee_no" text not null, "sequence" int not null, "attempt_no" int not null, "score" numeric(5,2) not null, "taken_on" date not null, "passed" boolean not null, "source" text not null default 'API', "external_id" text null, "created_at" timestamptz not null, constraint "exam_attempt_pkey" primary key ("id"), constraint exam_attempt_no_positive check (attempt_no >= 1), constraint exam_attempt_score_range check (score >= 0 and score <= 100));`);
    this.addSql(`create index "exam_attempt_employee_no_index" on "exam_attempt" ("employee_no");`);
    this.addSql(`create index "exam_attempt_taken_on_index" on "exam_attempt" ("taken_on");`);
    this.addSql(`alter table "exam_attempt" add constraint "exam_attempt_source_external_id_unique" unique ("source", "external_id");`);
    this.addSql(`alter table "exam_attempt" add constraint "exam_attempt_sequence_unique" unique ("exam_id", "employee_no", "sequence");`);

    this.addSql(`alter table "certification" add constraint "certification_course_id_foreign" foreign key ("course_id") references "course" ("id") on update cascade;`);

    this.addSql(`alter table "assignment" add constraint "assignment_course_id_foreign" foreign key ("course_id") references "course" ("id") on update cascade;`);

    this.addSql(`alter table "exam" add constraint "exam_course_id_foreign" foreign key ("course_id") references "course" ("id") on update cascade;`);

    this.addSql(`alter table "exam_attempt" add constraint "exam_attempt_exam_id_foreign" foreign key ("exam_id") references "exam" ("id") on update cascade;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "certification" drop constraint "certification_course_id_foreign";`);

    this.addSql(`alter table "assignment" drop constraint "assignment_course_id_foreign";`);

    this.addSql(`alter table "exam" drop constraint "exam_course_id_foreign";`);

    this.addSql(`alter table "exam_attempt" drop constraint "exam_attempt_exam_id_foreign";`);

    this.addSql(`drop table if exists "course" cascade;`);

    this.addSql(`drop table if exists "certification" cascade;`);

    this.addSql(`drop table if exists "assignment" cascade;`);

    this.addSql(`drop table if exists "exam" cascade;`);

    this.addSql(`drop table if exists "exam_attempt" cascade;`);

    this.addSql(`drop type "course_category";`);
  }

}
