import { randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import { DEFAULT_ESCALATION_POLICY } from '@switchboard/metrics';
import { staticScopeSource } from '@switchboard/subgraph-kit';
import {
  caller,
  KnownReferences,
  postGraphQL,
  startTestSubgraph,
  subgraphToken,
  type TestSubgraph,
} from '@switchboard/testing';
import { careSubgraph } from '../care.subgraph';
import { configureCare, type CareContact } from '../care-services';
import { sweepEscalations } from './escalation.sweeper';

/*
 * The sweeper's narrow due list and its two locks (issue 18's sweep under 1 s): the list follows
 * every write of a commitment's next look (triggers), the sweep skips a commitment a writer holds
 * (a fulfilment in progress) and one another sweeper holds, and the fulfilment that commits
 * meanwhile stops the ladder: nothing is notified for it, the rest exactly once.
 */
const center = randomUUID();
const team = randomUUID();
const tag = randomUUID().slice(0, 6).toUpperCase();
const code = { center: `C-${tag}`, team: `T-${tag}` };
const agentNo = `A${tag}`;
let now = new Date('2027-03-09T02:00:00Z');
let care: TestSubgraph;
let restore: () => void;

beforeAll(async () => {
  const contact: CareContact = {
    source: 'CTI',
    externalId: 'c-1',
    channel: 'VOICE',
    direction: 'INBOUND',
    outcome: 'ANSWERED',
    arrivedAt: new Date('2027-03-09T01:50:00Z'),
    agentNo,
  };
  restore = configureCare({
    clock: () => now,
    contacts: async (keys) => keys.map(() => contact),
    directory: async (asks) => asks.map(() => ({ teamId: team, teamLead: `L${tag}` })),
    webhookUrl: null,
  });
  care = await startTestSubgraph(careSubgraph, {
    scopeSource: staticScopeSource({
      centers: { [code.center]: { id: center, teams: [code.team] } },
      teams: { [code.team]: { id: team, employeeNos: [agentNo] } },
    }),
    referenceSource: new KnownReferences().add('center', center).source,
  });
});
afterAll(async () => {
  await care?.stop();
  restore?.();
});

const sql = <T>(query: string, params: unknown[] = []) =>
  care.orm.em.getConnection().execute(query, params) as Promise<T[]>;

async function make(dueAt: string): Promise<string> {
  const token = await subgraphToken('care', caller('AGENT', { employeeNo: agentNo }));
  const answer = await postGraphQL<{ makeCommitment: { id: string } }>(
    care.url,
    'mutation($i: MakeCommitmentInput!) { makeCommitment(input: $i) { id } }',
    {
      i: {
        clientKey: randomUUID(),
        centerId: center,
        contact: { source: 'CTI', externalId: 'c-1' },
        customerKey: `cust-${tag}`,
        kind: 'CALL_BACK',
        channel: 'VOICE',
        dueAt,
      },
    },
    { authorization: `Bearer ${token}` },
  );
  expect(answer.errors).toBeUndefined();
  return answer.data?.makeCommitment.id as string;
}

/**
 * The due list against the commitments: an entry exactly for each commitment with a ladder still to
 * walk (a next look), none for one kept or deleted, whatever wrote them. Before the first sweep the
 * entry's next look is the commitment's; the sweep then moves the entry only (`swept`).
 */
async function expectListInStep(swept: string[] = []): Promise<void> {
  const drift = await sql(
    `select c.id, c.next_escalation_at, d.next_at from care_commitment c
       full join care_commitment_due d on d.commitment_id = c.id
      where (c.next_escalation_at is null) <> (d.next_at is null)
         or (c.next_escalation_at is distinct from d.next_at and not c.id = any(?::uuid[]))`,
    [`{${swept.join(',')}}`],
  );
  expect(drift).toEqual([]);
}

/** A transaction held open on another connection until released. */
function hold(statements: (tx: EntityManager) => Promise<void>, then?: (tx: EntityManager) => Promise<void>) {
  let release!: () => void;
  let holding!: () => void;
  const released = new Promise<void>((r) => (release = r));
  const held = new Promise<void>((r) => (holding = r));
  const done = (care.orm.em as EntityManager).fork().transactional(async (tx) => {
    await statements(tx);
    holding();
    await released;
    await then?.(tx);
  });
  return { held, release: async () => (release(), await done) };
}

const notified = (id: string) =>
  sql<{ level: number; recipient: string }>(
    'select level, recipient from care_notification where commitment_id = ? order by level, recipient',
    [id],
  );

it('keeps the due list in step and skips what a writer or another sweeper holds; a fulfilment meanwhile stops the ladder', async () => {
  now = new Date('2027-03-09T02:00:00Z');
  const [kept, waiting, free] = [
    await make('2027-03-09T08:00:00Z'),
    await make('2027-03-09T08:00:00Z'),
    await make('2027-03-09T08:00:00Z'),
  ];
  await expectListInStep();
  expect(
    (await sql('select 1 from care_commitment_due where commitment_id in (?, ?, ?)', [kept, waiting, free]))
      .length,
  ).toBe(3);

  // a fulfilment of `kept` in progress (its update holds the commitment and, through the list's
  // trigger, the entry it deletes), another sweeper holding `waiting`'s entry
  const fulfilment = hold((tx) =>
    tx
      .getConnection()
      .execute(
        'update care_commitment set fulfilled_at = ?, fulfilled_by = ?, next_escalation_at = null where id = ?',
        [new Date('2027-03-09T08:20:00Z'), 'test', kept],
        'run',
        tx.getTransactionContext(),
      )
      .then(() => undefined),
  );
  const sweeper = hold((tx) =>
    tx
      .getConnection()
      .execute(
        'select 1 from care_commitment_due where commitment_id = ? for update',
        [waiting],
        'all',
        tx.getTransactionContext(),
      )
      .then(() => undefined),
  );
  await Promise.all([fulfilment.held, sweeper.held]);

  now = new Date('2027-03-09T08:30:00Z'); // due at 08:00: level 1 (owner and lead) is due
  const version = (id: string) =>
    sql<{ xmin: string }>('select xmin::text from care_commitment where id = ?', [id]).then((r) => r[0].xmin);
  const freeBefore = await version(free);
  const first = await sweepEscalations(care.orm.em as EntityManager);
  expect(first.commitments).toBe(1); // only `free`: the others are held, and nobody waited
  expect(await notified(free)).toEqual([
    { level: 1, recipient: 'OWNER' },
    { level: 1, recipient: 'TEAM_LEAD' },
  ]);
  expect(await notified(kept)).toEqual([]);
  expect(await notified(waiting)).toEqual([]);
  // a level with nothing to apply moved the due entry only: the wide commitment row was not written
  expect(await version(free)).toBe(freeBefore);
  const [entry] = await sql<{ next_at: string }>(
    'select next_at from care_commitment_due where commitment_id = ?',
    [free],
  );
  expect(new Date(entry.next_at).toISOString()).toBe('2027-03-09T09:00:00.000Z'); // level 2, one hour after due

  await fulfilment.release(); // kept: fulfilled at 08:20, the ladder stops
  await sweeper.release(); // the other sweeper let go without firing
  await expectListInStep([free]);
  expect(await sql('select 1 from care_commitment_due where commitment_id = ?', [kept])).toEqual([]);

  const second = await sweepEscalations(care.orm.em as EntityManager);
  expect(second.commitments).toBe(1); // `waiting`, now free
  expect(await notified(waiting)).toEqual([
    { level: 1, recipient: 'OWNER' },
    { level: 1, recipient: 'TEAM_LEAD' },
  ]);
  expect(await notified(kept)).toEqual([]);
  expect(await notified(free)).toHaveLength(2); // not again
  await expectListInStep([free, waiting]);
  // a deleted commitment leaves the list too
  await sql('delete from care_commitment where id = ?', [free]);
  await expectListInStep([waiting]);
});

it('a fulfilment that waited on an entry a sweep was replacing still removes it: the kept commitment leaves the list', async () => {
  now = new Date('2027-03-09T02:00:00Z');
  const kept = await make('2027-03-09T09:00:00Z');
  now = new Date('2027-03-09T09:30:00Z'); // level 1 due: the sweep fires it and moves the entry to level 2
  let resume!: () => void;
  let paused!: () => void;
  const resumed = new Promise<void>((r) => (resume = r));
  const reached = new Promise<void>((r) => (paused = r));
  const sweep = sweepEscalations(care.orm.em as EntityManager, {
    afterEscalations: async () => {
      paused();
      await resumed;
    },
  });
  await reached; // the sweep holds kept's entry (picked FOR UPDATE) and has not moved it yet
  const fulfilment = (care.orm.em as EntityManager)
    .fork()
    .getConnection()
    .execute(
      'update care_commitment set fulfilled_at = ?, fulfilled_by = ?, next_escalation_at = null where id = ?',
      [new Date('2027-03-09T09:35:00Z'), 'test', kept],
      'run',
    );
  // the fulfilment's trigger waits on the entry the sweep holds
  let waited = false;
  for (let i = 0; i < 400 && !waited; i++) {
    waited =
      (
        await sql(
          `select 1 from pg_stat_activity where wait_event_type = 'Lock' and query like 'update care_commitment set fulfilled_at%'`,
        )
      ).length > 0;
    if (!waited) await new Promise((r) => setTimeout(r, 25));
  }
  expect(waited).toBe(true);
  resume();
  expect((await sweep).commitments).toBeGreaterThanOrEqual(1);
  await fulfilment;
  // the sweep's new entry (level 2) went with the fulfilment: the ladder stops
  expect(await sql('select 1 from care_commitment_due where commitment_id = ?', [kept])).toEqual([]);
  now = new Date('2027-03-10T12:00:00Z'); // a day later: nothing more for the kept commitment
  await sweepEscalations(care.orm.em as EntityManager);
  expect(await notified(kept)).toEqual([
    { level: 1, recipient: 'OWNER' },
    { level: 1, recipient: 'TEAM_LEAD' },
  ]);
});

it('keys each outbox row by its (commitment, level, recipient): the primary key refuses a second; a level fires once, to the recipients its policy named then', async () => {
  now = new Date('2027-03-10T02:00:00Z');
  const id = await make('2027-03-10T08:00:00Z');
  now = new Date('2027-03-10T08:30:00Z'); // level 1 (owner and lead) due
  await sweepEscalations(care.orm.em as EntityManager);
  const rows = await sql<{ id: string; level: number; recipient: string; digest: string }>(
    `select id, level, recipient, md5(commitment_id::text || '/' || level || '/' || recipient)::uuid::text as digest
       from care_notification where commitment_id = ? order by recipient`,
    [id],
  );
  expect(rows.map((r) => `${r.level}:${r.recipient}`)).toEqual(['1:OWNER', '1:TEAM_LEAD']);
  expect(rows.every((r) => r.id === r.digest)).toBe(true);
  // the same (commitment, level, recipient) again is refused by the database itself
  await expect(
    sql(
      `insert into care_notification (id, commitment_id, level, recipient, center_id, action, created_at)
       values (md5(?::text || '/1/OWNER')::uuid, ?, 1, 'OWNER', ?, 'NOTIFY', now())`,
      [id, id, center],
    ),
  ).rejects.toThrow(/care_notification_pkey/);
  // the due entry put back at level 1's moment, the center's policy meanwhile naming one more
  // recipient at level 1: the level's record says it fired (to those its policy named then)
  const wider = DEFAULT_ESCALATION_POLICY.levels.map((l) =>
    l.level === 1 ? { ...l, recipients: [...l.recipients, 'CENTER_MANAGER'] } : l,
  );
  const policy = randomUUID();
  await sql(
    `insert into care_escalation_policy (id, center_id, case_type, priority, segment, code, levels, updated_at, version)
     values (?, ?, '*', '*', '*', 'WIDER', ?::jsonb, now(), 1)`,
    [policy, center, JSON.stringify(wider)],
  );
  try {
    await sql('update care_commitment_due set next_at = ? where commitment_id = ?', [
      new Date('2027-03-10T08:00:00Z'),
      id,
    ]);
    await sweepEscalations(care.orm.em as EntityManager);
  } finally {
    await sql('delete from care_escalation_policy where id = ?', [policy]);
  }
  expect(await sql('select level from care_escalation where commitment_id = ?', [id])).toEqual([
    { level: 1 },
  ]);
  expect(await notified(id)).toEqual([
    { level: 1, recipient: 'OWNER' },
    { level: 1, recipient: 'TEAM_LEAD' },
  ]);
});
