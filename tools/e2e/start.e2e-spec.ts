import { readFileSync, rmSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Client } from 'pg';
import { postGraphQL } from '@switchboard/testing';
import { subgraphs } from '../src/subgraphs';
import {
  adminHeader,
  installation,
  startInstallation,
  stopInstallation,
  type Installation,
} from './npm-start';

/**
 * Issue 17: every database password is made for this install and kept in .data/secrets (owner-only
 * files); each subgraph's database belongs to its owner role, and its service role is no superuser
 * and may not connect to the others' databases. Returns the stored passwords.
 */
async function checkLeastPrivilege(site: Installation): Promise<Record<string, string>> {
  const secrets = join(site.dataDir, 'secrets');
  const roles = [
    'postgres',
    ...subgraphs.flatMap((s) => [
      `switchboard_${s.definition.name}`,
      `switchboard_${s.definition.name}_owner`,
    ]),
  ];
  const passwords = Object.fromEntries(
    roles.map((role) => [role, readFileSync(join(secrets, role), 'utf8').trim()]),
  );
  for (const role of roles) expect([role, statSync(join(secrets, role)).mode & 0o777]).toEqual([role, 0o600]);
  expect(new Set(Object.values(passwords)).size).toBe(roles.length);
  const admin = new Client({
    connectionString: `postgres://postgres:${encodeURIComponent(passwords.postgres)}@127.0.0.1:${site.env.SWITCHBOARD_PG_PORT}/postgres`,
  });
  await admin.connect();
  try {
    for (const { definition } of subgraphs) {
      const service = `switchboard_${definition.name}`;
      const { rows } = await admin.query<Record<string, unknown>>(
        `select r.rolsuper as superuser, pg_get_userbyid(d.datdba) as owner,
                (select count(*)::int from pg_database o
                  where o.datname like 'switchboard\\_%' and o.datname <> $1
                    and has_database_privilege($1, o.datname, 'CONNECT')) as others
           from pg_roles r, pg_database d where r.rolname = $1 and d.datname = $1`,
        [service],
      );
      expect([service, rows[0]]).toEqual([
        service,
        { superuser: false, owner: `${service}_owner`, others: 0 },
      ]);
    }
  } finally {
    await admin.end();
  }
  return passwords;
}

describe('npm start', () => {
  const installations: Installation[] = [];
  afterAll(() => {
    for (const { dataDir } of installations) rmSync(resolve(dataDir, '..'), { recursive: true, force: true });
  });

  it('serves the seeded demo, stops cleanly on Ctrl-C, and keeps the data for the next start', async () => {
    const site = installation();
    installations.push(site);
    const { gateway, gatewayPort } = site;
    const first = await startInstallation(site);
    expect(first.output()).toContain(`http://localhost:${gatewayPort}/graphql`);
    const admin = adminHeader(first.output());
    const anonymous = await postGraphQL(gateway, '{ centers { code } }', {}, { authorization: '' });
    expect(anonymous.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    expect(anonymous.data ?? null).toBeNull();
    const demo = await postGraphQL<{
      centers: { code: string; teams: { members: { employeeNo: string }[] }[] }[];
    }>(gateway, '{ centers { code name teams { name members { employeeNo displayName } } } }', {}, admin);
    expect(demo.errors).toBeUndefined();
    expect(demo.data?.centers.map((c) => c.code)).toEqual(['CTU-T1', 'SHA-01']);
    // The dashboard at the printed URL, with its demo sign-in.
    expect(first.output()).toContain(`Dashboard: http://localhost:${gatewayPort}/`);
    const origin = new URL(gateway).origin;
    expect(await (await fetch(`${origin}/`)).text()).toContain('<div id="root">');
    const tokens = (await (await fetch(`${origin}/dev/tokens`)).json()) as { label: string }[];
    expect(tokens.map((t) => t.label)).toContain('CENTER_MANAGER of SHA-01');
    const hired = await postGraphQL(
      gateway,
      'mutation { hireAgent(input: { employeeNo: "KEEP-1", displayName: "Kept Across Restarts", hireDate: "2026-01-05" }) { id } }',
      {},
      admin,
    );
    expect(hired.errors).toBeUndefined();
    const passwords = await checkLeastPrivilege(site);
    expect(await stopInstallation(first.child)).toBe(0);
    expect(first.output()).toContain('Stopped.');

    const second = await startInstallation(site);
    // The keys made on the first start are kept: the first start's token is still good.
    const count = await postGraphQL<{ agents: { totalCount: number } }>(
      gateway,
      '{ agents(first: 1) { totalCount } }',
      {},
      admin,
    );
    const kept = await postGraphQL<{ agent: { displayName: string } | null }>(
      gateway,
      '{ agent(employeeNo: "KEEP-1") { displayName } }',
      {},
      adminHeader(second.output()),
    );
    expect(kept.data?.agent).toEqual({ displayName: 'Kept Across Restarts' });
    expect(count.data?.agents.totalCount).toBe(201); // 200 demo agents seeded once, plus ours
    expect(await checkLeastPrivilege(site)).toEqual(passwords); // made once per install, then reused
    expect(await stopInstallation(second.child)).toBe(0);
  }, 600_000);

  it('takes its services down when killed outright, and starts again over the leftover database', async () => {
    const site = installation();
    installations.push(site);
    const first = await startInstallation(site);
    first.child.kill('SIGKILL');
    // Every service notices its launcher is gone and stops: the gateway and each subgraph.
    const offset = Number(site.env.SWITCHBOARD_PORT_OFFSET);
    const healthUrls = [
      site.gateway.replace('/graphql', '/health'),
      ...subgraphs.map((s) => `http://127.0.0.1:${s.port + offset}/health`),
    ];
    const deadline = Date.now() + 40_000;
    let up = healthUrls;
    while (up.length && Date.now() < deadline) {
      const answering = await Promise.all(
        up.map((url) =>
          fetch(url).then(
            () => true,
            () => false,
          ),
        ),
      );
      up = up.filter((_url, i) => answering[i]);
      if (up.length) await new Promise((wait) => setTimeout(wait, 200));
    }
    expect(up).toEqual([]);
    const second = await startInstallation(site);
    expect(second.output()).toContain('left running');
    const count = await postGraphQL<{ agents: { totalCount: number } }>(
      site.gateway,
      '{ agents(first: 1) { totalCount } }',
      {},
      adminHeader(second.output()),
    );
    expect(count.data?.agents.totalCount).toBe(200);
    expect(await stopInstallation(second.child)).toBe(0);
  }, 600_000);
});
