import { trafficSubgraph } from '@switchboard/traffic';
import { postGraphQL, startTestSubgraph, type TestSubgraph } from '@switchboard/testing';

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
  /** Terminates every other session of the subgraph's database, as a failover or an admin would. */
  const terminateSessions = (onlyBusy: boolean) =>
    connection().execute(
      `select count(pg_terminate_backend(pid))::int as killed from pg_stat_activity
        where datname = current_database() and pid <> pg_backend_pid()
          ${onlyBusy ? "and state in ('active', 'idle in transaction')" : ''}`,
    );

  it('recovers when every pooled connection is killed between requests', async () => {
    expect((await postGraphQL(traffic.url, '{ queues { code } }')).errors).toBeUndefined();
    await terminateSessions(false);
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
    let killed = 0;
    const deadline = Date.now() + 20_000;
    while (killed === 0 && Date.now() < deadline) {
      const [row] = (await terminateSessions(true)) as { killed: number }[];
      killed = row.killed;
      if (!killed) await new Promise((wait) => setTimeout(wait, 5));
    }
    expect(killed).toBeGreaterThan(0);
    const answer = await pending;
    const { contacts: afterKill, rolled_up: rolledUp } = await stored('fault-a');
    if (answer.errors) {
      const [error] = answer.errors;
      expect({ code: error.extensions?.code, message: error.message }).toEqual({
        code: 'DATABASE_UNAVAILABLE',
        message: expect.stringContaining('Retry') as string,
      });
    }
    // 10,000 contacts are one batch (up to 20,000): all of it or none, and the rollups agree with the rows.
    expect([0, 10_000]).toContain(afterKill);
    expect(rolledUp).toBe(afterKill);
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
