import { Migration } from '@mikro-orm/migrations';

// Generated; the generator also re-created two unchanged check constraints (it misreads PostgreSQL's
// double-precision literals, and its down() for them was invalid SQL): those lines were removed.

export class Migration20261123020213_team_directory extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "agent_team_period" ("employee_no" text not null, "valid_from" date not null, "valid_to" date null, "team_id" uuid not null, "center_id" uuid null, constraint "agent_team_period_pkey" primary key ("employee_no", "valid_from"));`);
    this.addSql(`create index "agent_team_period_team_id_index" on "agent_team_period" ("team_id");`);




  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "agent_team_period" cascade;`);




  }

}
