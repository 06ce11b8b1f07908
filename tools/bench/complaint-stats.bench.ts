import './production-mode';
import { parseArgs } from 'node:util';
import { careDatabase, complaintStats, type ComplaintDimension } from '@switchboard/care/bench';
import { createOrm, migrate } from '@switchboard/db';
import { ensureDatabase } from '@switchboard/postgres';
import { describeSetup, startBenchCluster } from './bench-cluster';
import { formatCount, formatMs, median, progress, progressDone, table, timed } from './measurement';

const { values: args } = parseArgs({
  options: { complaints: { type: 'string', default: '200000' }, runs: { type: 'string', default: '5' } },
});
const COMPLAINTS = Number(args.complaints);
const RUNS = Number(args.runs);

/**
 * node tools/bin/run.js tools/bench/complaint-stats.bench.ts [--complaints 200000] [--runs 5]:
 * complaintStats (care's one SQL statement) over a year of complaints in 10 centers, as an
 * all-seeing caller and as a manager of one center, by month-sized and year-sized periods and
 * groupings. Complaints and cases are generated in SQL (generate_series), received over 2026.
 */
async function main(): Promise<void> {
  process.env.LOG_LEVEL ??= 'warn';
  const cluster = await startBenchCluster('switchboard-bench-complaints-');
  try {
    const url = cluster.url('bench_complaints');
    await ensureDatabase(url);
    // no statement timeout: the load is generated in SQL on a shared machine
    const orm = await createOrm({ ...careDatabase, clientUrl: url, statementTimeoutMs: 0 });
    try {
      await migrate(orm);
      const connection = orm.em.getConnection();
      progress(`generating ${formatCount(COMPLAINTS)} complaints (and their cases)`);
      const load = await timed(async () => {
        await connection.execute(`create table bench_center as
          select gen_random_uuid() as id, n from generate_series(0, 9) n`);
        // in slices of 50,000: one statement stays under the ORM's statement timeout
        for (let lo = 1; lo <= COMPLAINTS; lo += 50_000) {
          const hi = Math.min(COMPLAINTS, lo + 49_999);
          progress(`cases ${formatCount(hi)} / ${formatCount(COMPLAINTS)}`);
          await connection.execute(
            `insert into care_case (id, case_no, customer_key, type, taxonomy_version, category_code, title, status,
             priority, owner_department, center_id, source_contact_source, source_contact_external_id, opened_at,
             reopen_count, handoff_count, created_by, version)
           select md5('case' || i)::uuid, 'C2026-' || lpad(i::text, 7, '0'), 'cust-' || (i % 100000), 'COMPLAINT',
             (select min(version) from case_category), (select min(code) from case_category where version = (select min(version) from case_category)),
             'bench', 'OPEN', 3, 'Cards', (select id from bench_center where n = i % 10), 'bench', 'x' || i,
             timestamptz '2026-01-01' + (i::double precision / ? * interval '365 days'), 0, 0, 'bench', 2
           from generate_series(?::int, ?::int) i`,
            [COMPLAINTS, lo, hi],
          );
        }
        for (let lo = 1; lo <= COMPLAINTS; lo += 50_000) {
          const hi = Math.min(COMPLAINTS, lo + 49_999);
          progress(`complaints ${formatCount(hi)} / ${formatCount(COMPLAINTS)}`);
          await connection.execute(
            `insert into complaint (case_id, center_id, team_id, customer_key, received_at, taxonomy_version, channel_code,
             business_code, reason_code, product_code, severity, source, escalated_from_type, subject_agent_no,
             handler_agent_no, time_zone, deadline_basis, deadline_at, deadline_date, closed_at, outcome, created_at)
           select c.id, c.center_id, null, c.customer_key, c.opened_at, 1,
             (array['A01','A0301','A0302','A0303','A0304'])[1 + i % 5], (array['B01','B02','B03','B04'])[1 + i % 4],
             (array['C01','C02','C03','C04','C05','C08','C99'])[1 + i % 7], 'P' || (i % 20), 'NORMAL', 'DIRECT',
             case when i % 9 = 0 then 'INQUIRY' end, 'E' || (i % 2000), 'H' || (i % 50), 'Asia/Shanghai', 'DAYS_15',
             c.opened_at + interval '15 days', to_char(c.opened_at + interval '15 days', 'YYYY-MM-DD'),
             case when i % 10 < 8 then c.opened_at + (i % 20) * interval '1 day' end,
             case when i % 10 < 8 then (array['UPHELD','PARTIALLY_UPHELD','NOT_UPHELD','WITHDRAWN'])[1 + i % 4] end,
             c.opened_at
           from care_case c, lateral (select substr(c.case_no, 7)::int as i) k
           where c.case_no >= ? and c.case_no <= ?`,
            [`C2026-${String(lo).padStart(7, '0')}`, `C2026-${String(hi).padStart(7, '0')}`],
          );
        }
        await connection.execute('analyze complaint');
      });
      progressDone();
      const centers = await connection.execute<{ id: string }[]>(
        'select id::text as id from bench_center order by n',
      );
      const cases: Array<{
        name: string;
        from: string;
        to: string;
        groupBy: ComplaintDimension[];
        centers: string[] | null;
      }> = [
        {
          name: 'month, by reason axis, all centers',
          from: '2026-11-01',
          to: '2026-12-01',
          groupBy: ['REASON_AXIS'],
          centers: null,
        },
        {
          name: 'month, by agent, all centers',
          from: '2026-11-01',
          to: '2026-12-01',
          groupBy: ['AGENT'],
          centers: null,
        },
        {
          name: 'year, by center x reason, all centers',
          from: '2026-01-01',
          to: '2027-01-01',
          groupBy: ['CENTER', 'REASON_AXIS'],
          centers: null,
        },
        {
          name: 'year, by agent, one center (manager)',
          from: '2026-01-01',
          to: '2027-01-01',
          groupBy: ['AGENT'],
          centers: [centers[0].id],
        },
      ];
      const rows: string[][] = [];
      for (const c of cases) {
        const times: number[] = [];
        let groups = 0;
        for (let r = 0; r < RUNS; r++) {
          const em = orm.em.fork();
          const { ms, result } = await timed(() =>
            complaintStats(em, {
              from: new Date(`${c.from}T00:00:00+08:00`),
              to: new Date(`${c.to}T00:00:00+08:00`),
              end: new Date(`${c.to}T00:00:00+08:00`),
              groupBy: c.groupBy,
              visible: c.centers
                ? {
                    sql: 'x.center_id::text in (select jsonb_array_elements_text(?::jsonb))',
                    params: [JSON.stringify(c.centers)],
                  }
                : { sql: 'true', params: [] },
              centerIds: c.centers,
            }),
          );
          times.push(ms);
          groups = result.length;
        }
        rows.push([c.name, formatCount(groups), formatMs(median(times)), formatMs(Math.max(...times))]);
      }
      console.log(await describeSetup(url));
      console.log(`${formatCount(COMPLAINTS)} complaints loaded in ${formatMs(load.ms)}; ${RUNS} runs each`);
      console.log(table(['complaintStats', 'groups', 'median', 'max'], rows));
    } finally {
      await orm.close();
    }
  } finally {
    await cluster.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
