import { once } from 'node:events';
import { createWriteStream, type WriteStream } from 'node:fs';
import type { Client } from 'pg';
import { seededRandom } from '@switchboard/demo';
import { formatCount, progress, progressDone } from './measurement';

export const BENCH_SOURCE = 'bench-acd';

/** The canonical contact file columns (import side). */
export const CANONICAL_HEADER =
  'source,external_id,channel,direction,queue,agent,customer_key,arrived_at,answered_at,ended_at,hold_seconds,acw_seconds,outcome,transferred,wrapup_code';

/** The same rows in the `contact` table's own columns (plain-COPY side): queue_id instead of queue. */
export const TABLE_COLUMNS =
  'source, external_id, channel, direction, queue_id, agent, customer_key, arrived_at, answered_at, ended_at, hold_seconds, acw_seconds, outcome, transferred, wrapup_code';

export interface BenchQueue {
  id: string;
  code: string;
  channel: 'VOICE' | 'CHAT';
  /** Share of the traffic, relative: a few big queues and a long tail, as in a bank. */
  weight: number;
}

export interface ContactGeneration {
  rows: number;
  days: number;
  queues: number;
  /** Local midnight of the first day. */
  start: Date;
  /** Offset of the centre's clock from UTC, for the daily curve. */
  utcOffsetMinutes?: number;
  seed?: number;
}

export type Layout = 'canonical' | 'table';

/** Some contacts, as lines of each requested layout. */
export interface ContactChunk extends Partial<Record<Layout, string>> {
  rows: number;
}

/** Queues with fixed ids, so both sides of a comparison resolve queue codes alike. */
export function benchQueues(count: number): BenchQueue[] {
  return Array.from({ length: count }, (_, i) => ({
    id: `00000000-0000-4000-8000-${String(i + 1).padStart(12, '0')}`,
    code: `Q${String(i + 1).padStart(3, '0')}`,
    channel: i % 4 === 3 ? 'CHAT' : 'VOICE',
    weight: 1 / (i + 1) ** 0.7,
  }));
}

export async function insertBenchQueues(client: Client, queues: readonly BenchQueue[]): Promise<void> {
  await client.query(
    `insert into queue (id, code, name, channel, created_at)
     select id, code, 'Bench ' || code, channel::channel, now()
     from unnest($1::uuid[], $2::text[], $3::text[]) as q(id, code, channel)`,
    [queues.map((q) => q.id), queues.map((q) => q.code), queues.map((q) => q.channel)],
  );
}

/** Relative contact volume by local hour: quiet nights, a morning and an afternoon peak. */
const HOURLY = [
  0.08, 0.05, 0.04, 0.04, 0.05, 0.1, 0.3, 0.7, 1.3, 1.9, 2.1, 2.0, 1.6, 1.7, 2.0, 1.9, 1.7, 1.4, 1.1, 0.9,
  0.7, 0.5, 0.3, 0.15,
];
/** Shift starts (local hour) and their share of agents; shifts last 8 hours. */
const SHIFTS: [number, number][] = [
  [0, 0.03],
  [6, 0.1],
  [8, 0.25],
  [9, 0.2],
  [11, 0.15],
  [13, 0.15],
  [15, 0.12],
];
const WRAPUP_CODES = ['BALANCE', 'CARD_BLOCK', 'LOAN', 'DISPUTE', 'ADDRESS', 'OTHER'];

const pickWeighted = (cumulative: readonly number[], u: number): number => {
  const target = u * cumulative[cumulative.length - 1];
  let i = 0;
  while (cumulative[i] <= target && i < cumulative.length - 1) i += 1;
  return i;
};

const cumulate = (weights: readonly number[]): number[] => {
  let sum = 0;
  return weights.map((w) => (sum += w));
};

/** Agents with a home queue and a shift; for each queue and local hour, the ones on shift. */
function agentRoster(random: () => number, queues: readonly BenchQueue[], agents: number): string[][][] {
  const queueCumulative = cumulate(queues.map((q) => q.weight));
  const shiftCumulative = cumulate(SHIFTS.map(([, share]) => share));
  const onShift = queues.map(() => Array.from({ length: 24 }, (): string[] => []));
  for (let a = 0; a < agents; a += 1) {
    const employeeNo = `E${String(100_000 + a)}`;
    const queue = a < queues.length ? a : pickWeighted(queueCumulative, random());
    const [startHour] = SHIFTS[pickWeighted(shiftCumulative, random())];
    for (let h = 0; h < 8; h += 1) onShift[queue][(startHour + h) % 24].push(employeeNo);
  }
  // A queue hour nobody is rostered for is covered by the queue's whole team.
  for (const hours of onShift) {
    const team = [...new Set(hours.flat())];
    for (let h = 0; h < 24; h += 1) if (hours[h].length === 0) hours[h] = team;
  }
  return onShift;
}

const iso = (ms: number): string => new Date(ms).toISOString();
/** -ln(u): exponential with mean 1 (u in (0, 1]). */
const expo = (random: () => number): number => -Math.log(1 - random());

/**
 * Deterministic contacts, in arrival order by 15-minute interval, yielded in chunks of lines per
 * requested layout. About 86% answered (3% of all are outbound), 8% abandoned, 5% IVR (no queue),
 * 0.5% callback; the daily curve follows the centre's clock, weekends are quieter.
 */
export function* contactChunks(
  options: ContactGeneration,
  layouts: readonly Layout[],
  chunkRows = 2_000,
): Generator<ContactChunk> {
  const random = seededRandom(options.seed ?? 20261001);
  const queues = benchQueues(options.queues);
  const queueCumulative = cumulate(queues.map((q) => q.weight));
  // About 80 contacts per agent and day.
  const agents = Math.max(options.queues * 4, Math.ceil(options.rows / options.days / 80));
  const roster = agentRoster(random, queues, agents);
  const customers = Math.max(1_000, Math.floor(options.rows / 3));
  const offsetMs = (options.utcOffsetMinutes ?? 0) * 60_000;
  const slots = options.days * 96;
  const slotWeights = Array.from({ length: slots }, (_, s) => {
    const day = new Date(options.start.getTime() + offsetMs + s * 900_000).getUTCDay();
    return HOURLY[Math.floor((s % 96) / 4)] * (day === 0 || day === 6 ? 0.55 : 1);
  });
  const totalWeight = slotWeights.reduce((a, b) => a + b, 0);
  const wantCanonical = layouts.includes('canonical');
  const wantTable = layouts.includes('table');
  let canonical: string[] = [];
  let tableRows: string[] = [];
  let inChunk = 0;
  const chunk = (): ContactChunk => {
    const lines = {
      rows: inChunk,
      ...(wantCanonical ? { canonical: canonical.join('') } : {}),
      ...(wantTable ? { table: tableRows.join('') } : {}),
    };
    canonical = [];
    tableRows = [];
    inChunk = 0;
    return lines;
  };
  let cumulativeWeight = 0;
  let produced = 0;
  for (let s = 0; s < slots; s += 1) {
    cumulativeWeight += slotWeights[s];
    const upTo = Math.round((options.rows * cumulativeWeight) / totalWeight);
    const slotStart = options.start.getTime() + s * 900_000;
    const hour = Math.floor((s % 96) / 4);
    for (; produced < upTo; produced += 1) {
      const queueIndex = pickWeighted(queueCumulative, random());
      const queue = queues[queueIndex];
      const arrived = slotStart + Math.floor(random() * 900) * 1000;
      const r = random();
      const outbound = r < 0.03;
      const outcome =
        r < 0.03
          ? 'ANSWERED'
          : r < 0.08
            ? 'IVR'
            : r < 0.16
              ? 'ABANDONED'
              : r < 0.165
                ? 'CALLBACK'
                : 'ANSWERED';
      const ivr = outcome === 'IVR';
      let answered = '';
      let ended: number;
      let agent = '';
      let hold = 0;
      let acw = 0;
      let transferred = false;
      let wrapup = '';
      if (outcome === 'ANSWERED') {
        const team = roster[queueIndex][hour];
        agent = team[Math.floor(random() * team.length)];
        const wait = outbound ? Math.floor(random() * 20) : Math.min(900, Math.round(expo(random) * 22));
        const talk = 30 + Math.round(expo(random) * 210);
        hold = random() < 0.25 ? 5 + Math.round(expo(random) * 40) : 0;
        acw = 5 + Math.round(expo(random) * 25);
        transferred = random() < 0.05;
        wrapup = WRAPUP_CODES[Math.floor(random() * WRAPUP_CODES.length)];
        answered = iso(arrived + wait * 1000);
        ended = arrived + (wait + talk + hold) * 1000;
      } else {
        ended = arrived + (ivr ? 20 + Math.floor(random() * 150) : 1 + Math.round(expo(random) * 50)) * 1000;
      }
      const externalId = `C${String(produced + 1).padStart(10, '0')}`;
      const channel = ivr ? 'VOICE' : queue.channel;
      const customer = `K${Math.floor(random() * customers)}`;
      const head = `${BENCH_SOURCE},${externalId},${channel},${outbound ? 'OUTBOUND' : 'INBOUND'},`;
      const tail = `,${agent},${customer},${iso(arrived)},${answered},${iso(ended)},${hold},${acw},${outcome},${transferred},${wrapup}\n`;
      if (wantCanonical) canonical.push(`${head}${ivr ? '' : queue.code}${tail}`);
      if (wantTable) tableRows.push(`${head}${ivr ? '' : queue.id}${tail}`);
      if (++inChunk >= chunkRows) yield chunk();
    }
  }
  if (inChunk > 0) yield chunk();
}

async function write(stream: WriteStream, text: string): Promise<void> {
  if (!stream.write(text)) await once(stream, 'drain');
}

/** Streams the contacts to one file per layout (with its header), with backpressure and progress. */
export async function writeContactFiles(
  options: ContactGeneration,
  paths: Partial<Record<Layout, string>>,
): Promise<void> {
  const layouts = (Object.keys(paths) as Layout[]).filter((l) => paths[l]);
  const streams = new Map(layouts.map((l) => [l, createWriteStream(paths[l] as string)]));
  const headers: Record<Layout, string> = {
    canonical: CANONICAL_HEADER,
    table: TABLE_COLUMNS.replace(/ /g, ''),
  };
  for (const [layout, stream] of streams) await write(stream, `${headers[layout]}\n`);
  let written = 0;
  let reported = 0;
  for (const chunk of contactChunks(options, layouts)) {
    for (const [layout, stream] of streams) await write(stream, chunk[layout] ?? '');
    written += chunk.rows;
    if (written - reported >= options.rows / 10) {
      progress(`generated ${formatCount(written)} of ${formatCount(options.rows)} contacts`);
      reported = written;
    }
  }
  progressDone();
  await Promise.all([...streams.values()].map((s) => new Promise((done) => s.end(done))));
}
