// First: sets NODE_ENV before GraphQL and Apollo load.
import './production-mode';
import { execSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { parseArgs } from 'node:util';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Client } from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { createOrm } from '@switchboard/db';
import { authorizationFor, ensureTestKeys } from '@switchboard/testing';
// The bench builds the rollup with voc's own statement (voc's benchmarking entry).
import {
  rebuildSurveyRollup,
  SurveyStatsService,
  surveyStatsStatement,
  vocDatabase,
  type SurveyGroup,
} from '@switchboard/voc/bench';
import { startBenchStack } from './bench-stack';
import { describeSetup, startBenchCluster, withClient } from './bench-cluster';
import {
  formatCount,
  formatMs,
  max,
  median,
  min,
  percentile,
  profiled,
  progress,
  progressDone,
  table,
  timed,
  verdict,
} from './measurement';

const GOAL_MS = 300;
const { values: args } = parseArgs({
  options: {
    responses: { type: 'string', default: '5000000' },
    agents: { type: 'string', default: '1000' },
    runs: { type: 'string', default: '9' },
    warmup: { type: 'string', default: '2' },
    raw: { type: 'boolean', default: false },
    explain: { type: 'boolean', default: false },
    /** A directory: the goal case's timed runs at voc and through the gateway profiled (.cpuprofile). */
    profile: { type: 'string' },
  },
});
const RESPONSES = Number(args.responses);
const AGENTS = Number(args.agents);
const RUNS = Number(args.runs);
const WARMUP = Number(args.warmup);
const YEAR_START = Date.UTC(2026, 0, 1);
const YEAR_MS = Date.UTC(2027, 0, 1) - YEAR_START;
const CENTERS = 4;
const TEAM_SIZE = 25;
const QUEUES = ['CARDS', 'LOANS', 'FRAUD', 'DEBIT', 'VIP', 'ONLINE'];
/** One unanswered invitation (SENT, EXPIRED or OPTED_OUT) for every UNANSWERED_EVERY responses. */
const UNANSWERED_EVERY = 4;

const hex = (n: number, width: number): string => n.toString(16).padStart(width, '0');
const uuid = (kind: number, i: number): string => `${hex(kind, 8)}-0000-4000-8000-${hex(i, 12)}`;
const centerId = (c: number): string => uuid(0xc0, c);
const teamId = (t: number): string => uuid(0x7e, t);

/** Deterministic spread: the i-th response's agent, queue, kind, score and arrival. */
function responseOf(i: number) {
  const mix = (i * 2654435761) >>> 0;
  const agent = mix % AGENTS;
  const team = Math.floor(agent / TEAM_SIZE);
  const center = team % CENTERS;
  const queue = QUEUES[(agent + ((mix >>> 12) % 2)) % QUEUES.length];
  const kindPick = (mix >>> 8) % 10;
  const kind = kindPick < 6 ? 'CSAT' : kindPick < 9 ? 'NPS' : 'CES';
  const score =
    kind === 'CSAT' ? 1 + ((mix >>> 4) % 5) : kind === 'NPS' ? (mix >>> 4) % 11 : 1 + ((mix >>> 4) % 7);
  const arrived = new Date(YEAR_START + Math.floor((i / RESPONSES) * YEAR_MS));
  return { agent: `B${hex(agent, 5)}`, team, center, queue, kind, score, arrived };
}

const RESPONSE_COLUMNS =
  'id, invitation_id, kind, score, top_box, verbatim, answered_at, center_id, team_id, agent_employee_no, queue_code, contact_arrived_at, created_at';
const INVITATION_COLUMNS =
  'id, invitation_key, form_id, center_id, team_id, contact_source, contact_external_id, contact_arrived_at, contact_ended_at, agent_employee_no, queue_code, sent_at, status, created_at';

function* responseLines(): Generator<string> {
  let chunk = '';
  for (let i = 0; i < RESPONSES; i++) {
    const r = responseOf(i);
    const at = r.arrived.toISOString();
    const answered = new Date(r.arrived.getTime() + 3_600_000).toISOString();
    const topBox = r.kind === 'CSAT' ? (r.score >= 4 ? 't' : 'f') : '';
    chunk += `${uuid(1, i)},${uuid(2, i)},${r.kind},${r.score},${topBox},,${answered},${centerId(r.center)},${teamId(r.team)},${r.agent},${r.queue},${at},${answered}\n`;
    if (i % 5000 === 4999) {
      if (i % 1_000_000 === 999_999)
        progress(`responses: ${formatCount(i + 1)} of ${formatCount(RESPONSES)}`);
      yield chunk;
      chunk = '';
    }
  }
  if (chunk) yield chunk;
}

function* invitationLines(): Generator<string> {
  const form = uuid(3, 0);
  let chunk = '';
  const line = (id: string, key: string, i: number, status: string): string => {
    const r = responseOf(i);
    const at = r.arrived.toISOString();
    const ended = new Date(r.arrived.getTime() + 300_000).toISOString();
    return `${id},${key},${form},${centerId(r.center)},${teamId(r.team)},pbx,c${i},${at},${ended},${r.agent},${r.queue},${ended},${status},${ended}\n`;
  };
  for (let i = 0; i < RESPONSES; i++) {
    chunk += line(uuid(2, i), `inv-${i}`, i, 'FINISHED');
    if (i % UNANSWERED_EVERY === 0)
      chunk += line(uuid(4, i), `open-${i}`, i, ['SENT', 'EXPIRED', 'OPTED_OUT'][(i >>> 2) % 3]);
    if (i % 5000 === 4999) {
      if (i % 1_000_000 === 999_999)
        progress(`invitations: ${formatCount(i + 1)} of ${formatCount(RESPONSES)}`);
      yield chunk;
      chunk = '';
    }
  }
  if (chunk) yield chunk;
}

/** COPY both tables (plain indexes dropped for the load, rebuilt after), then voc's rollup build. */
async function load(client: Client, url: string): Promise<string[][]> {
  const phases: string[][] = [];
  const phase = async (label: string, work: () => Promise<unknown>): Promise<void> => {
    phases.push([label, formatMs((await timed(work)).ms)]);
  };
  await client.query(`set maintenance_work_mem = '512MB'`);
  const indexes = await client.query<{ name: string; def: string }>(
    `select i.indexname as name, i.indexdef as def from pg_indexes i
     where i.tablename in ('voc_survey_response', 'voc_survey_invitation')
       and not exists (select 1 from pg_constraint c where c.conname = i.indexname)`,
  );
  for (const index of indexes.rows) await client.query(`drop index ${index.name}`);
  await phase('generate + COPY responses', () =>
    pipeline(
      Readable.from(responseLines()),
      client.query(copyFrom(`copy voc_survey_response (${RESPONSE_COLUMNS}) from stdin (format csv)`)),
    ),
  );
  await phase('generate + COPY invitations', () =>
    pipeline(
      Readable.from(invitationLines()),
      client.query(copyFrom(`copy voc_survey_invitation (${INVITATION_COLUMNS}) from stdin (format csv)`)),
    ),
  );
  progressDone();
  await phase('rebuild indexes', async () => {
    for (const index of indexes.rows) await client.query(index.def);
  });
  await phase("build the rollup (voc's rebuildSurveyRollup)", async () => {
    const orm = await createOrm({ ...vocDatabase, clientUrl: url });
    try {
      await rebuildSurveyRollup(orm.em.fork() as EntityManager);
    } finally {
      await orm.close();
    }
  });
  await phase('vacuum analyze', () =>
    client.query('vacuum analyze voc_survey_response, voc_survey_invitation, voc_survey_rollup'),
  );
  return phases;
}

const EVERY_FIELD = `agentEmployeeNo teamId centerId queueCode month insufficientSample rank optedOut
    csat { value n low high } nps { value n low high marginOfError } ces { value n low high }
    responseRate { value n low high }`;
/** What a ranking page shows: the agent, the month, the rank and CSAT / NPS with n and interval. */
const RANKING_FIELDS = `agentEmployeeNo month insufficientSample rank csat { value n low high } nps { value n marginOfError }`;
interface Case {
  label: string;
  /** The selection; default: every field of SurveyStats. */
  fields?: string;
  groupBy: string[];
  from: string;
  to: string;
}

const CASES: Case[] = [
  {
    label: 'year 2026, AGENT × MONTH (the goal)',
    groupBy: ['AGENT', 'MONTH'],
    from: '2026-01-01T00:00:00Z',
    to: '2027-01-01T00:00:00Z',
  },
  {
    label: 'year 2026, AGENT × MONTH, a ranking page’s fields',
    groupBy: ['AGENT', 'MONTH'],
    from: '2026-01-01T00:00:00Z',
    to: '2027-01-01T00:00:00Z',
    fields: RANKING_FIELDS,
  },
  {
    label: 'year 2026, TEAM × MONTH',
    groupBy: ['TEAM', 'MONTH'],
    from: '2026-01-01T00:00:00Z',
    to: '2027-01-01T00:00:00Z',
  },
  {
    label: 'Q2, AGENT × MONTH',
    groupBy: ['AGENT', 'MONTH'],
    from: '2026-04-01T00:00:00Z',
    to: '2026-07-01T00:00:00Z',
  },
  {
    label: '03-15 06:30 → 09-20 18:00, AGENT × MONTH (raw edges + days + months)',
    groupBy: ['AGENT', 'MONTH'],
    from: '2026-03-15T06:30:00Z',
    to: '2026-09-20T18:00:00Z',
  },
  {
    label: 'November, CENTER × QUEUE',
    groupBy: ['CENTER', 'QUEUE'],
    from: '2026-11-01T00:00:00Z',
    to: '2026-12-01T00:00:00Z',
  },
  {
    label: 'one day (raw), AGENT',
    groupBy: ['AGENT'],
    from: '2026-06-10T00:00:00Z',
    to: '2026-06-11T00:00:00Z',
  },
];

const query = (c: Case): string => `query($g: [SurveyGroup!]!, $from: DateTimeISO!, $to: DateTimeISO!) {
  surveyStats(groupBy: $g, from: $from, to: $to) { ${c.fields ?? EVERY_FIELD} } }`;

/** CPU time (user + system, ms) this process has used: the bench, voc and the gateway run in it. */
const nodeCpuMs = (): number => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};

/** CPU time (ms) a PostgreSQL backend has used, from /proc (clock ticks, 10 ms each). */
function backendCpuMs(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return (Number(fields[11]) + Number(fields[12])) * 10; // utime, stime (fields 14 and 15 of stat)
}

/** knex's `?` placeholders as PostgreSQL's `$n` (the statement has no `?` inside literals). */
const numbered = (sql: string): string => {
  let n = 0;
  return sql.replace(/\?/g, () => `$${++n}`);
};

async function post(url: string, c: Case): Promise<number> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(await authorizationFor(url)) },
    body: JSON.stringify({ query: query(c), variables: { g: c.groupBy, from: c.from, to: c.to } }),
  });
  const body = (await response.json()) as { data?: { surveyStats: unknown[] } | null; errors?: unknown[] };
  if (!body.data) throw new Error(`surveyStats failed: ${JSON.stringify(body.errors)}`);
  return body.data.surveyStats.length;
}

async function measure(
  url: string,
  c: Case,
  profileAs?: string,
): Promise<{ ms: number[]; cpu: number[]; rows: number }> {
  for (let i = 0; i < WARMUP; i++) await post(url, c);
  return profiled(profileAs && args.profile, profileAs ?? '', () => timedRuns(url, c));
}

async function timedRuns(url: string, c: Case): Promise<{ ms: number[]; cpu: number[]; rows: number }> {
  const ms: number[] = [];
  const cpu: number[] = [];
  let rows = 0;
  for (let i = 0; i < RUNS; i++) {
    const before = nodeCpuMs();
    const run = await timed(() => post(url, c));
    cpu.push(nodeCpuMs() - before);
    ms.push(run.ms);
    rows = run.result;
  }
  return { ms, cpu, rows };
}

/**
 * `node tools/bin/run.js tools/bench/survey-stats.bench.ts [--responses 5000000 --runs 9 --raw --profile DIR]`:
 * A year of N survey responses (default 5,000,000; 1,000 agents in 40 teams of 4 centers, 6 queues)
 * and their invitations COPY-loaded into voc, the rollup built by voc's own statement, then
 * `surveyStats` over varied periods and groupings timed at the voc subgraph and through the gateway.
 */
async function main(): Promise<void> {
  process.env.LOG_LEVEL ??= 'warn';
  ensureTestKeys();
  const cluster = await startBenchCluster('switchboard-bench-survey-');
  const stops: (() => Promise<void>)[] = [];
  try {
    const stack = await startBenchStack(cluster);
    stops.push(stack.stop);
    const { urls } = stack;
    const gateway = { url: stack.gatewayUrl };
    const vocDb = cluster.url('bench_voc');
    await withClient(vocDb, async (client) => {
      const loading = await load(client, vocDb);
      const sizes = await client.query<{
        responses: string;
        invitations: string;
        days: string;
        months: string;
        agentMonths: string;
        megabytes: string;
      }>(
        `select (select count(*) from voc_survey_response) as responses, (select count(*) from voc_survey_invitation) as invitations,
           (select count(*) from voc_survey_rollup where grain = 'DAY') as days, (select count(*) from voc_survey_rollup where grain = 'MONTH') as months,
           (select count(*) from voc_survey_rollup where grain = 'AGENT_MONTH') as "agentMonths",
           round(pg_total_relation_size('voc_survey_rollup') / 1e6, 1) as megabytes`,
      );
      const s = sizes.rows[0];
      console.log(
        `\nsurveyStats over a year: ${formatCount(+s.responses)} responses, ${formatCount(+s.invitations)} invitations, ${AGENTS} agents`,
      );
      console.log(
        `rollup: ${formatCount(+s.days)} day rows, ${formatCount(+s.months)} month rows, ${formatCount(+s.agentMonths)} agent-month rows (${s.megabytes} MB with its indexes)`,
      );
      console.log(await describeSetup(vocDb));
      console.log(table(['load phase', 'time'], loading));
      const rows: string[][] = [];
      const cpuRows: string[][] = [];
      const backendPid = (await client.query<{ pid: number }>('select pg_backend_pid() as pid')).rows[0].pid;
      let goalMet = true;
      const orm = await createOrm({ ...vocDatabase, clientUrl: vocDb });
      stops.push(() => orm.close());
      for (const c of CASES) {
        // diagnostic: the statement alone (PostgreSQL and the driver), then voc's service (the statement
        // and the figures, no GraphQL, no HTTP): what is left at voc is GraphQL execution and HTTP
        const statement = surveyStatsStatement(c.groupBy as SurveyGroup[], new Date(c.from), new Date(c.to), {
          centerIds: null,
          employeeNos: null,
        });
        const sqlAlone = () => (orm.em.fork() as EntityManager).execute(statement.sql, statement.params);
        for (let i = 0; i < WARMUP; i++) await sqlAlone();
        const sqlMs: number[] = [];
        for (let i = 0; i < RUNS; i++) sqlMs.push((await timed(sqlAlone)).ms);
        if (args.explain && c === CASES[0]) {
          const plan = await client.query<{ 'QUERY PLAN': string }>(
            `explain (analyze, buffers) ${numbered(statement.sql)}`,
            statement.params,
          );
          console.log(
            `\n${c.label}: the statement's plan\n${plan.rows.map((r) => r['QUERY PLAN']).join('\n')}`,
          );
        }
        // the statement's CPU in PostgreSQL (its backend's own counters), which load does not inflate
        const pgCpu: number[] = [];
        for (let i = 0; i < RUNS; i++) {
          const before = backendCpuMs(backendPid);
          await client.query(numbered(statement.sql), statement.params);
          pgCpu.push(backendCpuMs(backendPid) - before);
        }
        rows.push([
          `${c.label} @ statement`,
          '',
          formatMs(median(sqlMs)),
          formatMs(percentile(sqlMs, 95)),
          `${formatMs(min(sqlMs))}–${formatMs(max(sqlMs))}`,
        ]);
        // diagnostic: voc's service alone (its SQL and the figures, no GraphQL, no HTTP)
        const service = () =>
          new SurveyStatsService(orm.em.fork() as EntityManager)
            .stats(
              c.groupBy as SurveyGroup[],
              new Date(c.from),
              new Date(c.to),
              { centerIds: null, employeeNos: null },
              'CSAT',
              30,
            )
            .then((r) => r.length);
        for (let i = 0; i < WARMUP; i++) await service();
        const alone: number[] = [];
        const serviceCpu: number[] = [];
        for (let i = 0; i < RUNS; i++) {
          const before = nodeCpuMs();
          alone.push((await timed(service)).ms);
          serviceCpu.push(nodeCpuMs() - before);
        }
        rows.push([
          `${c.label} @ service`,
          '',
          formatMs(median(alone)),
          formatMs(percentile(alone, 95)),
          `${formatMs(min(alone))}–${formatMs(max(alone))}`,
        ]);
        const direct = await measure(urls.voc, c, c === CASES[0] ? 'voc' : undefined);
        const through = await measure(gateway.url, c, c === CASES[0] ? 'gateway' : undefined);
        cpuRows.push([
          c.label,
          formatMs(median(pgCpu)),
          formatMs(median(serviceCpu)),
          formatMs(median(direct.cpu)),
          formatMs(median(through.cpu)),
        ]);
        if (c === CASES[0]) goalMet = median(direct.ms) < GOAL_MS && median(through.ms) < GOAL_MS;
        for (const [where, m] of [
          ['voc', direct],
          ['gateway', through],
        ] as const)
          rows.push([
            `${c.label} @ ${where}`,
            formatCount(m.rows),
            formatMs(median(m.ms)),
            formatMs(percentile(m.ms, 95)),
            `${formatMs(min(m.ms))}–${formatMs(max(m.ms))}`,
          ]);
      }
      console.log(
        `\n${RUNS} timed runs after ${WARMUP} warm-up, one request at a time, as ADMIN (every center)`,
      );
      console.log(table(['query', 'rows', 'median', 'p95', 'min–max'], rows));
      console.log(
        '\nCPU time per request (median, ms; what an idle machine would wait, without the queueing a loaded one adds):' +
          '\nPostgreSQL = the statement in its backend (10 ms ticks); service = voc building rows (its statement' +
          "\nincluded, the driver's parsing); node = this process for the whole request (voc, the gateway, the client)",
      );
      console.log(
        table(['query', 'PostgreSQL', 'service (node)', '@ voc (node)', '@ gateway (node)'], cpuRows),
      );
      if (args.raw) {
        // the same year's AGENT × MONTH aggregate straight from the raw rows, once: what the rollup saves
        const raw = await timed(() =>
          client.query(
            `select agent_employee_no, to_char(contact_arrived_at at time zone 'UTC', 'YYYY-MM'),
               count(*) filter (where kind = 'CSAT'), count(*) filter (where kind = 'CSAT' and top_box),
               count(*) filter (where kind = 'NPS'), count(*) filter (where kind = 'NPS' and score >= 9),
               count(*) filter (where kind = 'NPS' and score <= 6), count(*) filter (where kind = 'CES'), sum(score) filter (where kind = 'CES')
             from voc_survey_response where contact_arrived_at >= '2026-01-01' and contact_arrived_at < '2027-01-01' group by 1, 2`,
          ),
        );
        console.log(
          `\nreference: the year's AGENT × MONTH from raw responses only (no invitations), one run: ${formatMs(raw.ms)}`,
        );
      }
      console.log(
        `\ngoal: year × AGENT × MONTH under ${GOAL_MS} ms at the subgraph and through the gateway (median): ${verdict(goalMet)}`,
      );
      console.log(`uptime: ${execSync('uptime').toString().trim()}`);
    });
  } finally {
    for (const stop of stops.reverse()) await stop();
    await cluster.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
