import type { ChildProcess } from 'node:child_process';
import { rmSync } from 'node:fs';
import { resolve } from 'node:path';
import { postGraphQL, type GraphQLResponse } from '@switchboard/testing';
import {
  installation,
  printedToken,
  startInstallation,
  stopInstallation,
  type Installation,
} from './npm-start';

/**
 * Issue 17, "one user cannot starve the others", with real processes: `npm start` (embedded
 * PostgreSQL, demo seeded, every subgraph and the gateway as its own process), then one caller
 * runs its heaviest allowed queries while another user's light query is timed.
 */
const DAY_MS = 86_400_000;
const LIGHT = '{ centers { code name teams { code name } } }';
/** The heaviest trafficStats the limits allow on the demo month: by agent per hour, with FCR. */
const HEAVY = `query($f: StatsFilter!) { trafficStats(filter: $f, granularity: HOUR, groupBy: [AGENT]) {
  intervalStart employeeNo offered answered serviceLevel asaSeconds ahtSeconds abandonRate fcrRate } }`;

const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
};

async function timed<T>(work: () => Promise<T>): Promise<{ ms: number; result: T }> {
  const started = performance.now();
  const result = await work();
  return { ms: performance.now() - started, result };
}

describe('one caller cannot starve the others (issue 17)', () => {
  let site: Installation;
  let stack: { child: ChildProcess; output: () => string };
  let heavyCaller: Record<string, string>;
  let lightCaller: Record<string, string>;
  const month = {
    from: new Date(Math.floor(Date.now() / DAY_MS) * DAY_MS - 31 * DAY_MS).toISOString(),
    to: new Date(Math.floor(Date.now() / DAY_MS) * DAY_MS + DAY_MS).toISOString(),
  };

  beforeAll(async () => {
    site = installation();
    stack = await startInstallation(site);
    heavyCaller = printedToken(stack.output(), 'ADMIN');
    lightCaller = printedToken(stack.output(), 'CENTER_MANAGER of SHA-01');
  }, 300_000);

  afterAll(async () => {
    if (stack) await stopInstallation(stack.child);
    rmSync(resolve(site.dataDir, '..'), { recursive: true, force: true });
  });

  const ask = <T>(headers: Record<string, string>, query: string, variables: Record<string, unknown> = {}) =>
    postGraphQL<T>(site.gateway, query, variables, headers);

  it('refuses 400 days at 15 minutes by five dimensions, and an 11-level nesting of lists, before they run', async () => {
    const stats = await ask(
      heavyCaller,
      `query($f: StatsFilter!) { trafficStats(filter: $f, granularity: FIFTEEN_MINUTES,
        groupBy: [CENTER, QUEUE, CHANNEL, AGENT, TEAM]) { offered } }`,
      {
        f: {
          from: new Date(Date.now() - 400 * DAY_MS).toISOString().slice(0, 10) + 'T00:00:00Z',
          to: month.to,
        },
      },
    );
    expect(stats.status).toBe(400);
    expect(stats.errors?.[0]).toMatchObject({
      message: expect.stringMatching(/^trafficStats: an estimated [\d,]+ rows/) as string,
      extensions: { code: 'QUERY_TOO_COSTLY' },
    });
    const nested = await ask(
      heavyCaller,
      `{ centers { teams { members { team { members { team { members { team { members { team { members {
        employeeNo } } } } } } } } } } } }`,
    );
    expect(nested.status).toBe(400);
    expect(nested.errors?.[0].extensions?.code).toBe('QUERY_TOO_COSTLY');
  });

  it("answers another user's light query within 200 ms of its unloaded time while one caller runs its heaviest allowed queries", async () => {
    const light = async (): Promise<number> => {
      const { ms, result } = await timed(() => ask(lightCaller, LIGHT));
      expect(result.errors).toBeUndefined();
      return ms;
    };
    for (let i = 0; i < 3; i += 1) await light(); // warm
    const unloaded: number[] = [];
    for (let i = 0; i < 15; i += 1) unloaded.push(await light());

    const heavy = await timed(() => ask(heavyCaller, HEAVY, { f: month }));
    expect(heavy.result.errors).toBeUndefined();
    const rows = (heavy.result.data as { trafficStats: unknown[] }).trafficStats.length;
    // The heavy caller keeps six of its heaviest queries on the way at once.
    let loading = true;
    const answers: GraphQLResponse<unknown>[] = [];
    const loops = Array.from({ length: 6 }, async () => {
      while (loading) answers.push(await ask(heavyCaller, HEAVY, { f: month }));
    });
    await new Promise((wait) => setTimeout(wait, 1_500));
    const loaded: number[] = [];
    for (let i = 0; i < 15; i += 1) loaded.push(await light());
    loading = false;
    await Promise.all(loops);

    console.log(
      `heavy trafficStats alone: ${Math.round(heavy.ms)} ms, ${rows} rows; ${answers.length} heavy answers under load; ` +
        `light query median unloaded ${median(unloaded).toFixed(1)} ms, loaded ${median(loaded).toFixed(1)} ms ` +
        `(loaded: ${loaded.map((ms) => Math.round(ms)).join(', ')})`,
    );
    expect(answers.length).toBeGreaterThan(0);
    for (const answer of answers) expect(answer.errors).toBeUndefined();
    expect(median(loaded)).toBeLessThan(median(unloaded) + 200);
  }, 180_000);
});
