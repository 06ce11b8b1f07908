import { Migration } from '@mikro-orm/migrations';

export class Migration20261207063939_survey_rollup extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "voc_survey_rollup" ("id" bigserial primary key, "grain" text not null, "period_start" date not null, "center_id" uuid not null, "team_id" uuid null, "agent_employee_no" text null, "queue_code" text null, "csat_n" int not null default 0, "csat_top" int not null default 0, "nps_n" int not null default 0, "promoters" int not null default 0, "detractors" int not null default 0, "ces_n" int not null default 0, "ces_sum" int not null default 0, "ces_sq" int not null default 0, "sent" int not null default 0, "opened" int not null default 0, "finished" int not null default 0, "expired" int not null default 0, "opted_out" int not null default 0, constraint voc_survey_rollup_grain check (grain in ('DAY', 'MONTH')));`);
    this.addSql(`create unique index "voc_survey_rollup_key" on "voc_survey_rollup" ("grain", "period_start", "center_id", "team_id", "agent_employee_no", "queue_code") nulls not distinct;`);

    this.addSql(`alter table "voc_survey_invitation" add column "team_id" uuid null;`);
    this.addSql(`create index "voc_survey_invitation_arrived_idx" on "voc_survey_invitation" ("contact_arrived_at");`);

    this.addSql(`alter table "voc_survey_response" add column "team_id" uuid null;`);
    this.addSql(`create index "voc_survey_response_arrived_idx" on "voc_survey_response" ("contact_arrived_at");`);

    // responses and invitations stored before the rollup (team unknown: null)
    for (const grain of ['day', 'month']) {
      this.addSql(`insert into "voc_survey_rollup" (grain, period_start, center_id, team_id, agent_employee_no, queue_code, csat_n, csat_top, nps_n, promoters, detractors, ces_n, ces_sum, ces_sq, sent, opened, finished, expired, opted_out)
        select '${grain.toUpperCase()}', period_start, center_id, null, agent_employee_no, queue_code, sum(csat_n), sum(csat_top), sum(nps_n), sum(promoters), sum(detractors), sum(ces_n), sum(ces_sum), sum(ces_sq), sum(sent), sum(opened), sum(finished), sum(expired), sum(opted_out)
        from (
          select date_trunc('${grain}', contact_arrived_at at time zone 'UTC')::date as period_start, center_id, agent_employee_no, queue_code,
            (kind = 'CSAT')::int as csat_n, (kind = 'CSAT' and top_box)::int as csat_top, (kind = 'NPS')::int as nps_n,
            (kind = 'NPS' and score >= 9)::int as promoters, (kind = 'NPS' and score <= 6)::int as detractors,
            (kind = 'CES')::int as ces_n, case when kind = 'CES' then score else 0 end as ces_sum, case when kind = 'CES' then score * score else 0 end as ces_sq,
            0 as sent, 0 as opened, 0 as finished, 0 as expired, 0 as opted_out
          from voc_survey_response
          union all
          select date_trunc('${grain}', contact_arrived_at at time zone 'UTC')::date, center_id, agent_employee_no, queue_code,
            0, 0, 0, 0, 0, 0, 0, 0,
            (status = 'SENT')::int, (status = 'OPENED')::int, (status = 'FINISHED')::int, (status = 'EXPIRED')::int, (status = 'OPTED_OUT')::int
          from voc_survey_invitation
        ) as stored
        group by period_start, center_id, agent_employee_no, queue_code;`);
    }
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "voc_survey_rollup" cascade;`);
    this.addSql(`drop index "voc_survey_invitation_arrived_idx";`);
    this.addSql(`alter table "voc_survey_invitation" drop column "team_id";`);
    this.addSql(`drop index "voc_survey_response_arrived_idx";`);
    this.addSql(`alter table "voc_survey_response" drop column "team_id";`);
  }

}
