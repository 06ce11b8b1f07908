import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { makeTempClusterDir } from '@switchboard/postgres';
import { randomTestPort } from '@switchboard/testing';

const ROOT = resolve(__dirname, '..', '..');

/** `npm start` as a user runs it: its own embedded PostgreSQL, every service, then Ctrl-C. */
export interface Installation {
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

/** The development token npm start printed for `label` (e.g. ADMIN, CENTER_MANAGER of SHA-01). */
export function printedToken(output: string, label: string): Record<string, string> {
  const line = output.split('\n').find((l) => l.startsWith(`  ${label}: `));
  const token = line?.slice(label.length + 4).trim();
  if (!token) throw new Error(`npm start printed no ${label} token:\n${output}`);
  return { authorization: `Bearer ${token}` };
}

/** The ADMIN development token npm start printed. */
export const adminHeader = (output: string): Record<string, string> => printedToken(output, 'ADMIN');

/** A data directory and ports of its own, as on a fresh machine. */
export function installation(extraEnv: NodeJS.ProcessEnv = {}): Installation {
  const dataDir = join(makeTempClusterDir('switchboard-start-'), 'data');
  const base = randomTestPort('installation');
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
      ...extraEnv,
    },
  };
}

/** Runs `npm start` for the installation until it has printed everything (tokens included). */
export async function startInstallation({
  env,
}: Installation): Promise<{ child: ChildProcess; output: () => string }> {
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
  while (!output.includes('Press Ctrl-C to stop.')) {
    if (child.exitCode !== null || Date.now() > deadline)
      throw new Error(`npm start did not come up:\n${output}\n${serviceErrors(env)}`);
    await new Promise((wait) => setTimeout(wait, 200));
  }
  return { child, output: () => output };
}

/** Ctrl-C; resolves with the exit code. */
export async function stopInstallation(child: ChildProcess): Promise<number | null> {
  const exited = new Promise<number | null>((done) => child.once('exit', (code) => done(code)));
  child.kill('SIGINT');
  return exited;
}
