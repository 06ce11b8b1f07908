import type { EntityManager } from '@mikro-orm/postgresql';
import { badUserInput } from '@switchboard/server';
import {
  isUuid,
  readCsvFile,
  type CsvFileOptions,
  type CsvSource,
  type RowProblem,
  type SubgraphContext,
} from '@switchboard/subgraph-kit';
import { CHANNELS } from './interval-volume.entity';

export const VOLUME_COLUMNS = ['queue', 'channel', 'interval_start', 'offered', 'aht'] as const;
const VOLUME_CSV: CsvFileOptions = { columns: VOLUME_COLUMNS, maxRows: 500_000 };

export interface VolumeImportResult {
  read: number;
  /** Intervals written (new or replaced). */
  written: number;
  rejected: number;
  applied: boolean;
  unknownColumns: string[];
  problems: RowProblem[];
}

const UPSERT = `insert into wfm_interval_volume (queue_id, channel, interval_start, interval_minutes, offered, aht_seconds, source)
  select v.queue_id, v.channel, v.interval_start, ?, v.offered, v.aht_seconds, 'IMPORT'
  from json_to_recordset(?::json) as v(queue_id uuid, channel text, interval_start timestamptz, offered int, aht_seconds float8)
  on conflict (queue_id, channel, interval_start) do update
    set interval_minutes = excluded.interval_minutes, offered = excluded.offered, aht_seconds = excluded.aht_seconds,
        source = excluded.source
    where (wfm_interval_volume.interval_minutes, wfm_interval_volume.offered, wfm_interval_volume.aht_seconds)
      is distinct from (excluded.interval_minutes, excluded.offered, excluded.aht_seconds)`;

/** The interval lengths a history may have: they divide an hour. */
export function checkIntervalMinutes(minutes: number, field = 'intervalMinutes'): void {
  if (!(Number.isInteger(minutes) && minutes > 0 && minutes <= 60 && 60 % minutes === 0))
    throw badUserInput({ field, message: 'must divide 60 (5, 10, 15, 20, 30 or 60)' });
}

/**
 * Imports interval history as a bank moving from another WFM tool brings it (queue id, channel,
 * interval start ISO-8601 with its offset, offered, AHT seconds): each row checked (queue known to
 * traffic through the gateway in one batched lookup, channel, start on an interval boundary,
 * offered a whole number ≥ 0, AHT ≥ 0), all written in one statement, or nothing when a row is bad
 * (unless skipInvalidRows). Re-importing a file changes nothing.
 */
export class VolumeImportService {
  constructor(
    private readonly em: EntityManager,
    private readonly ctx: Pick<SubgraphContext, 'knownReferences'>,
  ) {}

  async import(
    file: CsvSource,
    options: { intervalMinutes: number; skipInvalidRows: boolean; dryRun: boolean },
  ): Promise<VolumeImportResult> {
    checkIntervalMinutes(options.intervalMinutes);
    const csv = await readCsvFile(file, VOLUME_CSV);
    const problems: RowProblem[] = csv.rejected.map((r) => ({
      row: r.line,
      employeeNo: null,
      field: r.field ?? 'csv',
      message: r.reason,
    }));
    const missing = VOLUME_COLUMNS.filter((c) => !csv.header.has(c) && c !== 'aht');
    if (missing.length)
      throw badUserInput({ field: 'csv', message: `the header has no ${missing.join(', ')} column` });
    const rows: {
      row: number;
      queue_id: string;
      channel: string;
      interval_start: string;
      offered: number;
      aht_seconds: number | null;
    }[] = [];
    const keys = new Map<string, number>();
    for (const record of csv.records) {
      const c = record.cells;
      const problem = (field: string, message: string) =>
        problems.push({ row: record.line, employeeNo: null, field, message });
      const start = Date.parse(c.interval_start);
      const offered = Number(c.offered);
      const aht = c.aht === '' || c.aht === undefined ? null : Number(c.aht);
      if (!isUuid(c.queue)) problem('queue', `"${c.queue}" is not a queue id`);
      else if (!(CHANNELS as readonly string[]).includes(c.channel.toUpperCase()))
        problem('channel', `unknown channel "${c.channel}"`);
      else if (!/T\d{2}:\d{2}/.test(c.interval_start) || Number.isNaN(start))
        problem('interval_start', `"${c.interval_start}" is not an ISO-8601 time`);
      else if (start % (options.intervalMinutes * 60_000) !== 0)
        problem('interval_start', `is not on a ${options.intervalMinutes}-minute boundary`);
      else if (c.offered === '' || !Number.isInteger(offered) || offered < 0)
        problem('offered', `"${c.offered}" is not a whole number of 0 or more`);
      else if (aht !== null && !(Number.isFinite(aht) && aht >= 0))
        problem('aht', `"${c.aht}" is not a number of seconds of 0 or more`);
      else {
        const key = JSON.stringify([c.queue.toLowerCase(), c.channel.toUpperCase(), start]);
        const earlier = keys.get(key);
        if (earlier !== undefined) problem('interval_start', `the same interval as line ${earlier}`);
        else {
          keys.set(key, record.line);
          rows.push({
            row: record.line,
            queue_id: c.queue.toLowerCase(),
            channel: c.channel.toUpperCase(),
            interval_start: new Date(start).toISOString(),
            offered,
            aht_seconds: aht,
          });
        }
      }
    }
    const known = await this.ctx.knownReferences(
      'queue',
      rows.map((r) => r.queue_id),
    );
    const good = rows.filter((r) => {
      if (known.has(r.queue_id)) return true;
      problems.push({ row: r.row, employeeNo: null, field: 'queue', message: `unknown queue ${r.queue_id}` });
      return false;
    });
    problems.sort((a, b) => a.row - b.row);
    const apply = !options.dryRun && (problems.length === 0 || options.skipInvalidRows);
    if (apply && good.length) {
      await this.em.execute(UPSERT, [
        options.intervalMinutes,
        JSON.stringify(good.map(({ row: _row, ...r }) => r)),
      ]);
    }
    return {
      read: csv.records.length + csv.rejected.length,
      written: apply ? good.length : 0,
      rejected: new Set(problems.map((p) => p.row)).size,
      applied: apply,
      unknownColumns: csv.unknownColumns,
      problems,
    };
  }
}

const UPSERT_TRAFFIC = UPSERT.replace("'IMPORT'", "'TRAFFIC'");

/**
 * Writes traffic's interval volumes (fetched through the gateway) as history, in one statement:
 * re-reading a period replaces its intervals, or changes nothing when traffic says the same.
 */
export async function writeTrafficVolumes(
  em: EntityManager,
  intervalMinutes: number,
  rows: readonly {
    intervalStart: string;
    queueId: string | null;
    channel: string | null;
    offered: number;
    ahtSeconds: number | null;
  }[],
): Promise<number> {
  const kept = rows.filter((r) => r.queueId && r.channel);
  if (!kept.length) return 0;
  await em.execute(UPSERT_TRAFFIC, [
    intervalMinutes,
    JSON.stringify(
      kept.map((r) => ({
        queue_id: r.queueId?.toLowerCase(),
        channel: r.channel,
        interval_start: r.intervalStart,
        offered: r.offered,
        aht_seconds: r.ahtSeconds,
      })),
    ),
  ]);
  return kept.length;
}
