import { randomUUID } from 'node:crypto';
import { careDatabase, configureCare, startEscalationJobs } from '@switchboard/care/bench';
import { createOrm, migrate } from '@switchboard/db';
import { ensureDatabase } from '@switchboard/postgres';
import { createLogger } from '@switchboard/server';
import { startBenchCluster, withClient } from './bench-cluster';

/**
 * node tools/bin/run.js tools/bench/care-jobs.check.ts: care's pg-boss jobs for real (Jest cannot load
 * pg-boss, an ES module): a throwaway cluster, care migrated, one commitment 5 minutes past due; the
 * jobs start (pg-boss in care's database, schema care_jobs), sweep at once, queue one delivery per
 * outbox row; the webhook fails its first call, pg-boss retries it with backoff; both rows end
 * delivered, the failed one after two attempts. Exits 1 otherwise.
 */
async function main() {
  const cluster = await startBenchCluster('pgboss-probe-');
  try {
    const url = cluster.url('care_probe');
    await ensureDatabase(url);
    const orm = await createOrm({ ...careDatabase, clientUrl: url });
    await migrate(orm);
    const sent: unknown[] = [];
    let fails = 1;
    configureCare({
      directory: async (asks) => asks.map(() => ({ teamId: null, teamLead: 'L1' })),
      webhookUrl: 'http://example/hook',
      sendWebhook: async (_u, body) => {
        if (fails-- > 0) throw new Error('first attempt fails');
        sent.push(body);
      },
    });
    const due = new Date(Date.now() - 5 * 60_000);
    await withClient(url, (c) =>
      c.query(
        `insert into care_commitment (id, client_key, center_id, owner_employee_no, customer_key, contact_source, contact_external_id, kind, channel, made_at, due_at, due_basis, next_escalation_at, made_by, created_at)
         values ($1, 'k', $2, 'E1', 'c', 'CTI', 'x', 'CALL_BACK', 'VOICE', $3, $4, 'EXACT', $4, 'probe', $3)`,
        [randomUUID(), randomUUID(), new Date(due.getTime() - 3600_000), due],
      ),
    );
    process.env.CARE_JOBS_DATABASE_URL = url;
    const stop = startEscalationJobs({ orm, logger: createLogger('probe') });
    const deadline = Date.now() + 120_000;
    while (Date.now() < deadline && sent.length < 2) await new Promise((r) => setTimeout(r, 1000));
    const rows = await withClient(url, (c) =>
      c.query('select recipient, delivery_attempts, delivered_at from care_notification order by recipient'),
    );
    console.log('delivered', sent.length, JSON.stringify(rows.rows));
    const jobs = await withClient(url, (c) =>
      c.query('select name, state, retry_count from care_jobs.job order by name'),
    );
    console.log(JSON.stringify(jobs.rows));
    const ok =
      sent.length === 2 &&
      rows.rows.every((r: { delivered_at: unknown }) => r.delivered_at !== null) &&
      rows.rows.some((r: { delivery_attempts: number }) => r.delivery_attempts === 2);
    console.log(ok ? 'OK: swept, delivered, retried' : 'FAILED');
    if (!ok) process.exitCode = 1;
    stop();
    await new Promise((r) => setTimeout(r, 2000));
    await orm.close();
  } finally {
    await cluster.stop();
  }
}
main().catch((e) => {
  console.error(e);
  process.exit(1);
});
