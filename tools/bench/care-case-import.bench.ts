import './production-mode';
import { randomUUID } from 'node:crypto';
import { parseArgs } from 'node:util';
import { CareWorldDouble } from '@switchboard/care/bench';
import { createLogger } from '@switchboard/server';
import { startSubgraph, type ReferenceSource } from '@switchboard/subgraph-kit';
import { ensureTestKeys, postImportFile, registerTestEndpoint } from '@switchboard/testing';
import { subgraphs } from '../src/subgraphs';
import { describeSetup, startBenchCluster, withClient } from './bench-cluster';
import { formatCount, formatMs, table, timed } from './measurement';

/**
 * `switchboard import cases` end to end inside care: a CRM export of --cases cases (2 contacts each,
 * every third with a commitment) posted to care's /import/cases, checked against a gateway double
 * for traffic (real HTTP) and a staff reference source that knows every id, written to a real
 * PostgreSQL; then the same file again (every row already imported). Prints rows/s and the gateway
 * calls per batch. Run: npx tsx tools/bench/care-case-import.bench.ts -- --cases 20000
 */
const { values: args } = parseArgs({ options: { cases: { type: 'string', default: '20000' } } });
const CASES = Number(args.cases);
const COLUMNS = [
  'crm_source',
  'crm_case_id',
  'contacts',
  'type',
  'category_code',
  'title',
  'priority',
  'owner_agent_no',
  'center_id',
  'department',
  'status',
  'opened_at',
  'commitment_kind',
  'commitment_due',
  'commitment_channel',
];

async function main(): Promise<void> {
  ensureTestKeys();
  const world = new CareWorldDouble();
  await world.serveAsGateway();
  const everyone: ReferenceSource = async (asked) => asked;
  const cluster = await startBenchCluster('switchboard-bench-case-import-');
  const care = subgraphs.find((s) => s.definition.name === 'care')?.definition;
  if (!care) throw new Error('no care subgraph');
  const started = await startSubgraph(care, {
    port: 0,
    databaseUrl: cluster.url('bench_care'),
    logger: createLogger('care'),
    background: false,
    referenceSource: everyone,
  });
  registerTestEndpoint(started.server.url, { kind: 'subgraph', name: 'care' });
  try {
    const center = randomUUID();
    const lines = [COLUMNS.join(',')];
    for (let i = 0; i < CASES; i++) {
      const customer = `+86135${String(i).padStart(8, '0')}`;
      const a = world.contact(customer, '1001', '2026-11-02T02:00:00Z');
      const b = world.contact(customer, '1002', '2026-11-03T02:00:00Z');
      const promise = i % 3 === 0 ? ['CALL_BACK', '2026-11-04T02:00:00Z', 'VOICE'] : ['', '', ''];
      lines.push(
        [
          'bench-crm',
          `K-${i}`,
          `${a.source}:${a.externalId}|${b.source}:${b.externalId}`,
          'INQUIRY',
          'CARD',
          `Case ${i}`,
          '3',
          '1001',
          center,
          'Cards',
          i % 2 ? 'RESOLVED' : 'OPEN',
          '2026-11-03T03:00:00Z',
          ...promise,
        ].join(','),
      );
    }
    const file = `${lines.join('\n')}\n`;
    const size = Buffer.byteLength(file);
    const rows: string[][] = [];
    for (const run of ['first import', 'rerun (all unchanged)']) {
      const asked = world.requests.length;
      const { ms, result } = await timed(() =>
        postImportFile(started.server.url, '/import/cases?format=csv', file),
      );
      const report = result.events.at(-1) as Record<string, unknown>;
      if (result.status !== 200 || report.type !== 'report')
        throw new Error(`import failed: ${JSON.stringify(result.events.slice(0, 3))}`);
      rows.push([
        run,
        formatCount(CASES),
        formatMs(ms),
        formatCount(CASES / (ms / 1000)),
        `${String(report.inserted)}/${String(report.unchanged)}/${String(report.rejected)}`,
        String(world.requests.length - asked),
      ]);
    }
    const counts = await withClient(cluster.url('bench_care'), async (client) => {
      const q = async (sql: string) => Number((await client.query(sql)).rows[0].n);
      return {
        cases: await q('select count(*) as n from care_case'),
        events: await q('select count(*) as n from case_event'),
        links: await q('select count(*) as n from case_contact'),
        promises: await q('select count(*) as n from care_commitment'),
      };
    });
    console.log(`care case import, ${formatCount(CASES)} cases (${(size / 1e6).toFixed(1)} MB CSV)`);
    console.log(
      table(['run', 'rows', 'time', 'rows/s', 'inserted/unchanged/rejected', 'gateway calls'], rows),
    );
    console.log(
      `stored: ${formatCount(counts.cases)} cases, ${formatCount(counts.events)} events, ${formatCount(counts.links)} contact links, ${formatCount(counts.promises)} commitments`,
    );
    console.log(await describeSetup(cluster.url('bench_care')));
  } finally {
    await started.stop();
    await cluster.stop();
    await world.release();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
