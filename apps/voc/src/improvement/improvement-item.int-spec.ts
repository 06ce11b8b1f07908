import { randomUUID } from 'node:crypto';
import { staticScopeSource } from '@switchboard/subgraph-kit';
import {
  databaseFingerprint,
  KnownReferences,
  postGraphQL,
  startTestSubgraph,
  type TestSubgraph,
} from '@switchboard/testing';
import { Feedback } from '../feedback/feedback.entity';
import { vocSubgraph } from '../voc.subgraph';

const centerA = randomUUID();
const centerB = randomUUID();
const CREATE = `mutation($i: CreateImprovementItemInput!) { createImprovementItem(input: $i) {
  id centerId title ownerDepartment dueDate status closedAt feedbackIds } }`;
const STATUS = `mutation($id: ID!, $s: ImprovementStatus!) { setImprovementItemStatus(id: $id, status: $s) { status closedAt } }`;
const CLOSURE = `query($from: String!, $to: String!) { improvementClosure(from: $from, to: $to) { due closedOnTime rate } }`;
const DAY = 86_400_000;
const day = (offset: number) => new Date(Date.now() + offset * DAY).toISOString().slice(0, 10);

describe('improvement items', () => {
  let voc: TestSubgraph;
  const feedback: Record<'A1' | 'A2' | 'B1', string> = { A1: '', A2: '', B1: '' };

  beforeAll(async () => {
    voc = await startTestSubgraph(vocSubgraph, {
      scopeSource: staticScopeSource({
        centers: { CA: { id: centerA, teams: [] }, CB: { id: centerB, teams: [] } },
        teams: {},
      }),
      referenceSource: new KnownReferences().add('center', centerA, centerB).source,
    });
    const em = voc.orm.em.fork();
    for (const key of ['A1', 'A2', 'B1'] as const) {
      const row = em.create(Feedback, {
        source: 'SURVEY',
        sourceRef: `inv-${randomUUID()}`,
        centerId: key.startsWith('A') ? centerA : centerB,
        occurredAt: new Date('2026-11-10T09:00:00Z'),
        text: '等了二十分钟',
        category: 'WAIT_TIME',
        categories: ['WAIT_TIME'],
        rulesVersion: 1,
      });
      em.persist(row);
      feedback[key] = row.id;
    }
    await em.flush();
  });
  afterAll(() => voc.stop());

  const input = (overrides: Record<string, unknown> = {}) => ({
    centerId: centerA,
    title: 'Shorten the card activation menu',
    ownerDepartment: 'Card operations',
    dueDate: day(30),
    feedbackIds: [feedback.A1, feedback.A2],
    ...overrides,
  });
  const create = (i: Record<string, unknown>) =>
    postGraphQL<{ createImprovementItem: { id: string; status: string; feedbackIds: string[] } }>(
      voc.url,
      CREATE,
      { i },
    );

  it('opens an item with its feedback as evidence and moves it to DONE once', async () => {
    const made = await create(input({ feedbackIds: [feedback.A2, feedback.A1, feedback.A1] }));
    expect(made.errors).toBeUndefined();
    expect(made.data?.createImprovementItem).toMatchObject({
      status: 'OPEN',
      feedbackIds: [feedback.A1, feedback.A2].sort(),
    });
    const id = made.data?.createImprovementItem.id;
    const done = await postGraphQL<{ setImprovementItemStatus: { status: string; closedAt: string | null } }>(
      voc.url,
      STATUS,
      { id, s: 'DONE' },
    );
    expect(done.data?.setImprovementItemStatus.status).toBe('DONE');
    expect(done.data?.setImprovementItemStatus.closedAt).not.toBeNull();
    const back = await postGraphQL(voc.url, STATUS, { id, s: 'IN_PROGRESS' });
    expect(back.errors?.[0]?.extensions?.code).toBe('CONFLICT');
    expect(back.errors?.[0]?.message).toContain('status');
  });

  it('refuses bad input naming each field, and writes nothing', async () => {
    const before = await databaseFingerprint(voc.orm);
    for (const [bad, field] of [
      [input({ dueDate: '2026-02-30' }), 'input.dueDate'],
      [input({ dueDate: 'soon' }), 'dueDate'],
      [input({ title: '' }), 'title'],
      [input({ ownerDepartment: 'x'.repeat(101) }), 'ownerDepartment'],
      [input({ feedbackIds: [feedback.A1, randomUUID()] }), 'input.feedbackIds[1]'],
      [input({ feedbackIds: ['nope'] }), 'input.feedbackIds[0]'],
      [input({ feedbackIds: [feedback.B1] }), 'input.feedbackIds[0]'],
      [input({ centerId: 'not-a-center' }), 'centerId'],
    ] as const) {
      const answer = await create(bad);
      expect(answer.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
      expect(JSON.stringify(answer.errors?.[0])).toContain(field);
    }
    const status = await postGraphQL(voc.url, STATUS, { id: randomUUID(), s: 'DONE' });
    expect(status.errors?.[0]?.extensions?.code).toMatch(/FORBIDDEN|NOT_FOUND/);
    expect(await databaseFingerprint(voc.orm)).toEqual(before);
  });

  it('gives the closure rate of items due in a period: DONE by their due date, cancelled left out', async () => {
    const from = day(-400);
    const to = day(400);
    const start = await postGraphQL<{ improvementClosure: { due: number; closedOnTime: number } }>(
      voc.url,
      CLOSURE,
      { from, to },
    );
    const base = start.data?.improvementClosure ?? { due: 0, closedOnTime: 0 };
    const item = async (dueOffset: number, status: string | null) => {
      const made = await create(input({ dueDate: day(dueOffset), feedbackIds: [] }));
      const id = made.data?.createImprovementItem.id;
      if (status) await postGraphQL(voc.url, STATUS, { id, s: status });
    };
    await item(10, 'DONE'); // on time
    await item(-5, 'DONE'); // done today, due five days ago: late
    await item(20, null); // still open
    await item(3, 'CANCELLED'); // not counted
    const answer = await postGraphQL<{
      improvementClosure: { due: number; closedOnTime: number; rate: number };
    }>(voc.url, CLOSURE, { from, to });
    expect(answer.data?.improvementClosure.due).toBe(base.due + 3);
    expect(answer.data?.improvementClosure.closedOnTime).toBe(base.closedOnTime + 1);
    const bad = await postGraphQL(voc.url, CLOSURE, { from: to, to: from });
    expect(bad.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });
});
