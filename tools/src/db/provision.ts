import { DatabaseSecrets, rolesOf, withStoredPassword } from '@switchboard/postgres';
import { subgraphDatabaseEnv } from '../start/databases';
import { SUBGRAPH_REGISTRY } from '@switchboard/contracts';

/**
 * The containers' database set-up (docker-compose's one-shot `db-setup`), or any external server's:
 *
 *   provision.ts --make-secrets DIR   writes a password file per role into DIR (existing ones kept)
 *   provision.ts                      creates each subgraph's database, owner and service roles with
 *                                     the passwords in SWITCHBOARD_DB_SECRETS_DIR, as DATABASE_URL's
 *                                     role (its password from the same folder when the URL has none)
 */
const say = (message: string): void => {
  process.stdout.write(`${message}\n`);
};

const roleNames = (): string[] => [
  'postgres',
  ...SUBGRAPH_REGISTRY.flatMap(({ name }) => {
    const roles = rolesOf(`switchboard_${name}`);
    return [roles.service, roles.owner];
  }),
];

async function main(argv: string[], env: NodeJS.ProcessEnv): Promise<void> {
  const make = argv.indexOf('--make-secrets');
  if (make >= 0) {
    const dir = argv[make + 1];
    if (!dir) throw new Error('--make-secrets DIR: the folder to write the password files to');
    const secrets = new DatabaseSecrets(dir);
    for (const role of roleNames()) secrets.password(role);
    say(`database passwords in ${dir}: ${roleNames().join(', ')}`);
    return;
  }
  const dir = env.SWITCHBOARD_DB_SECRETS_DIR;
  if (!env.DATABASE_URL || !dir)
    throw new Error('set DATABASE_URL (an admin role) and SWITCHBOARD_DB_SECRETS_DIR');
  const adminUrl = withStoredPassword(env.DATABASE_URL, dir);
  const done = await subgraphDatabaseEnv(adminUrl, new DatabaseSecrets(dir, false), {}, say);
  if (Object.values(done).some((subgraph) => subgraph.DATABASE_URL)) {
    throw new Error("DATABASE_URL's role cannot create roles: give it CREATEROLE and CREATEDB");
  }
  say(`databases and roles ready: ${Object.keys(done).join(', ')}`);
}

main(process.argv.slice(2), process.env).catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
