import { Migration } from '@mikro-orm/migrations';
import { BACKFILL } from '../agent-state/agent-state-rollup';

// Written by hand: the per-agent 15-minute rollup of agent states (agent-state-rollup.ts), kept by
// writeAgentStates from now on, backfilled here from the events already stored.

export class Migration20261207040000_agent_state_interval extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "agent_state_interval" ("agent" text not null, "interval_start" timestamptz not null, "logged_in" double precision not null, "available" double precision not null, "not_ready" double precision not null, "on_contact" double precision not null, "acw" double precision not null, constraint "agent_state_interval_pkey" primary key ("agent", "interval_start"));`);

    this.addSql(BACKFILL);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "agent_state_interval" cascade;`);
  }

}
