import { Migration } from '@mikro-orm/migrations';

// Generated, then pruned by hand to the new table (the generator also proposed dropping the
// hand-written constraints and indexes): the hourly rollup of agent states, kept by
// writeAgentStates from now on, backfilled here from the 15-minute rollup.

export class Migration20261207221021_agent_state_hour extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "agent_state_hour" ("agent" text not null, "hour_start" timestamptz not null, "logged_in" double precision not null, "available" double precision not null, "not_ready" double precision not null, "on_contact" double precision not null, "acw" double precision not null, constraint "agent_state_hour_pkey" primary key ("agent", "hour_start"));`);

    this.addSql(`insert into agent_state_hour (agent, hour_start, logged_in, available, not_ready, on_contact, acw)
      select agent, date_trunc('hour', interval_start), sum(logged_in), sum(available), sum(not_ready), sum(on_contact), sum(acw)
      from agent_state_interval group by 1, 2;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "agent_state_hour" cascade;`);
  }

}
