import v8 from 'node:v8';

/**
 * How far V8 lets the old generation grow past what the last full collection left alive, in
 * percent, in every service: left to itself V8 picks a factor up to 4x when collecting looks
 * expensive next to the program's own work (as on a busy machine), and the gateway's heap grew to
 * 330 MiB of pages for 85 MiB alive under the mixed morning (issue 23,
 * tools/bench/dashboard/PROFILE.md). Unlike --max-old-space-size this sets no ceiling: a large
 * legitimate answer still gets the heap it needs, the collector only runs sooner.
 */
export const DEFAULT_HEAP_GROWING_PERCENT = 20;

/** The environment variable that changes it: a percent from 1 to 300, or `off` for V8's own. */
export const HEAP_GROWING_PERCENT_ENV = 'SWITCHBOARD_HEAP_GROWING_PERCENT';

const FLAG = '--heap-growing-percent';

/**
 * The percent a service runs with: SWITCHBOARD_HEAP_GROWING_PERCENT, else the default; null for
 * V8's own heuristics (`off`, or the flag given on node's command line, which wins).
 */
export function heapGrowingPercentFrom(
  env: NodeJS.ProcessEnv = process.env,
  execArgv: readonly string[] = process.execArgv,
): number | null {
  if (execArgv.some((arg) => arg === FLAG || arg.startsWith(`${FLAG}=`))) return null;
  const raw = env[HEAP_GROWING_PERCENT_ENV]?.trim() || String(DEFAULT_HEAP_GROWING_PERCENT);
  if (raw.toLowerCase() === 'off') return null;
  const percent = Number(raw);
  if (!Number.isInteger(percent) || percent < 1 || percent > 300) {
    throw new Error(`${HEAP_GROWING_PERCENT_ENV}=${raw}: give a whole percent from 1 to 300, or off`);
  }
  return percent;
}

/**
 * Bounds the old generation's growth (see DEFAULT_HEAP_GROWING_PERCENT) from the first lines of a
 * service's entry point. A V8 flag node refuses in NODE_OPTIONS, so it is set here, where `npm
 * start`, the benches and the Docker image's processes all pass; returns the percent set, or null.
 */
export function boundHeapGrowth(env: NodeJS.ProcessEnv = process.env): number | null {
  const percent = heapGrowingPercentFrom(env);
  if (percent !== null) v8.setFlagsFromString(`${FLAG}=${percent}`);
  return percent;
}
