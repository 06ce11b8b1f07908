import { Client } from 'pg';
import { withDatabase } from './database-url';

/**
 * Least privilege (issue 17): each subgraph's database has two login roles of its own, neither a
 * superuser nor able to create roles or databases. The owner (`<database>_owner`) owns the database
 * and its tables and runs the migrations; the service role (named like the database) is what the
 * running subgraph connects as: it may CONNECT to its own database only, read and write rows, and
 * nothing else (no DDL, so no ALTER TABLE ... DISABLE TRIGGER; no UPDATE or DELETE of append-only
 * tables).
 */
export interface DatabaseRoles {
  owner: string;
  service: string;
}

export interface DatabaseAccess {
  /** The running service's URL (service role). */
  serviceUrl: string;
  /** The migrations' URL (owner role). */
  ownerUrl: string;
}

export const rolesOf = (database: string): DatabaseRoles => ({
  owner: `${database}_owner`,
  service: database,
});

export const quoteIdent = (name: string): string => `"${name.replace(/"/g, '""')}"`;
const quoteLiteral = (value: string): string => `'${value.replace(/'/g, "''")}'`;

/** A URL for `role` with `password` on the server and database of `url`. */
export function withCredentials(url: string, role: string, password: string): string {
  const parsed = new URL(url);
  parsed.username = encodeURIComponent(role);
  parsed.password = encodeURIComponent(password);
  return parsed.toString();
}

const LIMITED = 'login nosuperuser nocreatedb nocreaterole noreplication nobypassrls noinherit';

async function ensureRole(admin: Client, role: string, password: string): Promise<void> {
  const found = await admin.query('select 1 from pg_roles where rolname = $1', [role]);
  const verb = found.rowCount ? 'alter' : 'create';
  await admin
    .query(`${verb} role ${quoteIdent(role)} with ${LIMITED} password ${quoteLiteral(password)}`)
    .catch((error: { code?: string }) => {
      if (error.code !== '42710' && error.code !== '23505') throw error; // made meanwhile
    });
}

/** Whether the role of `url` may create roles (a superuser or CREATEROLE): then it can provision. */
export async function canProvisionRoles(url: string): Promise<boolean> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ able: boolean }>(
      'select rolsuper or rolcreaterole as able from pg_roles where rolname = current_user',
    );
    return rows[0]?.able === true;
  } finally {
    await client.end();
  }
}

/**
 * Creates (or brings up to date) the database `database` on the server of `adminUrl`, its owner
 * and service roles with the given passwords, and the privileges above. Idempotent: run at every
 * start. `adminUrl`'s role needs CREATEROLE and CREATEDB (the embedded cluster's superuser).
 */
export async function provisionDatabase(
  adminUrl: string,
  database: string,
  passwords: { owner: string; service: string },
): Promise<DatabaseAccess> {
  const roles = rolesOf(database);
  const admin = new Client({ connectionString: withDatabase(adminUrl, 'postgres') });
  await admin.connect();
  try {
    await ensureRole(admin, roles.owner, passwords.owner);
    await ensureRole(admin, roles.service, passwords.service);
    // The admin must be a member of the owner to hand it a database (PostgreSQL 16 with CREATEROLE).
    const self = await admin.query<{ superuser: boolean }>(
      'select rolsuper as superuser from pg_roles where rolname = current_user',
    );
    if (!self.rows[0]?.superuser) await admin.query(`grant ${quoteIdent(roles.owner)} to current_user`);
    const db = quoteIdent(database);
    const exists = await admin.query('select 1 from pg_database where datname = $1', [database]);
    if (!exists.rowCount) {
      await admin
        .query(`create database ${db} owner ${quoteIdent(roles.owner)}`)
        .catch((error: { code?: string }) => {
          if (error.code !== '42P04' && error.code !== '23505') throw error;
        });
    }
    await admin.query(`alter database ${db} owner to ${quoteIdent(roles.owner)}`);
    await admin.query(`revoke all on database ${db} from public`);
    await admin.query(`grant connect, temporary on database ${db} to ${quoteIdent(roles.service)}`);
  } finally {
    await admin.end();
  }
  await adoptSchema(withDatabase(adminUrl, database), roles);
  return {
    serviceUrl: withCredentials(withDatabase(adminUrl, database), roles.service, passwords.service),
    ownerUrl: withCredentials(withDatabase(adminUrl, database), roles.owner, passwords.owner),
  };
}

/**
 * The owner owns schema `public` and everything in it, including tables an earlier install made as
 * the superuser; nobody else may create anything there.
 */
async function adoptSchema(url: string, roles: DatabaseRoles): Promise<void> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(`alter schema public owner to ${quoteIdent(roles.owner)}`);
    await client.query('revoke all on schema public from public');
    await client.query(`grant usage on schema public to ${quoteIdent(roles.service)}`);
    const { rows } = await client.query<{ name: string; kind: string }>(
      `select c.relname as name, c.relkind as kind from pg_class c
         join pg_namespace n on n.oid = c.relnamespace
        where n.nspname = 'public' and c.relkind in ('r', 'p', 'v', 'm', 'S')
          and pg_get_userbyid(c.relowner) <> $1
          and not (c.relkind = 'S' and exists (select 1 from pg_depend d where d.objid = c.oid and d.deptype in ('a', 'i')))
        order by c.relkind = 'S'`,
      [roles.owner],
    );
    const keyword: Record<string, string> = { v: 'view', m: 'materialized view', S: 'sequence' };
    for (const { name, kind } of rows) {
      await client.query(
        `alter ${keyword[kind] ?? 'table'} ${quoteIdent(name)} owner to ${quoteIdent(roles.owner)}`,
      );
    }
    const functions = await client.query<{ signature: string }>(
      `select p.oid::regprocedure::text as signature from pg_proc p join pg_namespace n on n.oid = p.pronamespace
        where n.nspname = 'public' and pg_get_userbyid(p.proowner) <> $1`,
      [roles.owner],
    );
    for (const { signature } of functions.rows) {
      await client.query(`alter function ${signature} owner to ${quoteIdent(roles.owner)}`);
    }
  } finally {
    await client.end();
  }
}

/**
 * Run as the owner after its migrations: the service role may read and write every table's rows
 * and use every sequence, but only read and insert into `appendOnlyTables` (an audit trail).
 */
export async function grantServiceAccess(
  ownerUrl: string,
  serviceRole: string,
  appendOnlyTables: readonly string[] = [],
): Promise<void> {
  const client = new Client({ connectionString: ownerUrl });
  await client.connect();
  const service = quoteIdent(serviceRole);
  try {
    await client.query('begin');
    await client.query(`grant select, insert, update, delete on all tables in schema public to ${service}`);
    await client.query(`grant usage, select, update on all sequences in schema public to ${service}`);
    for (const table of appendOnlyTables) {
      await client.query(`revoke update, delete, truncate on ${quoteIdent(table)} from ${service}`);
    }
    await client.query('commit');
  } catch (error) {
    await client.query('rollback').catch(() => undefined);
    throw error;
  } finally {
    await client.end();
  }
}

/** Drops a database and its two roles (test databases). */
export async function dropProvisionedDatabase(adminUrl: string, database: string): Promise<void> {
  const roles = rolesOf(database);
  const admin = new Client({ connectionString: withDatabase(adminUrl, 'postgres') });
  await admin.connect();
  try {
    await admin.query(`drop database if exists ${quoteIdent(database)} with (force)`);
    for (const role of [roles.service, roles.owner])
      await admin.query(`drop role if exists ${quoteIdent(role)}`);
  } finally {
    await admin.end();
  }
}

/** The role a database URL logs in as. */
export const roleOf = (url: string): string => decodeURIComponent(new URL(url).username);
