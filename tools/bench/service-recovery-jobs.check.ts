import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { randomUUID } from 'node:crypto';
import { createOrm, migrate } from '@switchboard/db';
import { ensureDatabase } from '@switchboard/postgres';
import { createLogger } from '@switchboard/server';
import { startServiceRecoveryJobs, vocDatabase } from '@switchboard/voc/bench';
import { startBenchCluster, withClient } from './bench-cluster';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * node tools/bin/run.js tools/bench/service-recovery-jobs.check.ts: voc's service-recovery job on
 * pg-boss for real (Jest cannot load pg-boss, an ES module). A throwaway cluster, voc migrated, two
 * dissatisfied answers in the outbox and a stand-in for the gateway and care (one commitment per
 * response key, as care keeps it). The first answer's first call is committed by "care" but its
 * answer is lost (HTTP 502, as if voc died before noting it): the job retries it, and care answers
 * with the same commitment. The jobs are then stopped and started again: nothing is sent twice.
 * Exits 1 unless both requests are done with exactly one commitment each.
 */
async function main() {
  const cluster = await startBenchCluster('service-recovery-jobs-');
  const commitments = new Map<string, string>();
  const asks: string[] = [];
  let loseFirstAnswer = true;
  const care = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk: Buffer) => (body += chunk.toString()));
    request.on('end', () => {
      const { variables } = JSON.parse(body) as { variables: { input: { responseKey: string } } };
      const key = variables.input.responseKey;
      asks.push(key);
      const id = commitments.get(key) ?? randomUUID();
      commitments.set(key, id);
      if (loseFirstAnswer) {
        loseFirstAnswer = false;
        response.writeHead(502).end('bad gateway');
        return;
      }
      response.setHeader('content-type', 'application/json');
      response.end(JSON.stringify({ data: { openServiceRecovery: { id } } }));
    });
  });
  await new Promise<void>((resolve) => care.listen(0, '127.0.0.1', resolve));
  try {
    const url = cluster.url('voc_recovery');
    await ensureDatabase(url);
    const orm = await createOrm({ ...vocDatabase, clientUrl: url });
    await migrate(orm);
    const responses = [randomUUID(), randomUUID()];
    await withClient(url, async (c) => {
      for (const id of responses)
        await c.query(
          `insert into voc_service_recovery (response_id, center_id, contact_source, contact_external_id,
             agent_employee_no, score, answered_at, created_at)
           values ($1, $2, 'pbx', $3, 'E1', 1, now(), now())`,
          [id, randomUUID(), `call-${id}`],
        );
    });
    process.env.VOC_JOBS_DATABASE_URL = url;
    process.env.SWITCHBOARD_GATEWAY_URL = `http://127.0.0.1:${(care.address() as AddressInfo).port}/graphql`;
    const logger = createLogger('service-recovery-check');
    const pending = async () =>
      Number(
        (
          await withClient(url, (c) =>
            c.query('select count(*) as n from voc_service_recovery where done_at is null'),
          )
        ).rows[0].n,
      );
    const started = Date.now();
    let stop = startServiceRecoveryJobs({ orm, logger });
    const deadline = Date.now() + 150_000;
    while (Date.now() < deadline && (await pending()) > 0) await sleep(500);
    console.log(`all done after ${((Date.now() - started) / 1000).toFixed(1)} s; asks: ${asks.length}`);
    stop();
    await sleep(2000);
    stop = startServiceRecoveryJobs({ orm, logger });
    await sleep(8000); // a restarted replica sends at once: time for a wrong second ask to show
    stop();
    const rows = await withClient(url, (c) =>
      c.query(
        'select response_id, commitment_id, attempts, done_at is not null as done from voc_service_recovery',
      ),
    );
    console.log('requests', JSON.stringify(rows.rows), 'asks', JSON.stringify(asks));
    const ok =
      commitments.size === 2 &&
      rows.rows.every(
        (r: { response_id: string; commitment_id: string; done: boolean }) =>
          r.done && r.commitment_id === commitments.get(r.response_id),
      ) &&
      asks.length === 3;
    console.log(
      ok
        ? 'OK: one commitment per answer, a lost answer retried to the same one, none after a restart'
        : 'FAILED',
    );
    await orm.close();
    process.exitCode = ok ? 0 : 1;
  } finally {
    care.close();
    await cluster.stop();
  }
}

void main().then(
  () => process.exit(process.exitCode ?? 0),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
