import { randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Identity } from '@switchboard/auth';
import { staticScopeSource } from '@switchboard/subgraph-kit';
import {
  caller,
  databaseFingerprint,
  KnownReferences,
  postGraphQL,
  startTestSubgraph,
  subgraphToken,
  type TestSubgraph,
} from '@switchboard/testing';
import { createOrm } from '@switchboard/db';
import { careDatabase, careSubgraph } from '../care.subgraph';
import { configureCare, type CareContact, type RecipientAsk } from '../care-services';
import { sweepEscalations } from '../escalation/escalation.sweeper';
import { deliverNotification } from '../notification/notification-delivery';

/*
 * Commitments end to end in one subgraph, on a clock the test moves: made by an agent on a contact
 * (traffic faked behind the contact source), the ladder of issue 18's default policy swept
 * level by level, exactly once per (level, recipient) across a crash and concurrent sweeps; the
 * lead told is the team's lead on the due day.
 */
const center = randomUUID();
const otherCenter = randomUUID();
const team = randomUUID();
const tag = randomUUID().slice(0, 6).toUpperCase();
const code = { center: `C-${tag}`, team: `T-${tag}` };
const no = { agent: `A${tag}`, other: `O${tag}`, oldLead: `L1${tag}`, newLead: `L2${tag}` };
/** The team's lead changes on 2027-03-10: before that day L1, from it L2. */
const LEAD_CHANGE = '2027-03-10';

let now = new Date('2027-03-08T01:00:00Z'); // Monday 09:00 in Shanghai
const contacts = new Map<string, CareContact>();
const asked: RecipientAsk[][] = [];
let care: TestSubgraph;
let restore: () => void;

const agent: Identity = caller('AGENT', { employeeNo: no.agent });
const lead = (employeeNo: string): Identity => caller('TEAM_LEAD', { teams: [code.team], employeeNo });
const manager: Identity = caller('CENTER_MANAGER', { centers: [code.center] });
const noEmployee: Identity = caller('CASE_HANDLER', {});

async function as<T>(who: Identity, query: string, variables?: Record<string, unknown>) {
  const token = await subgraphToken('care', who);
  return postGraphQL<T>(care.url, query, variables, { authorization: `Bearer ${token}` });
}

const MAKE = `mutation($i: MakeCommitmentInput!) { makeCommitment(input: $i) {
  id status dueAt ownerEmployeeNo teamId escalationLevel } }`;
const contactKey = (externalId: string) => ({ source: 'CTI', externalId });
function input(overrides: Record<string, unknown> = {}) {
  return {
    clientKey: randomUUID(),
    centerId: center,
    contact: contactKey('c-1'),
    customerKey: 'cust-1',
    kind: 'CALL_BACK',
    channel: 'VOICE',
    dueAt: new Date(now.getTime() + 2 * 3600_000).toISOString(),
    ...overrides,
  };
}
type Made = {
  makeCommitment: { id: string; status: string; dueAt: string; ownerEmployeeNo: string; teamId: string };
};

beforeAll(async () => {
  contacts.set('c-1', {
    source: 'CTI',
    externalId: 'c-1',
    channel: 'VOICE',
    direction: 'INBOUND',
    outcome: 'ANSWERED',
    arrivedAt: new Date('2027-03-08T00:50:00Z'),
    agentNo: no.agent,
  });
  restore = configureCare({
    clock: () => now,
    contacts: async (keys) => keys.map((k) => contacts.get(k.externalId) ?? null),
    directory: async (asks) => {
      asked.push([...asks]);
      return asks.map((a) => ({ teamId: team, teamLead: a.asOf < LEAD_CHANGE ? no.oldLead : no.newLead }));
    },
    webhookUrl: null,
  });
  care = await startTestSubgraph(careSubgraph, {
    scopeSource: staticScopeSource({
      centers: { [code.center]: { id: center, teams: [code.team] } },
      teams: { [code.team]: { id: team, employeeNos: [no.agent, no.oldLead, no.newLead] } },
    }),
    referenceSource: new KnownReferences().add('center', center, otherCenter).source,
  });
  // Shanghai, Monday to Friday 09:00-12:00 and 13:00-18:00
  const periods = [1, 2, 3, 4, 5].flatMap((weekday) => [
    { weekday, start: '09:00', end: '12:00' },
    { weekday, start: '13:00', end: '18:00' },
  ]);
  const set = await postGraphQL(
    care.url,
    'mutation($i: SetBusinessCalendarInput!) { setBusinessCalendar(input: $i) { centerId version } }',
    { i: { centerId: center, timeZone: 'Asia/Shanghai', periods, exceptions: [] } },
  );
  expect(set.errors).toBeUndefined();
});
afterAll(async () => {
  await care?.stop();
  restore?.();
});

describe('business calendars', () => {
  it('refuses a bad calendar naming the field and writes nothing', async () => {
    const before = await databaseFingerprint(care.orm);
    const answer = await postGraphQL(
      care.url,
      'mutation($i: SetBusinessCalendarInput!) { setBusinessCalendar(input: $i) { centerId } }',
      {
        i: {
          centerId: center,
          timeZone: 'Mars/Olympus',
          periods: [{ weekday: 8, start: '09:00', end: '08:00' }],
        },
      },
    );
    expect(answer.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(answer.errors?.[0]?.message).toContain('input.timeZone');
    expect(await databaseFingerprint(care.orm)).toEqual(before);
  });

  it('is set by a center manager of the center, not by an agent', async () => {
    const q = 'mutation($i: SetBusinessCalendarInput!) { setBusinessCalendar(input: $i) { version } }';
    const i = {
      centerId: center,
      timeZone: 'Asia/Shanghai',
      periods: [{ weekday: 1, start: '09:00', end: '18:00' }],
    };
    expect((await as(agent, q, { i })).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const other = { ...i, centerId: otherCenter };
    expect((await as(manager, q, { i: other })).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});

describe('escalation policies', () => {
  const SET =
    'mutation($i: SetEscalationPolicyInput!) { setEscalationPolicy(input: $i) { code levels { level } } }';
  const level = (over: Record<string, unknown> = {}) => ({
    level: 0,
    offset: 0,
    basis: 'CALENDAR_MINUTES',
    recipients: ['OWNER'],
    action: 'NOTIFY',
    ...over,
  });
  it('sets one for a case type of the center, read back as the one that applies; the default otherwise', async () => {
    const set = await postGraphQL(care.url, SET, {
      i: {
        centerId: center,
        caseType: 'COMPLAINT',
        code: 'FAST',
        levels: [level(), level({ level: 1, offset: 5, action: 'RAISE_PRIORITY' })],
      },
    });
    expect(set.errors).toBeUndefined();
    const read = await postGraphQL<{ a: { code: string }; b: { code: string } }>(
      care.url,
      'query($c: ID!) { a: escalationPolicy(centerId: $c, caseType: "COMPLAINT") { code } b: escalationPolicy(centerId: $c) { code } }',
      { c: center },
    );
    expect(read.data).toEqual({ a: { code: 'FAST' }, b: { code: 'DEFAULT' } });
  });
  it('refuses levels out of order, naming the field, writing nothing', async () => {
    const before = await databaseFingerprint(care.orm);
    const answer = await postGraphQL(care.url, SET, {
      i: { centerId: center, code: 'BAD', levels: [level({ offset: 10 }), level({ level: 1, offset: 5 })] },
    });
    expect(answer.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(answer.errors?.[0]?.message).toContain('input.levels[1].offset');
    expect(await databaseFingerprint(care.orm)).toEqual(before);
  });
});

describe('makeCommitment', () => {
  it('makes the caller the promiser, is idempotent on the client key, and is OPEN', async () => {
    const i = input();
    const first = await as<Made>(agent, MAKE, { i });
    expect(first.errors).toBeUndefined();
    expect(first.data?.makeCommitment).toMatchObject({
      ownerEmployeeNo: no.agent,
      status: 'OPEN',
      teamId: team,
    });
    const again = await as<Made>(agent, MAKE, {
      i: { ...i, dueAt: new Date(now.getTime() + 9e6).toISOString() },
    });
    expect(again.data?.makeCommitment.id).toBe(first.data?.makeCommitment.id);
  });

  it('counts business minutes on the center calendar (Monday 11:30 + 90 min = 14:00, lunch skipped)', async () => {
    const at = now;
    now = new Date('2027-03-08T03:30:00Z'); // 11:30 Shanghai
    const made = await as<Made>(agent, MAKE, { i: input({ dueAt: null, dueInBusinessMinutes: 90 }) });
    now = at;
    expect(made.errors).toBeUndefined();
    expect(made.data?.makeCommitment.dueAt).toBe('2027-03-08T06:00:00.000Z');
  });

  it.each([
    ['due before made', { dueAt: '2027-03-08T00:00:00Z' }, 'input.dueAt'],
    [
      'an unknown calendar',
      { centerId: otherCenter, dueAt: null, dueInBusinessMinutes: 30 },
      'input.centerId',
    ],
    ['an unknown contact', { contact: contactKey('nope') }, 'input.contact'],
    ['an unknown kind', { kind: 'SING' }, 'input.kind'],
    ['an unknown case', { caseId: randomUUID() }, 'input.caseId'],
    ['both due forms', { dueInBusinessMinutes: 5 }, 'input.dueAt'],
    ['an unknown center', { centerId: randomUUID() }, 'input.centerId'],
  ])('refuses %s with BAD_USER_INPUT naming the field, writing nothing', async (_, overrides, field) => {
    const before = await databaseFingerprint(care.orm);
    const answer = await as(agent, MAKE, { i: input(overrides) });
    expect(answer.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(answer.errors?.[0]?.message).toContain(field);
    expect(await databaseFingerprint(care.orm)).toEqual(before);
  });

  it('refuses a caller with no employee number (the promiser is never an input)', async () => {
    const before = await databaseFingerprint(care.orm);
    const answer = await as(noEmployee, MAKE, { i: input() });
    expect(answer.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(await databaseFingerprint(care.orm)).toEqual(before);
  });
});

describe('status and fulfilment by hand', () => {
  const FULFIL =
    'mutation($i: FulfilCommitmentInput!) { fulfilCommitment(input: $i) { status fulfilmentEvidence } }';
  it('FULFILLED before due, BROKEN once due passes, FULFILLED_LATE after', async () => {
    const start = now;
    const a = (await as<Made>(agent, MAKE, { i: input() })).data?.makeCommitment;
    const b = (await as<Made>(agent, MAKE, { i: input() })).data?.makeCommitment;
    const kept = await as<{ fulfilCommitment: { status: string } }>(agent, FULFIL, {
      i: { id: a?.id, evidence: 'called' },
    });
    expect(kept.data?.fulfilCommitment.status).toBe('FULFILLED');
    now = new Date(start.getTime() + 3 * 3600_000);
    const read = await as<{ commitment: { status: string } }>(
      agent,
      'query($id: ID!) { commitment(id: $id) { status } }',
      {
        id: b?.id,
      },
    );
    expect(read.data?.commitment.status).toBe('BROKEN');
    const late = await as<{ fulfilCommitment: { status: string } }>(agent, FULFIL, {
      i: { id: b?.id, evidence: 'x' },
    });
    expect(late.data?.fulfilCommitment.status).toBe('FULFILLED_LATE');
    const twice = await as(agent, FULFIL, { i: { id: b?.id, evidence: 'x' } });
    expect(twice.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    now = start;
  });

  it('an agent sees their own, the lead the team’s, another agent none', async () => {
    const other = caller('AGENT', { employeeNo: no.other });
    const q = '{ commitments(first: 500) { ownerEmployeeNo } }';
    const mine = await as<{ commitments: { ownerEmployeeNo: string }[] }>(agent, q);
    expect(mine.data?.commitments.length).toBeGreaterThan(0);
    expect((await as<{ commitments: unknown[] }>(lead(no.oldLead), q)).data?.commitments.length).toBe(
      mine.data?.commitments.length,
    );
    expect((await as<{ commitments: unknown[] }>(manager, q)).data?.commitments.length).toBe(
      mine.data?.commitments.length,
    );
    expect((await as<{ commitments: unknown[] }>(other, q)).data?.commitments).toEqual([]);
  });

  it("lists one customer's commitments by key in any written form, within the caller's scope", async () => {
    const phone = (await as<Made>(agent, MAKE, { i: input({ customerKey: '+8613900000042' }) })).data
      ?.makeCommitment;
    const q = 'query($k: String!) { commitments(first: 500, customerKey: $k) { id customerKey } }';
    type Listed = { commitments: { id: string; customerKey: string }[] };
    for (const written of ['+8613900000042', '139 0000 0042', '008613900000042'])
      expect((await as<Listed>(manager, q, { k: written })).data?.commitments).toEqual([
        { id: phone?.id, customerKey: '+8613900000042' },
      ]);
    const byPseudonym = (await as<Listed>(agent, q, { k: 'cust-1' })).data?.commitments ?? [];
    expect(byPseudonym.length).toBeGreaterThan(0);
    expect(byPseudonym.every((c) => c.customerKey === 'cust-1')).toBe(true);
    expect(
      (await as<Listed>(caller('AGENT', { employeeNo: no.other }), q, { k: 'cust-1' })).data?.commitments,
    ).toEqual([]);
    // an empty key names no customer: nothing, not everything
    expect((await as<Listed>(manager, q, { k: '  ' })).data?.commitments).toEqual([]);
  });
});

describe('escalation ladder', () => {
  const notifications = async (em: EntityManager, id: string) =>
    (await em
      .fork()
      .execute(
        'select level, recipient, address_employee_no, address_role from care_notification where commitment_id = ? order by level, recipient',
        [id],
      )) as Array<{
      level: number;
      recipient: string;
      address_employee_no: string | null;
      address_role: string | null;
    }>;

  it('fires each (level, recipient) exactly once across a crash, concurrent sweeps and restarts; the lead as of the due day', async () => {
    // made Tuesday 2027-03-09 10:00 Shanghai, due 16:00 the same day; the lead changes the next day
    now = new Date('2027-03-09T02:00:00Z');
    const made = (await as<Made>(agent, MAKE, { i: input({ dueAt: '2027-03-09T08:00:00Z' }) })).data
      ?.makeCommitment;
    const id = made?.id as string;
    asked.length = 0; // from here on, the sweeper's questions only
    const em = care.orm.em as EntityManager;
    const sweepAt = async (iso: string) => {
      now = new Date(iso);
      return sweepEscalations(em);
    };

    // nothing due yet
    await sweepAt('2027-03-09T07:00:00Z');
    expect(await notifications(em, id)).toEqual([]);
    // level 0 (30 business minutes before due: 15:30): the owner; a crash between the escalation and
    // its notification leaves nothing behind, the next sweep does it once
    now = new Date('2027-03-09T07:31:00Z');
    await expect(
      sweepEscalations(em, {
        afterEscalations: () => {
          throw new Error('killed');
        },
      }),
    ).rejects.toThrow('killed');
    expect(await notifications(em, id)).toEqual([]);
    await Promise.all([sweepEscalations(em), sweepEscalations(em), sweepEscalations(em)]);
    await sweepEscalations(em);
    expect(await notifications(em, id)).toEqual([
      { level: 0, recipient: 'OWNER', address_employee_no: no.agent, address_role: null },
    ]);

    // level 1 at due, Tuesday 16:00: owner and the lead of Tuesday (the old one), even swept on Thursday
    // level 2 one business hour after (Tuesday 17:00): reassign to the team, the lead told
    // level 3 one business day after (Wednesday 16:00): the center manager
    await sweepAt('2027-03-11T02:00:00Z'); // Thursday 10:00
    await sweepAt('2027-03-11T02:00:00Z');
    const rows = await notifications(em, id);
    expect(rows).toEqual([
      { level: 0, recipient: 'OWNER', address_employee_no: no.agent, address_role: null },
      { level: 1, recipient: 'OWNER', address_employee_no: no.agent, address_role: null },
      { level: 1, recipient: 'TEAM_LEAD', address_employee_no: no.oldLead, address_role: null },
      { level: 2, recipient: 'TEAM_LEAD', address_employee_no: no.oldLead, address_role: null },
      { level: 3, recipient: 'CENTER_MANAGER', address_employee_no: null, address_role: 'CENTER_MANAGER' },
    ]);
    // swept on Thursday, after the lead changed on Wednesday: staff was asked for the due day
    expect(asked.flat().some((a) => a.asOf === '2027-03-09')).toBe(true);
    expect(asked.every((batch) => batch.length > 0)).toBe(true); // asked only when a lead is needed

    // level 4, three business days after due (Friday 16:00): complaint risk; then the ladder is done
    await sweepAt('2027-03-12T08:00:00Z');
    await sweepAt('2027-03-20T08:00:00Z');
    const read = await as<{
      commitment: {
        escalationLevel: number;
        complaintRisk: boolean;
        reassignedToTeam: boolean;
        status: string;
      };
    }>(
      agent,
      'query($id: ID!) { commitment(id: $id) { escalationLevel complaintRisk reassignedToTeam status } }',
      { id },
    );
    expect(read.data?.commitment).toEqual({
      escalationLevel: 4,
      complaintRisk: true,
      reassignedToTeam: true,
      status: 'BROKEN',
    });
    expect((await notifications(em, id)).length).toBe(6);
    const fired = (await em
      .fork()
      .execute('select level from care_escalation where commitment_id = ? order by level', [id])) as {
      level: number;
    }[];
    expect(fired.map((f) => f.level)).toEqual([0, 1, 2, 3, 4]);

    // in-app: the owner sees theirs, the Tuesday lead theirs, the manager the center's
    const MINE = '{ myEscalations(first: 200) { commitmentId level recipient } }';
    type Mine = { myEscalations: { commitmentId: string; level: number; recipient: string }[] };
    const forMe = (d?: Mine | null) =>
      (d?.myEscalations ?? [])
        .filter((e) => e.commitmentId === id)
        .map((e) => e.level)
        .sort();
    expect(forMe((await as<Mine>(agent, MINE)).data)).toEqual([0, 1]);
    expect(forMe((await as<Mine>(lead(no.oldLead), MINE)).data)).toEqual([1, 2]);
    expect(forMe((await as<Mine>(lead(no.newLead), MINE)).data)).toEqual([]);
    expect(forMe((await as<Mine>(manager, MINE)).data)).toEqual([3, 4]);
  });

  it("a sweeper whose database session is killed mid-sweep leaves nothing; a new process's sweep fires each once", async () => {
    now = new Date('2027-03-16T02:00:00Z');
    const made = (await as<Made>(agent, MAKE, { i: input({ dueAt: '2027-03-16T08:00:00Z' }) })).data
      ?.makeCommitment;
    const id = made?.id as string;
    const clientUrl = care.orm.config.get('clientUrl') as string;
    // "process one": its own connection pool; killed between writing the escalations and the outbox
    const first = await createOrm({ ...careDatabase, clientUrl });
    now = new Date('2027-03-16T08:05:00Z');
    await expect(
      sweepEscalations(first.em as EntityManager, {
        afterEscalations: async () => {
          await (care.orm.em as EntityManager).fork().execute(
            `select pg_terminate_backend(pid) from pg_stat_activity
                where datname = current_database() and state = 'idle in transaction' and pid <> pg_backend_pid()`,
          );
        },
      }),
    ).rejects.toThrow();
    await first.close(true).catch(() => undefined);
    expect(await notifications(care.orm.em as EntityManager, id)).toEqual([]);
    // "process two" starts and sweeps; then sweeps again
    const second = await createOrm({ ...careDatabase, clientUrl });
    try {
      await sweepEscalations(second.em as EntityManager);
      await sweepEscalations(second.em as EntityManager);
    } finally {
      await second.close(true);
    }
    expect(
      (await notifications(care.orm.em as EntityManager, id)).map((n) => `${n.level}:${n.recipient}`),
    ).toEqual(['1:OWNER', '1:TEAM_LEAD']);
  });

  it('stops climbing once the commitment is kept', async () => {
    now = new Date('2027-03-15T02:00:00Z');
    const made = (await as<Made>(agent, MAKE, { i: input({ dueAt: '2027-03-15T08:00:00Z' }) })).data
      ?.makeCommitment;
    await as(agent, 'mutation($i: FulfilCommitmentInput!) { fulfilCommitment(input: $i) { id } }', {
      i: { id: made?.id, evidence: 'called back' },
    });
    now = new Date('2027-03-25T02:00:00Z');
    await sweepEscalations(care.orm.em as EntityManager);
    expect(await notifications(care.orm.em as EntityManager, made?.id as string)).toEqual([]);
  });
});

describe('webhook delivery', () => {
  it('records each attempt; a failure is thrown for the queue to retry, a delivered row is not sent again', async () => {
    const em = care.orm.em as EntityManager;
    const [row] = (await em
      .fork()
      .execute('select id from care_notification order by created_at limit 1')) as {
      id: string;
    }[];
    const sent: unknown[] = [];
    let fail = true;
    const undo = configureCare({
      webhookUrl: 'http://hooks.example/escalations',
      sendWebhook: async (_url, body) => {
        if (fail) throw new Error('503 from the receiver');
        sent.push(body);
      },
    });
    try {
      await expect(deliverNotification(em, row.id)).rejects.toThrow('503');
      fail = false;
      expect(await deliverNotification(em, row.id)).toBe('DELIVERED');
      expect(await deliverNotification(em, row.id)).toBe('ALREADY_DELIVERED');
    } finally {
      undo();
    }
    expect(sent).toEqual([expect.objectContaining({ id: row.id })]);
    const [stored] = (await em
      .fork()
      .execute(
        'select delivery_attempts, delivered_at, last_delivery_error from care_notification where id = ?',
        [row.id],
      )) as { delivery_attempts: number; delivered_at: Date | null; last_delivery_error: string | null }[];
    expect(stored).toMatchObject({ delivery_attempts: 2, last_delivery_error: null });
    expect(stored.delivered_at).not.toBeNull();
  });
});
