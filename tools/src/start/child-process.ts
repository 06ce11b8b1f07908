import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';

const RUNNER = resolve(__dirname, '..', '..', 'bin', 'run.js');

export interface ServiceProcess {
  name: string;
  child: ChildProcess;
  logFile: string;
  /** Resolves with the exit code once the process has exited. */
  exited: Promise<number | null>;
}

/**
 * V8 flags of every service, as the Docker image sets them (NODE_OPTIONS there): the young
 * generation capped at 2 x 16 MiB (it grew to 128 MiB under the mixed morning, issue 23). The old
 * generation's growth is bounded by each service itself (boundHeapGrowth of @switchboard/server):
 * node refuses --heap-growing-percent in NODE_OPTIONS.
 */
export const SERVICE_NODE_OPTIONS = '--max-semi-space-size=16';

/**
 * The services that run with other flags than the image's (docker-compose.yml and the k8s
 * manifests set these in their NODE_OPTIONS): traffic and wfm with a young generation of 2 x 8 MiB,
 * the two over their 250 MiB goal under the mixed morning, 20-40 MiB lower so (issue 23 part 5,
 * tools/bench/dashboard/PROFILE.md). Not every service: more frequent scavenges cost CPU, and the
 * others (the gateway first) are within their goal at 2 x 16.
 */
export const NODE_OPTIONS_BY_SERVICE: Readonly<Record<string, string>> = {
  traffic: '--max-semi-space-size=8',
  wfm: '--max-semi-space-size=8',
};

/** The V8 flags a service runs with. */
export function serviceNodeOptions(name: string): string {
  return NODE_OPTIONS_BY_SERVICE[name] ?? SERVICE_NODE_OPTIONS;
}

/** Runs one app's TypeScript entry point as its own process, its JSON logs going to a file. */
export function spawnService(
  name: string,
  entry: string,
  env: NodeJS.ProcessEnv,
  logDir: string,
): ServiceProcess {
  mkdirSync(logDir, { recursive: true });
  const logFile = join(logDir, `${name}.log`);
  const log = createWriteStream(logFile, { flags: 'a' });
  // The IPC channel lets the service notice when this process dies and stop itself. A compiled
  // entry (.js, the production build) runs on plain Node, a TypeScript one through the runner.
  const args = entry.endsWith('.js') ? [entry] : [RUNNER, entry];
  const nodeOptions = `${serviceNodeOptions(name)} ${env.NODE_OPTIONS ?? ''}`.trim();
  const child = spawn(process.execPath, args, {
    env: { ...env, NODE_OPTIONS: nodeOptions },
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
  });
  child.stdout?.pipe(log, { end: false });
  child.stderr?.pipe(log, { end: false });
  const exited = new Promise<number | null>((done) => {
    child.once('exit', (code) => {
      log.end();
      done(code);
    });
  });
  return { name, child, logFile, exited };
}

/** Polls `url` until it answers 200, the process exits, or the deadline passes. */
export async function waitUntilHealthy(
  service: ServiceProcess,
  url: string,
  timeoutMs: number,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let exitCode: number | null | undefined;
  void service.exited.then((code) => {
    exitCode = code;
  });
  while (Date.now() < deadline) {
    if (exitCode !== undefined) {
      throw new Error(`${service.name} exited (code ${exitCode}) while starting; see ${service.logFile}`);
    }
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(1_000) });
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((wait) => setTimeout(wait, 250));
  }
  throw new Error(
    `${service.name} did not become healthy within ${timeoutMs / 1000}s; see ${service.logFile}`,
  );
}

/** SIGTERM, then SIGKILL if the process has not exited after `graceMs`. */
export async function stopService(service: ServiceProcess, graceMs = 10_000): Promise<void> {
  if (service.child.exitCode !== null || service.child.signalCode !== null) return;
  service.child.kill('SIGTERM');
  const timer = setTimeout(() => service.child.kill('SIGKILL'), graceMs);
  await service.exited;
  clearTimeout(timer);
}
