import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Database passwords, one file per role in a folder (`.data/secrets/<role>` under `npm start`, the
 * docker-compose secrets in `/run/secrets`): made on first use, readable by their owner alone, and
 * read again by every later start. Nothing is a built-in password.
 */
export class DatabaseSecrets {
  constructor(
    readonly dir: string,
    /** false: a read-only folder (container secrets): a missing password is an error, not made. */
    private readonly create = true,
  ) {}

  /** The role's password: the stored one, or (when allowed) a new one, stored. */
  password(role: string): string {
    if (!/^[a-z0-9_]+$/.test(role)) throw new Error(`not a role name: ${role}`);
    const file = join(this.dir, role);
    if (existsSync(file)) return readFileSync(file, 'utf8').trim();
    if (!this.create) throw new Error(`no password for database role ${role}: put one in ${file}`);
    mkdirSync(this.dir, { recursive: true, mode: 0o700 });
    const password = randomBytes(24).toString('base64url');
    writeFileSync(file, `${password}\n`, { mode: 0o600, flag: 'wx' });
    chmodSync(file, 0o600);
    return password;
  }

  /** The stored password, or undefined (no file). */
  stored(role: string): string | undefined {
    const file = join(this.dir, role);
    return existsSync(file) ? readFileSync(file, 'utf8').trim() : undefined;
  }
}

/**
 * A database URL with its password filled in from the secrets folder when it names none (the
 * containers' way: `postgres://switchboard_staff@postgres:5432/switchboard_staff` and the password in
 * `/run/secrets/switchboard_staff`).
 */
export function withStoredPassword(url: string, secretsDir: string | undefined): string {
  if (!secretsDir) return url;
  const parsed = new URL(url);
  if (parsed.password || !parsed.username) return url;
  const password = new DatabaseSecrets(secretsDir, false).stored(decodeURIComponent(parsed.username));
  if (password === undefined) return url;
  parsed.password = encodeURIComponent(password);
  return parsed.toString();
}
