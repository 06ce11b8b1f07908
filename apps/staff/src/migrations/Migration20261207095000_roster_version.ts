import { Migration } from '@mikro-orm/migrations';

/**
 * Issue 23: a version of everything a caller's scope is resolved from (centers, teams, the dated
 * memberships, agents), raised by a statement trigger in the writer's own transaction (mutations,
 * seeds, imports alike), so staff may keep scopes it resolved while the version holds.
 */
export class Migration20261207095000_roster_version extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "roster_version" ("id" int not null, "version" bigint not null, constraint "roster_version_pkey" primary key ("id"), constraint roster_version_one_row check (id = 1));`,
    );
    this.addSql(`insert into "roster_version" ("id", "version") values (1, 0);`);
    this.addSql(`create function roster_version_bump() returns trigger language plpgsql as $$
begin
  update roster_version set version = version + 1 where id = 1;
  return null;
end $$;`);
    for (const table of ['center', 'team', 'team_membership', 'agent'])
      this.addSql(
        `create trigger "${table}_roster_version" after insert or update or delete or truncate on "${table}" for each statement execute function roster_version_bump();`,
      );
  }

  override async down(): Promise<void> {
    for (const table of ['center', 'team', 'team_membership', 'agent'])
      this.addSql(`drop trigger "${table}_roster_version" on "${table}";`);
    this.addSql(`drop function roster_version_bump();`);
    this.addSql(`drop table "roster_version";`);
  }
}
