import { createHash } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import { addDays, EXTERNAL_METHOD, localDay } from '@switchboard/metrics';
import { badUserInput } from '@switchboard/server';
import {
  isTimeZone,
  isUuid,
  readCsvFile,
  type CsvFileOptions,
  type CsvSource,
  type RowProblem,
  type SubgraphContext,
} from '@switchboard/subgraph-kit';
import { CHANNELS } from '../volume/interval-volume.entity';
import { checkIntervalMinutes } from '../volume/volume-import.service';
import type { StoredForecastInterval } from './forecast-run.entity';

export const FORECAST_COLUMNS = [
  'queue',
  'channel',
  'interval_start',
  'offered',
  'aht',
  'p10',
  'p90',
  'source',
] as const;
const REQUIRED = ['queue', 'channel', 'interval_start', 'offered', 'source'] as const;
const FORECAST_CSV: CsvFileOptions = { columns: FORECAST_COLUMNS, maxRows: 500_000 };
/** z of the 10th/90th percentile: the Poisson band given to a row without p10/p90. */
const Z90 = 1.2815515655446004;

export interface ForecastImportResult {
  read: number;
  /** Forecast runs kept (one per queue and source in the file). */
  written: number;
  /** Runs the file holds that were already kept (the same intervals of the same source). */
  unchanged: number;
  rejected: number;
  applied: boolean;
  unknownColumns: string[];
  problems: RowProblem[];
  runIds: string[];
}

interface GoodRow {
  row: number;
  queue: string;
  source: string;
  start: number;
  offered: number;
  aht: number | null;
  p10: number;
  p90: number;
}

const INSERT = `insert into wfm_forecast_run (id, queue_id, from_date, to_date, interval_minutes, time_zone, method,
    forecastable, reason, intervals, source, digest, created_by, created_at)
  select gen_random_uuid(), r.queue_id, r.from_date, r.to_date, ?, ?, '${EXTERNAL_METHOD}', true, null, r.intervals,
    r.source, r.digest, ?, now()
  from json_to_recordset(?::json) as r(queue_id uuid, from_date date, to_date date, intervals jsonb, source text, digest text)
  on conflict (queue_id, source, digest) do nothing
  returning id`;

const KEPT = `select id from wfm_forecast_run r
  join json_to_recordset(?::json) as k(queue_id uuid, source text, digest text)
    on r.queue_id = k.queue_id and r.source = k.source and r.digest = k.digest`;

function number(cell: string | undefined): number | null {
  return cell === undefined || cell.trim() === '' ? null : Number(cell);
}

/**
 * Imports the forecasts a bank made in another WFM tool (queue id, channel, interval start
 * ISO-8601 with its offset, offered forecast, optional AHT, p10 and p90, the source's name): each
 * row checked (queue known to traffic through the gateway in one batched lookup, channel, start on
 * the interval grid, numbers ≥ 0, p10 ≤ offered ≤ p90, each interval once per queue, channel and
 * source); kept as one forecast run of method EXTERNAL per queue and source (channels summed, as
 * the history is), in one statement, or nothing when a row is bad (unless skipInvalidRows).
 * Importing the same file again keeps nothing new.
 */
export class ForecastImportService {
  constructor(
    private readonly em: EntityManager,
    private readonly ctx: Pick<SubgraphContext, 'knownReferences'> & { identity: { subject: string } },
  ) {}

  async import(
    file: CsvSource,
    options: { intervalMinutes: number; timeZone: string; skipInvalidRows: boolean; dryRun: boolean },
  ): Promise<ForecastImportResult> {
    checkIntervalMinutes(options.intervalMinutes);
    if (!isTimeZone(options.timeZone))
      throw badUserInput({ field: 'timeZone', message: `"${options.timeZone}" is not an IANA time zone` });
    const csv = await readCsvFile(file, FORECAST_CSV);
    const problems: RowProblem[] = csv.rejected.map((r) => ({
      row: r.line,
      employeeNo: null,
      field: r.field ?? 'csv',
      message: r.reason,
    }));
    const missing = REQUIRED.filter((c) => !csv.header.has(c));
    if (missing.length)
      throw badUserInput({ field: 'csv', message: `the header has no ${missing.join(', ')} column` });
    const step = options.intervalMinutes * 60_000;
    const rows: GoodRow[] = [];
    const keys = new Map<string, number>();
    for (const record of csv.records) {
      const c = record.cells;
      const problem = (field: string, message: string) =>
        problems.push({ row: record.line, employeeNo: null, field, message });
      const start = Date.parse(c.interval_start);
      const offered = number(c.offered);
      const aht = number(c.aht);
      const p10 = number(c.p10);
      const p90 = number(c.p90);
      const source = (c.source ?? '').trim();
      const bad = (v: number | null) => v !== null && !(Number.isFinite(v) && v >= 0);
      if (!isUuid(c.queue)) problem('queue', `"${c.queue}" is not a queue id`);
      else if (!(CHANNELS as readonly string[]).includes(c.channel.toUpperCase()))
        problem('channel', `unknown channel "${c.channel}"`);
      else if (!/T\d{2}:\d{2}/.test(c.interval_start) || Number.isNaN(start))
        problem('interval_start', `"${c.interval_start}" is not an ISO-8601 time`);
      else if (start % step !== 0)
        problem('interval_start', `is not on the ${options.intervalMinutes}-minute grid`);
      else if (offered === null || bad(offered))
        problem('offered', `"${c.offered}" is not a number of contacts of 0 or more`);
      else if (bad(aht)) problem('aht', `"${c.aht}" is not a number of seconds of 0 or more`);
      else if (bad(p10)) problem('p10', `"${c.p10}" is not a number of 0 or more`);
      else if (bad(p90)) problem('p90', `"${c.p90}" is not a number of 0 or more`);
      else if ((p10 === null) !== (p90 === null))
        problem(p10 === null ? 'p10' : 'p90', 'p10 and p90 go together');
      else if (p10 !== null && p90 !== null && p10 > p90) problem('p10', `p10 ${p10} is above p90 ${p90}`);
      else if (p10 !== null && p90 !== null && (offered < p10 || offered > p90))
        problem('offered', `${offered} is not between p10 ${p10} and p90 ${p90}`);
      else if (!source || source.length > 100)
        problem('source', 'must name the source tool (1 to 100 characters)');
      else {
        const queue = c.queue.toLowerCase();
        const key = JSON.stringify([queue, c.channel.toUpperCase(), start, source]);
        const earlier = keys.get(key);
        if (earlier !== undefined) problem('interval_start', `the same interval as line ${earlier}`);
        else {
          keys.set(key, record.line);
          const spread = Z90 * Math.sqrt(offered);
          rows.push({
            row: record.line,
            queue,
            source,
            start,
            offered,
            aht,
            p10: p10 ?? Math.max(0, offered - spread),
            p90: p90 ?? offered + spread,
          });
        }
      }
    }
    const known = await this.ctx.knownReferences(
      'queue',
      rows.map((r) => r.queue),
    );
    const good = rows.filter((r) => {
      if (known.has(r.queue)) return true;
      problems.push({ row: r.row, employeeNo: null, field: 'queue', message: `unknown queue ${r.queue}` });
      return false;
    });
    problems.sort((a, b) => a.row - b.row);
    const runs = this.runs(good, options.timeZone, options.intervalMinutes);
    const apply = !options.dryRun && (problems.length === 0 || options.skipInvalidRows);
    let written: { id: string }[] = [];
    let kept: { id: string }[] = [];
    if (apply && runs.length) {
      written = await this.em.execute<{ id: string }[]>(INSERT, [
        options.intervalMinutes,
        options.timeZone,
        this.ctx.identity.subject,
        JSON.stringify(runs),
      ]);
      kept = await this.em.execute<{ id: string }[]>(KEPT, [
        JSON.stringify(runs.map(({ queue_id, source, digest }) => ({ queue_id, source, digest }))),
      ]);
    }
    return {
      read: csv.records.length + csv.rejected.length,
      written: written.length,
      unchanged: apply ? runs.length - written.length : 0,
      rejected: new Set(problems.map((p) => p.row)).size,
      applied: apply,
      unknownColumns: csv.unknownColumns,
      problems,
      runIds: kept.map((k) => k.id),
    };
  }

  /** One run per queue and source: channels summed per interval (AHT weighted by offered). */
  private runs(rows: readonly GoodRow[], timeZone: string, intervalMinutes: number) {
    const groups = new Map<string, GoodRow[]>();
    for (const r of rows) {
      const key = JSON.stringify([r.queue, r.source]);
      const list = groups.get(key);
      if (list) list.push(r);
      else groups.set(key, [r]);
    }
    return [...groups.values()].map((list) => {
      const byStart = new Map<
        number,
        { offered: number; p10: number; p90: number; handle: number; weight: number }
      >();
      for (const r of list) {
        const i = byStart.get(r.start) ?? { offered: 0, p10: 0, p90: 0, handle: 0, weight: 0 };
        i.offered += r.offered;
        i.p10 += r.p10;
        i.p90 += r.p90;
        if (r.aht !== null) {
          i.handle += r.aht * Math.max(r.offered, 1e-9);
          i.weight += Math.max(r.offered, 1e-9);
        }
        byStart.set(r.start, i);
      }
      const starts = [...byStart.keys()].sort((a, b) => a - b);
      const intervals: StoredForecastInterval[] = starts.map((start) => {
        const i = byStart.get(start) as {
          offered: number;
          p10: number;
          p90: number;
          handle: number;
          weight: number;
        };
        return {
          intervalStart: new Date(start).toISOString(),
          offered: i.offered,
          p10: i.p10,
          p90: i.p90,
          ahtSeconds: i.weight > 0 ? i.handle / i.weight : null,
        };
      });
      const digest = createHash('sha256')
        .update(JSON.stringify([intervalMinutes, timeZone, intervals]))
        .digest('hex');
      return {
        queue_id: list[0].queue,
        source: list[0].source,
        from_date: localDay(new Date(starts[0]), timeZone),
        to_date: addDays(localDay(new Date(starts[starts.length - 1]), timeZone), 1),
        intervals,
        digest,
      };
    });
  }
}
