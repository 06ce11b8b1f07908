import { Migration } from '@mikro-orm/migrations';

export class Migration20261207043440_surveys extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create type "voc_survey_invitation_status" as enum ('SENT', 'OPENED', 'FINISHED', 'EXPIRED', 'OPTED_OUT');`);
    this.addSql(`create table "voc_survey_invitation" ("id" uuid not null, "invitation_key" text not null, "form_id" uuid not null, "center_id" uuid not null, "contact_source" text not null, "contact_external_id" text not null, "contact_arrived_at" timestamptz not null, "contact_ended_at" timestamptz not null, "agent_employee_no" text null, "queue_code" text null, "sent_at" timestamptz not null, "status" "voc_survey_invitation_status" not null, "created_at" timestamptz not null, constraint "voc_survey_invitation_pkey" primary key ("id"), constraint voc_survey_invitation_key_length check (char_length(invitation_key) between 1 and 200));`);
    this.addSql(`create index "voc_survey_invitation_center_idx" on "voc_survey_invitation" ("center_id", "contact_arrived_at");`);
    this.addSql(`alter table "voc_survey_invitation" add constraint "voc_survey_invitation_key_unique" unique ("invitation_key");`);

    this.addSql(`create table "voc_survey_response" ("id" uuid not null, "invitation_id" uuid not null, "kind" "voc_survey_kind" not null, "score" int not null, "top_box" boolean null, "verbatim" text null, "answered_at" timestamptz not null, "center_id" uuid not null, "agent_employee_no" text null, "queue_code" text null, "contact_arrived_at" timestamptz not null, "created_at" timestamptz not null, constraint "voc_survey_response_pkey" primary key ("id"), constraint voc_survey_response_verbatim_length check (char_length(verbatim) <= 4000));`);
    this.addSql(`create index "voc_survey_response_agent_idx" on "voc_survey_response" ("agent_employee_no", "contact_arrived_at");`);
    this.addSql(`create index "voc_survey_response_center_idx" on "voc_survey_response" ("center_id", "contact_arrived_at");`);
    this.addSql(`alter table "voc_survey_response" add constraint "voc_survey_response_invitation_unique" unique ("invitation_id");`);


  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "voc_survey_invitation" cascade;`);

    this.addSql(`drop table if exists "voc_survey_response" cascade;`);



    this.addSql(`drop type "voc_survey_invitation_status";`);
  }

}
