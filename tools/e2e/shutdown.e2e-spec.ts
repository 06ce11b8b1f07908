import { spawn, type ChildProcess } from 'node:child_process';
import { request as httpRequest } from 'node:http';
import { resolve } from 'node:path';
import { createTestDatabase, freePort, subgraphToken, type TestDatabase } from '@switchboard/testing';
import { Client } from 'pg';

const ROOT = resolve(__dirname, '..', '..');
const GRACE_MS = 1_500;

const children: ChildProcess[] = [];

/** A subgraph service as its own process, as npm start and the containers run it. */
async function startService(
  name: string,
  database: TestDatabase,
): Promise<{ child: ChildProcess; port: number; exited: Promise<number | null> }> {
  const port = await freePort();
  const child = spawn(
    process.execPath,
    [resolve(ROOT, 'tools/bin/run.js'), resolve(ROOT, `apps/${name}/src/main.ts`)],
    {
      env: {
        ...process.env,
        [`${name.toUpperCase()}_DATABASE_URL`]: database.url,
        [`${name.toUpperCase()}_MIGRATION_DATABASE_URL`]: database.ownerUrl,
        DATABASE_URL: '',
        PORT: String(port),
        SHUTDOWN_GRACE_MS: String(GRACE_MS),
        LOG_LEVEL: 'warn',
      },
      stdio: ['ignore', 'ignore', 'inherit'],
    },
  );
  children.push(child);
  const exited = new Promise<number | null>((done) => child.once('exit', (code) => done(code)));
  const deadline = Date.now() + 60_000;
  for (;;) {
    const up = await fetch(`http://127.0.0.1:${port}/health`).then(
      (r) => r.ok,
      () => false,
    );
    if (up) break;
    if (child.exitCode !== null || Date.now() > deadline) throw new Error(`${name} did not start`);
    await new Promise((wait) => setTimeout(wait, 200));
  }
  return { child, port, exited };
}

/** Sends `parts` as one request body, calling `between` after the first part. */
function postInParts(
  url: string,
  token: string,
  parts: string[],
  pauseMs: number,
  between: () => void,
): Promise<{ status: number; body: string }> {
  return new Promise((done, fail) => {
    const request = httpRequest(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    });
    request.on('response', (response) => {
      let body = '';
      response.on('data', (chunk: Buffer) => (body += chunk.toString()));
      response.on('end', () => done({ status: response.statusCode ?? 0, body }));
      response.on('error', fail);
    });
    request.on('error', fail);
    void (async () => {
      for (const [i, part] of parts.entries()) {
        // the first part is on the wire (connected, flushed) before `between`: the request is in flight
        await new Promise((flushed) => request.write(part, flushed));
        if (i === 0) {
          await new Promise((wait) => setTimeout(wait, 100));
          between();
        }
        await new Promise((wait) => setTimeout(wait, pauseMs));
      }
      request.end();
    })();
  });
}

function csv(rows: number): string {
  const lines = ['source,external_id,channel,direction,queue,agent,arrived_at,answered_at,ended_at,outcome'];
  for (let i = 0; i < rows; i += 1) {
    const at = new Date(Date.UTC(2026, 4, 1) + i * 7_000);
    const iso = (offset: number) => new Date(at.getTime() + offset * 1000).toISOString();
    lines.push(`shutdown,${i},VOICE,INBOUND,SHUT-Q,E${i % 50},${iso(0)},${iso(12)},${iso(200)},ANSWERED`);
  }
  return `${lines.join('\n')}\n`;
}

describe('graceful shutdown (SIGTERM)', () => {
  let database: TestDatabase;
  let sql: Client;
  beforeAll(async () => {
    database = await createTestDatabase('shutdown');
    sql = new Client({ connectionString: database.url });
    await sql.connect();
  });
  afterAll(async () => {
    for (const child of children) if (child.exitCode === null) child.kill('SIGKILL');
    await sql.end();
    await database.drop();
  });

  /** Contacts stored, and the contacts the 15-minute rollups account for: equal when no batch is half-written. */
  const stored = async () => {
    const { rows } = await sql.query<{ contacts: number; rolled_up: number }>(
      `select (select count(*) from contact)::int as contacts,
              (select coalesce(sum(answered + abandoned), 0) from interval_stat)::int as rolled_up`,
    );
    return rows[0];
  };

  it('lets a request in flight finish, then exits 0', async () => {
    const traffic = await startService('traffic', database);
    const body = JSON.stringify({ query: '{ queues { code } }' });
    const answer = await postInParts(
      `http://127.0.0.1:${traffic.port}/graphql`,
      await subgraphToken('traffic'),
      [body.slice(0, 10), body.slice(10)],
      300,
      () => traffic.child.kill('SIGTERM'),
    );
    expect(answer.status).toBe(200);
    expect(JSON.parse(answer.body)).toEqual({ data: { queues: [] } });
    expect(await traffic.exited).toBe(0);
  });

  it('cuts an import still running after the grace period without a half-written batch; the rerun completes it', async () => {
    const ROWS = 60_000;
    const file = csv(ROWS);
    const traffic = await startService('traffic', database);
    const url = `http://127.0.0.1:${traffic.port}/import/contacts?format=csv`;
    const token = await subgraphToken('traffic');
    // The file trickles in over ~6 s, far past the grace period; SIGTERM comes after the first part.
    const parts = Array.from({ length: 30 }, (_, i) =>
      file.slice((i * file.length) / 30, ((i + 1) * file.length) / 30),
    );
    const started = Date.now();
    const cut = await postInParts(url, token, parts, 200, () => traffic.child.kill('SIGTERM')).catch(
      (error: Error) => ({ status: -1, body: error.message }),
    );
    expect(await traffic.exited).toBe(0);
    expect(Date.now() - started).toBeLessThan(GRACE_MS + 5_000);
    expect(cut.body).not.toContain('"type":"report"');
    const afterCut = await stored();
    expect(afterCut.contacts).toBeLessThan(ROWS);
    expect(afterCut.rolled_up).toBe(afterCut.contacts);

    const again = await startService('traffic', database);
    const rerun = await fetch(url.replace(String(traffic.port), String(again.port)), {
      method: 'POST',
      headers: { authorization: `Bearer ${await subgraphToken('traffic')}` },
      body: file,
    });
    const report = JSON.parse((await rerun.text()).trim().split('\n').at(-1) as string) as Record<
      string,
      number
    >;
    expect(report).toMatchObject({
      type: 'report',
      read: ROWS,
      inserted: ROWS - afterCut.contacts,
      duplicates: afterCut.contacts,
      rejected: 0,
    });
    expect(await stored()).toEqual({ contacts: ROWS, rolled_up: ROWS });
    again.child.kill('SIGTERM');
    expect(await again.exited).toBe(0);
  }, 180_000); // two service starts and 120,000 rows: slow on a loaded machine

  /** A write of each subgraph, and the rows it leaves: SIGTERM while it is on the wire lets it finish. */
  const WRITES: Record<string, { mutation: string; table: string }> = {
    training: {
      mutation: JSON.stringify({
        query:
          'mutation { createCourse(input: { code: "SHUT-C", title: "Shutdown", category: SYSTEMS, hours: 1 }) { code } }',
      }),
      table: 'course',
    },
    qa: {
      mutation: JSON.stringify({
        query: `mutation { createScorecard(input: { code: "SHUT-SC", name: "Shutdown", sections: [{ key: "S", title: "S", weight: 1,
          criteria: [{ key: "C", label: "C", type: YES_NO, points: 1, category: "COURTESY" }] }] }) { code } }`,
      }),
      table: 'scorecard',
    },
    kpi: {
      mutation: JSON.stringify({
        query:
          'mutation { setKpiTarget(input: { kpiCode: "AHT", scope: { type: GLOBAL }, target: 300, amberBand: 30 }) { target } }',
      }),
      table: 'kpi_target',
    },
  };

  it.each(Object.keys(WRITES))(
    '%s: lets a write in flight finish and keeps it, then exits 0',
    async (name) => {
      const own = await createTestDatabase(`shutdown_${name}`);
      try {
        const service = await startService(name, own);
        const { mutation, table } = WRITES[name];
        const answer = await postInParts(
          `http://127.0.0.1:${service.port}/graphql`,
          await subgraphToken(name),
          [mutation.slice(0, 10), mutation.slice(10)],
          300,
          () => service.child.kill('SIGTERM'),
        );
        expect(answer.status).toBe(200);
        expect((JSON.parse(answer.body) as { errors?: unknown }).errors).toBeUndefined();
        expect(await service.exited).toBe(0);
        const client = new Client({ connectionString: own.url });
        await client.connect();
        try {
          const { rows } = await client.query<{ n: number }>(`select count(*)::int as n from ${table}`);
          expect(rows[0].n).toBe(1);
        } finally {
          await client.end();
        }
      } finally {
        await own.drop();
      }
    },
    120_000, // a service start each: slow on a loaded machine
  );
});
