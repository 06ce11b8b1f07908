import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { makeTempClusterDir, startEmbeddedCluster, withDatabase } from '@switchboard/postgres';

export interface BenchCluster {
  /** Server URL without a database. */
  serverUrl: string;
  /** Scratch folder for generated files, removed on stop. */
  dir: string;
  url: (database: string) => string;
  /** Creates `database` as a copy of `template` (which nobody may be connected to). */
  copyDatabase: (template: string, database: string) => Promise<string>;
  /** CPU seconds used so far by this cluster's processes (Linux /proc; NaN elsewhere). */
  cpuSeconds: () => number;
  stop: () => Promise<void>;
}

/**
 * A throwaway embedded PostgreSQL with its default durability (fsync, synchronous_commit and
 * full_page_writes on): both sides of every comparison run on it as a production server would.
 */
export async function startBenchCluster(prefix: string): Promise<BenchCluster> {
  const dir = makeTempClusterDir(prefix);
  const cluster = await startEmbeddedCluster({
    dataDir: join(dir, 'pg'),
    port: 55000 + Math.floor(Math.random() * 900),
    persistent: false,
  });
  return {
    serverUrl: cluster.serverUrl,
    dir,
    url: (database) => withDatabase(cluster.serverUrl, database),
    copyDatabase: async (template, database) => {
      await withClient(withDatabase(cluster.serverUrl, 'postgres'), (client) =>
        client.query(`create database "${database}" template "${template}"`),
      );
      return withDatabase(cluster.serverUrl, database);
    },
    cpuSeconds: () => clusterCpuSeconds(join(dir, 'pg')),
    stop: async () => {
      await cluster.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

const CLOCK_TICKS = 100;

/** utime + stime, cutime + cstime and the parent of a process (/proc/<pid>/stat fields 4, 14-17). */
function cpuTicks(pid: string): { own: number; children: number; parent: string } | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return { own: +fields[11] + +fields[12], children: +fields[13] + +fields[14], parent: fields[1] };
  } catch {
    return null;
  }
}

/** The postmaster (with the backends it has reaped) plus its live children. */
function clusterCpuSeconds(dataDir: string): number {
  const pidFile = join(dataDir, 'postmaster.pid');
  if (!existsSync('/proc') || !existsSync(pidFile)) return NaN;
  const postmaster = readFileSync(pidFile, 'utf8').split('\n')[0];
  const root = cpuTicks(postmaster);
  if (!root) return NaN;
  let ticks = root.own + root.children;
  for (const pid of readdirSync('/proc').filter((name) => /^\d+$/.test(name))) {
    const child = cpuTicks(pid);
    if (child?.parent === postmaster) ticks += child.own;
  }
  return ticks / CLOCK_TICKS;
}

/** CPU seconds this Node process has used so far. */
export function ownCpuSeconds(): number {
  const usage = process.cpuUsage();
  return (usage.user + usage.system) / 1e6;
}

export async function withClient<T>(url: string, work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

const SETTINGS = [
  'server_version',
  'shared_buffers',
  'work_mem',
  'max_parallel_workers_per_gather',
  'jit',
  'fsync',
  'synchronous_commit',
  'full_page_writes',
];

/** One line naming the machine and the server settings that shape the figures. */
export async function describeSetup(url: string): Promise<string> {
  const settings = await withClient(url, async (client) => {
    const rows = await client.query<{ name: string; setting: string }>(
      `select name, current_setting(name) as setting from unnest($1::text[]) as name`,
      [SETTINGS],
    );
    return rows.rows.map((r) => `${r.name}=${r.setting}`).join(', ');
  });
  const [load1] = loadavg();
  return `machine: ${cpus().length} cores (load average ${load1.toFixed(2)} now), ${(totalmem() / 2 ** 30).toFixed(0)} GiB, node ${process.version} (NODE_ENV=${process.env.NODE_ENV ?? 'unset'}); PostgreSQL (embedded): ${settings}`;
}
