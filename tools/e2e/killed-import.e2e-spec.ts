import { spawn } from 'node:child_process';
import { createWriteStream, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { seededRandom } from '@switchboard/demo';
import { clientToken, postGraphQL } from '@switchboard/testing';
import { startTestStack, type TestStack } from './stack';

const CLI = resolve(__dirname, '..', 'bin', 'switchboard.js');
// Eight 20,000-row batches: each of the three kills lands at least a batch on (stored counts
// move by whole batches, and the rollups trail the COPY by up to one), so the third must still come
// before the last batch. With four batches it sometimes came after the file was all stored.
const ROWS = 160_000;
const BAD_EVERY = 997; // rows with a bad channel, all to be reported

/** A file of ROWS contacts (every BAD_EVERY-th invalid), with the sums a correct import must reproduce. */
async function writeFile(
  path: string,
): Promise<{ valid: number; bad: number; answered: number; talkSeconds: number }> {
  const random = seededRandom(7);
  const out = createWriteStream(path);
  out.write('source,external_id,channel,queue,agent,arrived_at,answered_at,ended_at,outcome\n');
  let answered = 0;
  let talkSeconds = 0;
  let bad = 0;
  const start = Date.parse('2026-06-01T00:00:00Z');
  for (let i = 1; i <= ROWS; i += 1) {
    const arrived = start + i * 5_000; // 160,000 rows over 9.3 days, inside the queried month
    const isBad = i % BAD_EVERY === 0;
    const isAnswered = random() < 0.9;
    const wait = Math.floor(random() * 40);
    const talk = 30 + Math.floor(random() * 300);
    const answeredAt = isAnswered ? new Date(arrived + wait * 1000).toISOString() : '';
    const ended = new Date(arrived + (wait + (isAnswered ? talk : 0)) * 1000).toISOString();
    if (isBad) bad += 1;
    else if (isAnswered) {
      answered += 1;
      talkSeconds += talk;
    }
    const line = `kill,${i},${isBad ? 'FAX' : 'VOICE'},KILL-Q,E${i % 50},${new Date(arrived).toISOString()},${answeredAt},${ended},${isAnswered ? 'ANSWERED' : 'ABANDONED'}\n`;
    if (!out.write(line)) await new Promise<void>((drain) => out.once('drain', () => drain()));
  }
  await new Promise<void>((done) => out.end(() => done()));
  return { valid: ROWS - bad, bad, answered, talkSeconds };
}

/**
 * An import killed with SIGKILL at seeded random moments, then run again to the end: the store holds
 * exactly the valid distinct rows, every bad row is reported, and the sums match the file.
 */
describe('an import killed part-way', () => {
  let stack: TestStack;
  let token: string;
  let dir: string;

  beforeAll(async () => {
    token = await clientToken();
    stack = await startTestStack();
    dir = mkdtempSync(join(tmpdir(), 'switchboard-kill-'));
  });
  afterAll(async () => {
    await stack.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  const stored = async (): Promise<number> => {
    const totals = await postGraphQL<{ trafficStats: { offered: number }[] }>(
      stack.gatewayUrl,
      `query($f: StatsFilter!) { trafficStats(filter: $f, granularity: TOTAL) { offered } }`,
      { f: { from: '2026-06-01T00:00:00Z', to: '2026-06-30T00:00:00Z', queueCodes: ['KILL-Q'] } },
    );
    if (!totals.data?.trafficStats) throw new Error(`trafficStats answered ${JSON.stringify(totals.errors)}`);
    return totals.data.trafficStats[0]?.offered ?? 0;
  };

  /** Runs the CLI; with `killPast`, SIGKILLs it once more than that many rows are stored (mid-import). */
  const importFile = (file: string, killPast?: number) =>
    new Promise<{ code: number | null; output: string }>((done) => {
      const child = spawn(
        process.execPath,
        [CLI, '--gateway', stack.gatewayUrl, 'import', 'contacts', file],
        {
          env: { ...process.env, SWITCHBOARD_TOKEN: token },
        },
      );
      let output = '';
      child.stdout.on('data', (c: Buffer) => (output += c.toString()));
      child.stderr.on('data', (c: Buffer) => (output += c.toString()));
      let exited = false;
      child.on('exit', (code) => {
        exited = true;
        done({ code, output });
      });
      const watch = async (): Promise<void> => {
        while (!exited && killPast !== undefined) {
          // a count refused on a loaded machine (a statement timeout) is asked again, not a reason to stop watching
          const count = await stored().catch(() => -1);
          if (count > killPast) {
            child.kill('SIGKILL');
            return;
          }
          await new Promise((wait) => setTimeout(wait, 20));
        }
      };
      void watch();
    });

  it('ends with exactly the right rows after kills and a rerun', async () => {
    const file = join(dir, 'big.csv');
    const expected = await writeFile(file);
    const random = seededRandom(2026);
    let before = 0;
    for (let kill = 0; kill < 3; kill += 1) {
      // kill at a seeded point past what is already stored, while the import is under way
      const killed = await importFile(file, before + Math.floor(random() * 10_000));
      expect(killed.code).toBeNull(); // killed, not finished
      const now = await stored();
      expect(now).toBeGreaterThan(before);
      expect(now).toBeLessThan(expected.valid);
      before = now;
    }
    const rerun = await importFile(file);
    expect(rerun.code).toBe(1); // bad rows were rejected
    const report = /read (\d+), inserted (\d+), duplicates (\d+), rejected (\d+)/.exec(rerun.output);
    expect(report).not.toBeNull();
    const [, read, inserted, duplicates, rejected] = (report as RegExpExecArray).map(Number);
    expect(read).toBe(ROWS);
    expect(rejected).toBe(expected.bad);
    expect(inserted + duplicates).toBe(expected.valid);

    const totals = await postGraphQL<{
      trafficStats: { offered: number; answered: number; avgTalkSeconds: number }[];
    }>(
      stack.gatewayUrl,
      `query($f: StatsFilter!) { trafficStats(filter: $f, granularity: TOTAL) { offered answered avgTalkSeconds } }`,
      { f: { from: '2026-06-01T00:00:00Z', to: '2026-06-30T00:00:00Z', queueCodes: ['KILL-Q'] } },
    );
    const [row] = totals.data?.trafficStats ?? [];
    expect(row.offered).toBe(expected.valid);
    expect(row.answered).toBe(expected.answered);
    expect(row.avgTalkSeconds * row.answered).toBeCloseTo(expected.talkSeconds, 3);
  }, 240_000);
});
