import { Migration } from '@mikro-orm/migrations';

/**
 * A team's dated lead history: [valid_from, valid_to) per lead, kept by a trigger on team (a new
 * team with a lead opens a period at its creation; a change of lead closes the open one and opens
 * the next at the transaction's time), so every writer (mutations, seeds, imports) keeps it in its
 * own transaction. Backfilled from each team's current lead since the team's creation.
 */
export class Migration20261207070000_team_lead_history extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "team_lead_period" ("id" uuid not null, "team_id" uuid not null, "lead_agent_id" uuid not null, "valid_from" timestamptz not null, "valid_to" timestamptz null, constraint "team_lead_period_pkey" primary key ("id"), constraint team_lead_period_valid_range check (valid_to is null or valid_to > valid_from));`,
    );
    this.addSql(
      `alter table "team_lead_period" add constraint "team_lead_period_team_id_foreign" foreign key ("team_id") references "team" ("id") on update cascade on delete cascade;`,
    );
    this.addSql(
      `create index "team_lead_period_team_from_idx" on "team_lead_period" ("team_id", "valid_from");`,
    );
    this.addSql(
      `create unique index "team_lead_period_one_open_per_team" on "team_lead_period" ("team_id") where "valid_to" is null;`,
    );
    this.addSql(
      `insert into "team_lead_period" ("id", "team_id", "lead_agent_id", "valid_from") select gen_random_uuid(), "id", "lead_agent_id", "created_at" from "team" where "lead_agent_id" is not null;`,
    );
    this.addSql(`create function team_lead_period_track() returns trigger language plpgsql as $$
begin
  if tg_op = 'UPDATE' then
    if new.lead_agent_id is not distinct from old.lead_agent_id then return new; end if;
    -- a period opened in this same transaction is replaced, not closed empty
    delete from team_lead_period where team_id = new.id and valid_to is null and valid_from >= now();
    update team_lead_period set valid_to = now() where team_id = new.id and valid_to is null;
  end if;
  if new.lead_agent_id is not null then
    insert into team_lead_period (id, team_id, lead_agent_id, valid_from)
    values (gen_random_uuid(), new.id, new.lead_agent_id,
            case when tg_op = 'INSERT' then least(new.created_at, now()) else now() end);
  end if;
  return new;
end $$;`);
    this.addSql(
      `create trigger team_lead_period_track after insert or update of lead_agent_id on "team" for each row execute function team_lead_period_track();`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`drop trigger if exists team_lead_period_track on "team";`);
    this.addSql(`drop function if exists team_lead_period_track();`);
    this.addSql(`drop table if exists "team_lead_period" cascade;`);
  }
}
