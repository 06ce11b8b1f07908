import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { MikroORM } from '@mikro-orm/postgresql';
import { kpiSubgraph } from '@switchboard/kpi';
import { qaSubgraph } from '@switchboard/qa';
import { standardScorecard } from '@switchboard/qa/testing';
import { trafficSubgraph } from '@switchboard/traffic';
import { trainingSubgraph } from '@switchboard/training';
import {
  postGraphQL,
  startTestSubgraph,
  type GraphQLResponse,
  type TestSubgraph,
} from '@switchboard/testing';

/** Terminates every other session of a subgraph's database, as a failover or an admin would. */
const terminateSessions = async (orm: MikroORM, onlyBusy: boolean): Promise<number> => {
  const [row] = await orm.em.getConnection().execute<{ killed: number }[]>(
    `select count(pg_terminate_backend(pid))::int as killed from pg_stat_activity
      where datname = current_database() and pid <> pg_backend_pid()
        ${onlyBusy ? "and state in ('active', 'idle in transaction')" : ''}`,
  );
  return row.killed;
};

/** Kills the sessions working for `pending` until one is caught, then waits for its answer. */
async function killDuring<T>(orm: MikroORM, pending: Promise<T>): Promise<{ killed: number; answer: T }> {
  let killed = 0;
  let settled = false;
  void pending.finally(() => (settled = true));
  const deadline = Date.now() + 20_000;
  while (killed === 0 && !settled && Date.now() < deadline) {
    killed = await terminateSessions(orm, true);
    if (!killed) await new Promise((wait) => setTimeout(wait, 5));
  }
  return { killed, answer: await pending };
}

/** A dropped connection fails the request cleanly: DATABASE_UNAVAILABLE, asking for a retry. */
function expectCleanFailure(answer: GraphQLResponse<unknown>): void {
  if (!answer.errors) return;
  const [error] = answer.errors;
  expect({ code: error.extensions?.code, message: error.message }).toEqual({
    code: 'DATABASE_UNAVAILABLE',
    message: expect.stringContaining('Retry') as string,
  });
}

/** Contacts as the ingestContacts mutation takes them: `count` answered calls from `first` on. */
function contacts(source: string, count: number): Record<string, unknown>[] {
  return Array.from({ length: count }, (_, i) => {
    const at = Date.UTC(2026, 5, 1) + i * 5_000;
    return {
      source,
      externalId: String(i),
      channel: 'VOICE',
      queue: 'FAULT-Q',
      agent: `E${i % 40}`,
      arrivedAt: new Date(at).toISOString(),
      answeredAt: new Date(at + 10_000).toISOString(),
      endedAt: new Date(at + 190_000).toISOString(),
      outcome: 'ANSWERED',
    };
  });
}

const INGEST = `mutation($c: [ContactInput!]!) { ingestContacts(contacts: $c) { inserted duplicates rejected } }`;

describe('database faults', () => {
  let traffic: TestSubgraph;
  beforeAll(async () => {
    traffic = await startTestSubgraph(trafficSubgraph);
  });
  afterAll(() => traffic.stop());

  const connection = () => traffic.orm.em.getConnection();
  const stored = async (source: string) => {
    const [row] = await connection().execute<{ contacts: number; rolled_up: number }[]>(
      `select (select count(*) from contact where source = ?)::int as contacts,
              (select coalesce(sum(answered), 0) from interval_stat where queue_key in
                 (select id::text from queue where code = 'FAULT-Q'))::int as rolled_up`,
      [source],
    );
    return row;
  };

  it('recovers when every pooled connection is killed between requests', async () => {
    expect((await postGraphQL(traffic.url, '{ queues { code } }')).errors).toBeUndefined();
    await terminateSessions(traffic.orm, false);
    const after = await postGraphQL(traffic.url, '{ queues { code } }');
    const again = await postGraphQL(traffic.url, '{ queues { code } }');
    // At most one request may meet a dead connection, and it gets a clean error, not a hang.
    expect([after, again].filter((r) => r.errors === undefined).length).toBeGreaterThanOrEqual(1);
    expect(again.errors).toBeUndefined();
  });

  it('fails an ingest cleanly when its connection is killed mid-transaction, keeps only whole batches, and the retry lands the rest', async () => {
    const batch = contacts('fault-a', 10_000);
    const pending = postGraphQL<{ ingestContacts: { inserted: number } }>(traffic.url, INGEST, { c: batch });
    // Kill the session while the mutation works in the database.
    const { killed, answer } = await killDuring(traffic.orm, pending);
    expect(killed).toBeGreaterThan(0);
    const { contacts: afterKill, rolled_up: rolledUp } = await stored('fault-a');
    expectCleanFailure(answer);
    // 10,000 contacts are one batch (up to 20,000): all of it or none. The rollup runs behind the
    // batch's commit on its own transaction (above rollup_watermark): the kill may land between the
    // two, leaving the committed batch for the next rollup, but never a part of it rolled up.
    expect([0, 10_000]).toContain(afterKill);
    expect([0, afterKill]).toContain(rolledUp);
    const retry = await postGraphQL<{ ingestContacts: { inserted: number; duplicates: number } }>(
      traffic.url,
      INGEST,
      {
        c: batch,
      },
    );
    expect(retry.errors).toBeUndefined();
    expect(retry.data?.ingestContacts).toEqual({
      inserted: 10_000 - afterKill,
      duplicates: afterKill,
      rejected: 0,
    });
    expect(await stored('fault-a')).toEqual({ contacts: 10_000, rolled_up: 10_000 });
  });
});

/**
 * Stands in for the gateway when training and QA ask staff about people: every employee number asked
 * for exists (those starting QA as QA evaluators, the others as agents).
 */
async function everyoneKnown(): Promise<Server> {
  const server = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk: Buffer) => (body += chunk.toString()));
    request.on('end', () => {
      const { variables } = JSON.parse(body) as { variables: { filter?: { employeeNos?: string[] } } };
      const nodes = (variables.filter?.employeeNos ?? []).map((employeeNo) => ({
        employeeNo,
        role: employeeNo.startsWith('QA') ? 'QA_EVALUATOR' : 'AGENT',
        status: 'ACTIVE',
      }));
      response
        .writeHead(200, { 'content-type': 'application/json' })
        .end(
          JSON.stringify({ data: { agents: { nodes, pageInfo: { endCursor: null, hasNextPage: false } } } }),
        );
    });
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  return server;
}

describe('database faults in training, qa and kpi writes', () => {
  let roster: Server;
  const started: Record<string, TestSubgraph> = {};
  beforeAll(async () => {
    roster = await everyoneKnown();
    process.env.SWITCHBOARD_GATEWAY_URL = `http://127.0.0.1:${(roster.address() as AddressInfo).port}/graphql`;
    [started.training, started.qa, started.kpi] = await Promise.all(
      [trainingSubgraph, qaSubgraph, kpiSubgraph].map((definition) => startTestSubgraph(definition)),
    );
  });
  afterAll(async () => {
    delete process.env.SWITCHBOARD_GATEWAY_URL;
    await Promise.all(Object.values(started).map((s) => s.stop()));
    await new Promise((done) => roster.close(done));
  });

  let n = 0;
  const unique = (prefix: string) => `${prefix}-DBF-${(n += 1)}`;
  /** A small write of each subgraph: it must land once the pool has recovered. */
  const WRITES: Record<string, () => [string, Record<string, unknown>]> = {
    training: () => [
      'mutation($i: CreateCourseInput!) { createCourse(input: $i) { id } }',
      { i: { code: unique('C'), title: 'Faults', category: 'SYSTEMS', hours: 1 } },
    ],
    qa: () => [
      'mutation($i: ScorecardInput!) { createScorecard(input: $i) { id } }',
      { i: standardScorecard(unique('SC')) },
    ],
    kpi: () => [
      'mutation($i: SetKpiTargetInput!) { setKpiTarget(input: $i) { id } }',
      { i: { kpiCode: 'AHT', scope: { type: 'GLOBAL' }, target: 300, amberBand: 30 } },
    ],
  };

  it.each(Object.keys(WRITES))(
    '%s: the pool recovers when every connection is killed between requests, and a write then lands',
    async (name) => {
      const subgraph = started[name];
      expect((await postGraphQL(subgraph.url, ...WRITES[name]())).errors).toBeUndefined();
      await terminateSessions(subgraph.orm, false);
      const after = await postGraphQL(subgraph.url, ...WRITES[name]());
      expectCleanFailure(after);
      const again = await postGraphQL(subgraph.url, ...WRITES[name]());
      expect(again.errors).toBeUndefined();
    },
  );

  it('training: an LMS import killed mid-transaction writes all its attempts or none, and the rerun lands the rest', async () => {
    const training = started.training;
    const exam = await postGraphQL<{ createExam: { code: string } }>(
      training.url,
      'mutation($c: ID!) { createExam(input: { courseId: $c, code: "DBF-EXAM", passMark: 50, maxAttempts: 3 }) { code } }',
      {
        c: (await postGraphQL<{ createCourse: { id: string } }>(training.url, ...WRITES.training())).data
          ?.createCourse.id,
      },
    );
    expect(exam.errors).toBeUndefined();
    // 10,000 passes of 400 agents: a pass starts a new cycle, so no attempt limit is reached
    const rows = Array.from({ length: 10_000 }, (_, i) => {
      const day = new Date(Date.UTC(2025, 0, 1) + Math.floor(i / 400) * 86_400_000)
        .toISOString()
        .slice(0, 10);
      return `dbf-${i},DBF${i % 400},DBF-EXAM,90,${day}`;
    });
    const csv = ['attempt_id,employee_no,exam,score,taken_on', ...rows].join('\n');
    const IMPORT =
      'mutation($csv: String!) { importExamResults(csv: $csv, source: "DBF") { inserted duplicates rejected applied } }';
    const attempts = async () =>
      (
        await training.orm.em
          .getConnection()
          .execute<{ n: number }[]>(`select count(*)::int as n from exam_attempt where source = 'DBF'`)
      )[0].n;
    const { killed, answer } = await killDuring(training.orm, postGraphQL(training.url, IMPORT, { csv }));
    expect(killed).toBeGreaterThan(0);
    expectCleanFailure(answer);
    const afterKill = await attempts();
    expect([0, 10_000]).toContain(afterKill);
    const rerun = await postGraphQL<{ importExamResults: Record<string, unknown> }>(training.url, IMPORT, {
      csv,
    });
    expect(rerun.data?.importExamResults).toEqual({
      inserted: 10_000 - afterKill,
      duplicates: afterKill,
      rejected: 0,
      applied: true,
    });
    expect(await attempts()).toBe(10_000);
  });

  it('qa: a sampling plan killed mid-transaction is stored whole or not at all, and the retry stores it', async () => {
    const qa = started.qa;
    const code = unique('P');
    // 500 evaluators with 10 agents each: the plan and its 5,000 assignments in one transaction
    const input = {
      code,
      name: 'Big plan',
      period: 'MONTH',
      evaluationsPerAgent: 1,
      assignments: Array.from({ length: 500 }, (_, e) => ({
        evaluatorEmployeeNo: `QA${e}`,
        agentEmployeeNos: Array.from({ length: 10 }, (_, a) => `AG${e * 10 + a}`),
      })),
    };
    const CREATE = 'mutation($i: CreateSamplingPlanInput!) { createSamplingPlan(input: $i) { id } }';
    const stored = async () =>
      (
        await qa.orm.em.getConnection().execute<{ plans: number; assignments: number }[]>(
          `select (select count(*) from sampling_plan where code = ?)::int as plans,
                  (select count(*) from sampling_assignment a join sampling_plan p on p.id = a.plan_id where p.code = ?)::int as assignments`,
          [code, code],
        )
      )[0];
    const { killed, answer } = await killDuring(qa.orm, postGraphQL(qa.url, CREATE, { i: input }));
    expect(killed).toBeGreaterThan(0);
    expectCleanFailure(answer);
    const afterKill = await stored();
    expect([
      { plans: 0, assignments: 0 },
      { plans: 1, assignments: 5_000 },
    ]).toContainEqual(afterKill);
    if (afterKill.plans === 0)
      expect((await postGraphQL(qa.url, CREATE, { i: input })).errors).toBeUndefined();
    expect(await stored()).toEqual({ plans: 1, assignments: 5_000 });
  });
});
