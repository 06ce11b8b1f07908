import { randomUUID } from 'node:crypto';
import { alertDelivery, startTrafficJobs, trafficDatabase } from '@switchboard/traffic/bench';
import { createOrm, migrate } from '@switchboard/db';
import { ensureDatabase } from '@switchboard/postgres';
import { createLogger } from '@switchboard/server';
import { startBenchCluster, withClient } from './bench-cluster';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * node tools/bin/run.js tools/bench/alert-jobs.check.ts: traffic's alert jobs on pg-boss for real (Jest
 * cannot load pg-boss, an ES module). A throwaway cluster, traffic migrated, a queue of a center with a
 * call waiting for 200 s and a rule "oldest wait over 120 s for 8 s"; the jobs (evaluation every
 * second) see the breach begin, are stopped mid-breach (the process "dies") and started again: the
 * rule fires once. The webhook fails its first call, pg-boss retries it. The call is answered: the
 * rule clears once. Exits 1 unless exactly one FIRED and one CLEARED were delivered.
 */
async function main() {
  const cluster = await startBenchCluster('alert-jobs-');
  try {
    const url = cluster.url('traffic_alerts');
    await ensureDatabase(url);
    const orm = await createOrm({ ...trafficDatabase, clientUrl: url });
    await migrate(orm);
    const centerId = randomUUID();
    const queueId = randomUUID();
    await withClient(url, async (c) => {
      await c.query(
        `insert into queue (id, code, channel, center_id, created_at) values ($1, 'ALERT-Q', 'VOICE', $2, now())`,
        [queueId, centerId],
      );
      await c.query(
        `insert into live_contact (source, external_id, queue_id, channel, arrived_at) values ('pbx', 'w1', $1, 'VOICE', now() - interval '200 seconds')`,
        [queueId],
      );
      await c.query(
        `insert into alert_rule (id, name, metric, center_id, queue_ids, comparator, threshold, for_seconds, time_zone, enabled, created_by, created_at)
         values ($1, 'Oldest wait', 'OLDEST_WAIT_SECONDS', $2, '{}', 'GT', 120, 8, 'UTC', true, 'check', now())`,
        [randomUUID(), centerId],
      );
    });
    const sent: { event: string }[] = [];
    let fails = 1;
    alertDelivery.webhookUrl = () => 'http://example/alerts';
    alertDelivery.send = async (_u, body) => {
      if (fails-- > 0) throw new Error('first attempt fails');
      sent.push(body as { event: string });
    };
    process.env.TRAFFIC_JOBS_DATABASE_URL = url;
    process.env.ALERT_EVALUATION_MS = '1000';
    const logger = createLogger('alert-check');
    const state = () => withClient(url, (c) => c.query('select breach_since, firing from alert_state'));
    let stop = startTrafficJobs({ orm, logger });
    // wait for the breach to be recorded, not yet fired; then the process "dies" mid-breach
    let deadline = Date.now() + 60_000;
    while (Date.now() < deadline && !(await state()).rows[0]?.breach_since) await sleep(500);
    console.log('mid-breach', JSON.stringify((await state()).rows));
    stop();
    await sleep(3000);
    stop = startTrafficJobs({ orm, logger });
    deadline = Date.now() + 120_000;
    while (Date.now() < deadline && sent.length < 1) await sleep(500);
    await withClient(url, (c) => c.query(`delete from live_contact`));
    deadline = Date.now() + 120_000;
    while (Date.now() < deadline && sent.length < 2) await sleep(500);
    await sleep(3000); // time for a wrong second FIRED or CLEARED to show
    const rows = await withClient(url, (c) =>
      c.query(
        'select event, delivery_attempts, delivered_at is not null as delivered from alert_notification order by created_at',
      ),
    );
    console.log('delivered', JSON.stringify(sent.map((s) => s.event)), JSON.stringify(rows.rows));
    // the contact months' upkeep runs on the same instance as the service starts: next month is made
    const nextMonth = await withClient(url, (c) =>
      c.query(
        `select to_regclass(format('contact_p%s', to_char(date_trunc('month', now() at time zone 'UTC') + interval '1 month', 'YYYY_MM'))) is not null as made`,
      ),
    );
    console.log('next month partition made', nextMonth.rows[0].made);
    const ok =
      nextMonth.rows[0].made === true &&
      JSON.stringify(sent.map((s) => s.event)) === '["FIRED","CLEARED"]' &&
      rows.rows.length === 2 &&
      rows.rows.every((r: { delivered: boolean }) => r.delivered) &&
      rows.rows.some((r: { delivery_attempts: number }) => r.delivery_attempts === 2);
    console.log(
      ok ? 'OK: fired once across a restart mid-breach, cleared once, delivered with a retry' : 'FAILED',
    );
    if (!ok) process.exitCode = 1;
    stop();
    await sleep(2000);
    await orm.close();
  } finally {
    await cluster.stop();
  }
}
main().catch((e) => {
  console.error(e);
  process.exit(1);
});
