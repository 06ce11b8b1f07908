import {
  AbstractSqlDriver,
  PostgreSqlConnection,
  PostgreSqlPlatform,
  type Configuration,
} from '@mikro-orm/postgresql';

/**
 * A string as a PostgreSQL literal, the same text as node-postgres's `escapeLiteral` (quotes and
 * backslashes doubled, ` E` before a literal holding a backslash), built in two passes instead of
 * one concatenation per character: `em.execute` writes every parameter into the SQL text, and a
 * JSON parameter of 1.6 MB cost 50 MiB of heap (a cons string per character, all alive until the
 * text is sent) and a second of CPU that way (issue 23 part 5, tools/bench/dashboard/PROFILE.md).
 */
export function escapeLiteral(value: string): string {
  const quoted = `'${value.replaceAll("'", "''").replaceAll('\\', '\\\\')}'`;
  return value.includes('\\') ? ` E${quoted}` : quoted;
}

/** MikroORM's PostgreSQL platform, escaping strings with `escapeLiteral` above. */
export class SwitchboardPostgreSqlPlatform extends PostgreSqlPlatform {
  override escape(value: unknown): string {
    return typeof value === 'string' ? escapeLiteral(value) : super.escape(value);
  }
}

/** MikroORM's PostgreSQL driver (as `PostgreSqlDriver` builds itself) on that platform. */
export class SwitchboardPostgreSqlDriver extends AbstractSqlDriver<
  PostgreSqlConnection,
  SwitchboardPostgreSqlPlatform
> {
  constructor(config: Configuration) {
    super(config, new SwitchboardPostgreSqlPlatform(), PostgreSqlConnection, ['knex', 'pg']);
  }
}
