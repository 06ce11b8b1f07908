// First: sets NODE_ENV before GraphQL and Apollo load.
import './production-mode';
import { execSync } from 'node:child_process';
import { parseArgs } from 'node:util';
import { parse } from 'graphql';
import { jitCompiler } from '@switchboard/subgraph-kit';
import { buildVocSchema, SurveyStatsService, vocSubgraph, type SurveyGroup } from '@switchboard/voc/bench';
import { formatMs, median, table } from './measurement';

const { values: args } = parseArgs({
  options: { agents: { type: 'string', default: '1000' }, runs: { type: 'string', default: '15' } },
});
const AGENTS = Number(args.agents);
const RUNS = Number(args.runs);

/**
 * `node tools/bin/run.js tools/bench/survey-stats-cpu.bench.ts [--agents 1000 --runs 15]`: where
 * the CPU of surveyStats by AGENT × MONTH over a year goes once PostgreSQL has answered, without
 * a database or HTTP, so the figures hold on a loaded machine: the service turning the statement's
 * answer into stats rows (parsing it, figures, intervals, ranking, order), voc's compiled GraphQL
 * execution of those rows, and JSON.stringify of the answer. The statement's answer is made up here,
 * shaped as the driver returns it: one row, the agents and the months (their first day) as json
 * arrays, the groups' sums as one comma-separated list (one group per agent and month, 12 months),
 * in no particular order.
 */
function aggregates(): Record<string, string> {
  const groups: [string, string, number[]][] = [];
  for (let m = 1; m <= 12; m++)
    for (let a = 0; a < AGENTS; a++) {
      const mix = ((a * 12 + m) * 2654435761) >>> 0;
      const csat = 150 + (mix % 100);
      const nps = 80 + (mix % 60);
      const ces = 20 + (mix % 30);
      groups.push([
        `B${a.toString(16).padStart(5, '0')}`,
        `2026-${String(m).padStart(2, '0')}-01`,
        // csat_n, csat_top, nps_n, promoters, detractors, ces_n, ces_sum, ces_sq, sent, opened,
        // finished, expired, opted_out
        [
          csat,
          Math.floor(csat * 0.7),
          nps,
          Math.floor(nps * 0.4),
          Math.floor(nps * 0.25),
          ces,
          ces * 4,
          ces * 18,
          20,
          10,
          csat + nps + ces,
          30,
          5,
        ],
      ]);
    }
  // as PostgreSQL's aggregates leave them: in no particular order
  for (let i = groups.length - 1; i > 0; i--) {
    const j = ((i * 2654435761) >>> 0) % (i + 1);
    [groups[i], groups[j]] = [groups[j], groups[i]];
  }
  return {
    AGENT: JSON.stringify(groups.map((g) => g[0])),
    MONTH: JSON.stringify(groups.map((g) => g[1])),
    measures: groups.map((g) => g[2].join(',')).join(','),
  };
}

const EVERY_FIELD = `agentEmployeeNo teamId centerId queueCode month insufficientSample rank optedOut
    csat { value n low high } nps { value n low high marginOfError } ces { value n low high }
    responseRate { value n low high }`;

function cpuMs<T>(work: () => T): { ms: number; result: T } {
  const start = process.cpuUsage();
  const result = work();
  const used = process.cpuUsage(start);
  return { ms: (used.user + used.system) / 1000, result };
}

async function cpuMsAsync<T>(work: () => Promise<T>): Promise<{ ms: number; result: T }> {
  const start = process.cpuUsage();
  const result = await work();
  const used = process.cpuUsage(start);
  return { ms: (used.user + used.system) / 1000, result };
}

async function main(): Promise<void> {
  const fake = aggregates();
  // the service with its one statement answered by the made-up groups
  const em = { execute: async () => [{ ...fake }] };
  const service = () =>
    new SurveyStatsService(em as never).stats(
      ['AGENT', 'MONTH'] as SurveyGroup[],
      new Date('2026-01-01T00:00:00Z'),
      new Date('2027-01-01T00:00:00Z'),
      { centerIds: null, employeeNos: null },
      'CSAT',
      30,
    );
  const schema = (await buildVocSchema()).schema;
  const document = parse(`query($from: DateTimeISO!, $to: DateTimeISO!) {
    surveyStats(groupBy: [AGENT, MONTH], from: $from, to: $to) { ${EVERY_FIELD} } }`);
  // compiled as voc compiles it (its types whose leaves are copied as they are)
  const compiled = jitCompiler(new Set(vocSubgraph.serializedTypes))(schema, document, undefined);
  if (!compiled) throw new Error('not compiled');
  const context = {
    em,
    scope: async () => ({ all: true }),
    identity: { roles: ['ADMIN'], subject: 'bench' },
  };
  const variables = { from: '2026-01-01T00:00:00Z', to: '2027-01-01T00:00:00Z' };
  const stages = { service: [] as number[], graphql: [] as number[], stringify: [] as number[] };
  let rows = 0;
  let bytes = 0;
  for (let i = 0; i < RUNS + 3; i++) {
    const s = await cpuMsAsync(service);
    const g = await cpuMsAsync(async () => compiled.query(undefined, context, variables));
    const errors = (g.result as { errors?: unknown[] }).errors;
    if (errors?.length) throw new Error(JSON.stringify(errors).slice(0, 500));
    const j = cpuMs(() => JSON.stringify(g.result));
    if (i < 3) continue; // warm-up
    stages.service.push(s.ms);
    stages.graphql.push(g.ms);
    stages.stringify.push(j.ms);
    rows = s.result.length;
    bytes = j.result.length;
  }
  console.log(
    `surveyStats AGENT × MONTH, ${rows.toLocaleString('en-US')} rows, answer ${(bytes / 1e6).toFixed(2)} MB`,
  );
  console.log(
    table(
      ['stage (CPU time, median)', 'ms'],
      [
        ['service: rows → stats rows (figures, intervals, rank, order)', formatMs(median(stages.service))],
        ['compiled GraphQL execution (includes the service above)', formatMs(median(stages.graphql))],
        ['JSON.stringify of the answer', formatMs(median(stages.stringify))],
      ],
    ),
  );
  console.log(`uptime: ${execSync('uptime').toString().trim()}`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
