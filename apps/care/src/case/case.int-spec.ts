import { randomUUID } from 'node:crypto';
import {
  databaseFingerprint,
  KnownReferences,
  postGraphQL,
  startTestSubgraph,
  type TestSubgraph,
} from '@switchboard/testing';
import { careSubgraph } from '../care.subgraph';
import { CareFactory, CASE_FIELDS, type OpenedCase } from '../testing/care-factories';
import { CareWorldDouble } from '../testing/care-world-double';
import { applyCaseEvent, type CaseProjection } from './case-projection';

const center = randomUUID();
const team = randomUUID();
const KEY = '+8613800000001';

describe('Cases', () => {
  let care: TestSubgraph;
  let factory: CareFactory;
  const world = new CareWorldDouble();
  const references = new KnownReferences()
    .add('center', center)
    .add('team', team)
    .add('agent', '1001', '1002', '1003');
  const calls = [
    world.contact('13800000001', '1001', '2026-11-30T02:00:00Z'),
    world.contact(KEY, '1002', '2026-12-01T01:00:00Z', { channel: 'WECHAT', queueCode: 'WECHAT-CARDS' }),
    world.contact(KEY, '1003', '2026-12-02T07:00:00Z'),
  ];
  const stranger = world.contact('cust-other', '1001', '2026-12-02T08:00:00Z');
  const keyless = world.contact(null, null, '2026-12-02T09:00:00Z');

  beforeAll(async () => {
    await world.serveAsGateway();
    care = await startTestSubgraph(careSubgraph, { referenceSource: references.source });
    factory = new CareFactory(care.url);
  });
  afterAll(async () => {
    await care.stop();
    await world.release();
  });

  const change = (id: string, expectedVersion: number, c: Record<string, unknown>) =>
    postGraphQL<{ changeCase: OpenedCase & { handoffCount: number; reopenCount: number } }>(
      care.url,
      `mutation($id: ID!, $v: Int!, $c: ChangeCaseInput!) { changeCase(caseId: $id, expectedVersion: $v, change: $c) { ${CASE_FIELDS} } }`,
      { id, v: expectedVersion, c },
    );
  const link = (id: string, expectedVersion: number, contact: { source: string; externalId: string }) =>
    postGraphQL<{ linkContact: OpenedCase }>(
      care.url,
      `mutation($id: ID!, $v: Int!, $c: CareContactKeyInput!) { linkContact(caseId: $id, expectedVersion: $v, contact: $c) { ${CASE_FIELDS} } }`,
      { id, v: expectedVersion, c: { source: contact.source, externalId: contact.externalId } },
    );

  let story: OpenedCase;

  it('opens a case from a contact: NEW, numbered, the customer normalized and created, the contact linked', async () => {
    story = await factory.case({
      centerId: center,
      contact: calls[0],
      ownerAgentNo: '1001',
      ownerTeamId: team,
    });
    expect(story).toMatchObject({ status: 'NEW', customerKey: KEY, version: 2 });
    expect(story.caseNo).toMatch(/^C\d{4}-\d{6}$/);
    const read = await postGraphQL<{
      case: { contacts: { agentNo: string }[]; events: { kind: string; seq: number }[] };
    }>(care.url, 'query($id: ID!) { case(id: $id) { contacts { agentNo } events { kind seq } } }', {
      id: story.id,
    });
    expect(read.data?.case.contacts).toEqual([{ agentNo: '1001' }]);
    expect(read.data?.case.events).toEqual([
      { kind: 'CREATED', seq: 1 },
      { kind: 'LINK_CONTACT', seq: 2 },
    ]);
  });

  it('links the two further calls (each version checked), and a linked contact cannot join another case', async () => {
    let version = story.version;
    for (const call of calls.slice(1))
      version = (await link(story.id, version, call)).data?.linkContact.version ?? -1;
    expect(version).toBe(4);
    story.version = version;
    const before = await databaseFingerprint(care.orm);
    const other = await postGraphQL(care.url, 'mutation($i: OpenCaseInput!) { openCase(input: $i) { id } }', {
      i: {
        contact: { source: calls[1].source, externalId: calls[1].externalId },
        type: 'INQUIRY',
        categoryCode: 'CARD',
        title: 'again',
        department: 'Cards',
        centerId: center,
      },
    });
    expect(other.errors?.[0]?.extensions?.code).toBe('CONFLICT');
    expect(other.errors?.[0]?.message).toContain(story.caseNo);
    expect(await databaseFingerprint(care.orm)).toEqual(before);
  });

  it('moves through the state machine; an illegal move is BAD_USER_INPUT naming both states', async () => {
    let v = story.version;
    for (const status of ['OPEN', 'PENDING_INTERNAL', 'RESOLVED', 'REOPENED', 'RESOLVED', 'CLOSED']) {
      const answer = await change(story.id, v, { status });
      expect(answer.errors).toBeUndefined();
      v = answer.data?.changeCase.version ?? -1;
    }
    const before = await databaseFingerprint(care.orm);
    const illegal = await change(story.id, v, { status: 'PENDING_CUSTOMER' });
    expect(illegal.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(illegal.errors?.[0]?.message).toMatch(/status.*CLOSED.*PENDING_CUSTOMER/);
    expect(await databaseFingerprint(care.orm)).toEqual(before);
    const read = await postGraphQL<{ case: { reopenCount: number; closedAt: string | null } }>(
      care.url,
      'query($id: ID!) { case(id: $id) { reopenCount closedAt } }',
      { id: story.id },
    );
    expect(read.data?.case.reopenCount).toBe(1);
    expect(read.data?.case.closedAt).not.toBeNull();
  });

  it('counts hand-offs between departments (A → B → A is 2), and a stale version is CONFLICT writing nothing', async () => {
    const c = await factory.case({ centerId: center, contact: stranger, department: 'Cards' });
    const first = await change(c.id, c.version, { department: 'Fraud' });
    const second = await change(c.id, first.data?.changeCase.version ?? -1, { department: 'Cards' });
    expect(second.data?.changeCase).toMatchObject({ handoffCount: 2, ownerDepartment: 'Cards' });
    const before = await databaseFingerprint(care.orm);
    const stale = await change(c.id, c.version, { note: 'late' });
    expect(stale.errors?.[0]?.extensions?.code).toBe('CONFLICT');
    expect(stale.errors?.[0]?.message).toContain('expectedVersion');
    expect(await databaseFingerprint(care.orm)).toEqual(before);
  });

  it('concurrent changes at the same version: one lands, the others are CONFLICT, the log has no gap (the row lock holds in the transaction)', async () => {
    const c = await factory.case({
      centerId: center,
      contact: world.contact('cust-other', '1001', '2026-12-02T08:30:00Z'),
      department: 'Cards',
    });
    const answers = await Promise.all(
      ['Fraud', 'Loans', 'Wealth', 'Deposits', 'Insurance', 'Collections'].map((department) =>
        change(c.id, c.version, { department }),
      ),
    );
    const landed = answers.filter((a) => a.data?.changeCase);
    expect(landed).toHaveLength(1);
    for (const refused of answers.filter((a) => !a.data?.changeCase))
      expect(refused.errors?.[0]?.extensions?.code).toBe('CONFLICT');
    const events = await care.orm.em
      .fork()
      .execute<{ seq: number }[]>('select seq from case_event where case_id = ? order by seq', [c.id]);
    expect(events.map((e) => e.seq)).toEqual(events.map((_, i) => i + 1));
    expect(landed[0].data?.changeCase.version).toBe(c.version + 1);
  });

  it('the case row is the projection of its events', async () => {
    const events = await care.orm.em
      .fork()
      .getConnection()
      .execute<
        { seq: number; at: Date; actor: string; kind: string; payload: Record<string, unknown> }[]
      >('select seq, at, actor, kind, payload from case_event where case_id = ? order by seq', [story.id]);
    const replayed = events.reduce<CaseProjection | undefined>(
      (state, e) => applyCaseEvent(state, { ...e, kind: e.kind as never }),
      undefined,
    );
    const [row] = await care.orm.em
      .fork()
      .getConnection()
      .execute<
        Record<string, unknown>[]
      >('select status, version, reopen_count, handoff_count, resolved_at, closed_at from care_case where id = ?', [story.id]);
    expect({
      status: row.status,
      version: row.version,
      reopenCount: row.reopen_count,
      handoffCount: row.handoff_count,
      closedAt: row.closed_at,
    }).toEqual({
      status: replayed?.status,
      version: replayed?.version,
      reopenCount: replayed?.reopenCount,
      handoffCount: replayed?.handoffCount,
      closedAt: replayed?.closedAt,
    });
  });

  it('the event log is append-only', async () => {
    const conn = care.orm.em.fork().getConnection();
    await expect(
      conn.execute('update case_event set actor = ? where case_id = ?', ['x', story.id]),
    ).rejects.toThrow(/append-only|permission/);
    await expect(conn.execute('delete from case_event where case_id = ?', [story.id])).rejects.toThrow(
      /append-only|permission/,
    );
  });

  const open = (input: Record<string, unknown>) =>
    postGraphQL(care.url, 'mutation($i: OpenCaseInput!) { openCase(input: $i) { id } }', { i: input });
  const valid = () => ({
    contact: { source: keyless.source, externalId: `fresh-${randomUUID()}` },
    type: 'INQUIRY',
    categoryCode: 'CARD',
    title: 'x',
    department: 'Cards',
    centerId: center,
  });

  it.each([
    ['an unknown center', { centerId: randomUUID() }, 'input.centerId'],
    ['a malformed center id', { centerId: 'not-an-id' }, 'centerId'],
    ['an unknown team', { ownerTeamId: randomUUID() }, 'input.ownerTeamId'],
    ['an unknown owner agent', { ownerAgentNo: '9999' }, 'input.ownerAgentNo'],
    ['an unknown contact', {}, 'input.contact'],
    [
      'a contact without customer key',
      { contact: { source: keyless.source, externalId: keyless.externalId } },
      'input.contact',
    ],
    [
      'an unknown category',
      { categoryCode: 'NOPE', contact: { source: stranger.source, externalId: calls[2].externalId } },
      'input.categoryCode',
    ],
    ['an empty title', { title: '' }, 'title'],
    ['a priority of 5', { priority: 5 }, 'priority'],
    ['an empty department', { department: '' }, 'department'],
  ])(
    'openCase refuses %s with BAD_USER_INPUT naming the field, and writes nothing',
    async (_, patch, field) => {
      const before = await databaseFingerprint(care.orm);
      const answer = await open({ ...valid(), ...patch });
      expect(answer.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
      expect(answer.errors?.[0]?.message).toContain(field);
      expect(await databaseFingerprint(care.orm)).toEqual(before);
    },
  );

  it.each([
    ['an unknown owner agent', { ownerAgentNo: '9999' }, 'change.ownerAgentNo'],
    ['an unknown team', { ownerTeamId: randomUUID() }, 'change.ownerTeamId'],
    ['a malformed team id', { ownerTeamId: 'team-x' }, 'ownerTeamId'],
    ['an empty department', { department: '' }, 'department'],
    ['no change at all', {}, 'change'],
  ])(
    'changeCase refuses %s with BAD_USER_INPUT naming the field, and writes nothing',
    async (_, patch, field) => {
      const c = await factory.case({
        centerId: center,
        contact: world.contact('cust-change', '1001', '2026-12-04T01:00:00Z'),
      });
      const before = await databaseFingerprint(care.orm);
      const answer = await change(c.id, c.version, patch);
      expect(answer.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
      expect(answer.errors?.[0]?.message).toContain(field);
      expect(await databaseFingerprint(care.orm)).toEqual(before);
    },
  );

  it("linkContact refuses another customer's contact and an unknown case, writing nothing", async () => {
    const c = await factory.case({
      centerId: center,
      contact: world.contact('cust-third', '1002', '2026-12-03T01:00:00Z'),
    });
    const before = await databaseFingerprint(care.orm);
    const wrong = await link(c.id, c.version, world.contact('cust-fourth', '1002', '2026-12-03T02:00:00Z'));
    expect(wrong.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(wrong.errors?.[0]?.message).toContain('contact');
    const unknown = await link(randomUUID(), 1, calls[0]);
    expect(unknown.errors?.[0]?.message).toContain('caseId');
    expect(await databaseFingerprint(care.orm)).toEqual(before);
  });

  it('refuses a page size out of range', async () => {
    const answer = await postGraphQL(care.url, '{ cases(first: 0) { id } }');
    expect(answer.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });
});
