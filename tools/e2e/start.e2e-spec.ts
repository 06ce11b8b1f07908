import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { makeTempClusterDir } from '@switchboard/postgres';
import { postGraphQL } from '@switchboard/testing';
import { subgraphs } from '../src/subgraphs';

const ROOT = resolve(__dirname, '..', '..');

/** `npm start` as a user runs it: its own embedded PostgreSQL, every service, then Ctrl-C. */
interface Installation {
  dataDir: string;
  gatewayPort: number;
  gateway: string;
  env: NodeJS.ProcessEnv;
}

/** A fresh machine has no keys: npm start makes them (the test run's own are left out). */
function withoutTestKeys(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const rest = { ...env };
  for (const name of [
    'SWITCHBOARD_GATEWAY_PRIVATE_KEY',
    'SWITCHBOARD_GATEWAY_PUBLIC_KEY',
    'SWITCHBOARD_JWT_SECRET',
    'SWITCHBOARD_SERVICE_TOKEN',
  ])
    delete rest[name];
  return rest;
}

/** The error lines (pino level 50 and up) of every service log, to say why a start failed. */
function serviceErrors(env: NodeJS.ProcessEnv): string {
  const logs = join(env.SWITCHBOARD_DATA_DIR as string, 'logs');
  if (!existsSync(logs)) return '';
  return readdirSync(logs)
    .flatMap((file) =>
      readFileSync(join(logs, file), 'utf8')
        .split('\n')
        .filter((line) => /"level":(50|60)/.test(line))
        .map((line) => `${file}: ${line.slice(0, 1_000)}`),
    )
    .join('\n');
}

/** The ADMIN development token npm start printed. */
function adminHeader(output: string): Record<string, string> {
  const token = /^ {2}ADMIN: (\S+)$/m.exec(output)?.[1];
  if (!token) throw new Error(`npm start printed no ADMIN token:\n${output}`);
  return { authorization: `Bearer ${token}` };
}

/** A data directory and ports of its own, as on a fresh machine. */
function installation(): Installation {
  const dataDir = join(makeTempClusterDir('switchboard-start-'), 'data');
  const base = 20_000 + Math.floor(Math.random() * 20_000);
  return {
    dataDir,
    gatewayPort: base,
    gateway: `http://127.0.0.1:${base}/graphql`,
    env: {
      ...withoutTestKeys(process.env),
      SWITCHBOARD_DATA_DIR: dataDir,
      SWITCHBOARD_PG_PORT: String(base + 100),
      GATEWAY_PORT: String(base),
      SWITCHBOARD_PORT_OFFSET: String(base - 4000 + 200),
      DATABASE_URL: '',
      LOG_LEVEL: 'info',
    },
  };
}

describe('npm start', () => {
  const installations: Installation[] = [];
  afterAll(() => {
    for (const { dataDir } of installations) rmSync(resolve(dataDir, '..'), { recursive: true, force: true });
  });

  const start = async ({ env }: Installation): Promise<{ child: ChildProcess; output: () => string }> => {
    const child = spawn(
      process.execPath,
      [join(ROOT, 'tools/bin/run.js'), join(ROOT, 'tools/src/start/start.ts')],
      {
        env,
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let output = '';
    child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    // Room for a loaded machine: the dashboard's browser tests may run beside this one.
    const deadline = Date.now() + 240_000;
    while (!output.includes('Switchboard is running')) {
      if (child.exitCode !== null || Date.now() > deadline)
        throw new Error(`npm start did not come up:\n${output}\n${serviceErrors(env)}`);
      await new Promise((wait) => setTimeout(wait, 200));
    }
    return { child, output: () => output };
  };

  const stop = async (child: ChildProcess): Promise<number | null> => {
    const exited = new Promise<number | null>((done) => child.once('exit', (code) => done(code)));
    child.kill('SIGINT');
    return exited;
  };

  it('serves the seeded demo, stops cleanly on Ctrl-C, and keeps the data for the next start', async () => {
    const site = installation();
    installations.push(site);
    const { gateway, gatewayPort } = site;
    const first = await start(site);
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
    expect(await stop(first.child)).toBe(0);
    expect(first.output()).toContain('Stopped.');

    const second = await start(site);
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
    expect(await stop(second.child)).toBe(0);
  }, 600_000);

  it('takes its services down when killed outright, and starts again over the leftover database', async () => {
    const site = installation();
    installations.push(site);
    const first = await start(site);
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
    const second = await start(site);
    expect(second.output()).toContain('left running');
    const count = await postGraphQL<{ agents: { totalCount: number } }>(
      site.gateway,
      '{ agents(first: 1) { totalCount } }',
      {},
      adminHeader(second.output()),
    );
    expect(count.data?.agents.totalCount).toBe(200);
    expect(await stop(second.child)).toBe(0);
  }, 600_000);
});
