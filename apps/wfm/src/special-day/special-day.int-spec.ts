import { randomUUID } from 'node:crypto';
import {
  databaseFingerprint,
  KnownReferences,
  postGraphQL,
  startTestSubgraph,
  type TestSubgraph,
} from '@switchboard/testing';
import { wfmSubgraph } from '../wfm.subgraph';

const center = randomUUID();
const queue = randomUUID();

describe('Special days', () => {
  let wfm: TestSubgraph;
  const references = new KnownReferences().add('center', center).add('queue', queue);

  beforeAll(async () => {
    wfm = await startTestSubgraph(wfmSubgraph, { referenceSource: references.source });
  });
  afterAll(() => wfm.stop());

  const FIELDS = 'id centerId queueId date kind title multiplier excludeFromHistory createdBy version';
  const create = (input: Record<string, unknown>) =>
    postGraphQL<{ createSpecialDay: Record<string, unknown> & { id: string } }>(
      wfm.url,
      `mutation($i: CreateSpecialDayInput!) { createSpecialDay(input: $i) { ${FIELDS} } }`,
      { i: input },
    );
  const valid = { centerId: center, date: '2026-12-31', kind: 'CLOSED', title: 'New year’s eve' };

  it('marks a center’s day and a queue’s day, with multiplier and exclusion, and lists them by date', async () => {
    const closed = (await create(valid)).data?.createSpecialDay;
    expect(closed).toMatchObject({
      queueId: null,
      date: '2026-12-31',
      kind: 'CLOSED',
      multiplier: null,
      excludeFromHistory: false,
      version: 1,
    });
    const campaign = (
      await create({
        centerId: center,
        queueId: queue,
        date: '2026-12-15',
        kind: 'CAMPAIGN',
        title: 'card campaign',
        multiplier: 1.4,
        excludeFromHistory: true,
      })
    ).data?.createSpecialDay;
    expect(campaign).toMatchObject({
      queueId: queue,
      kind: 'CAMPAIGN',
      multiplier: 1.4,
      excludeFromHistory: true,
    });
    const read = await postGraphQL<{
      specialDay: { kind: string };
      specialDays: { id: string }[];
      december: { id: string }[];
    }>(
      wfm.url,
      `query($id: ID!, $c: ID, $q: ID) {
        specialDay(id: $id) { kind }
        specialDays(centerId: $c, queueId: $q) { id }
        december: specialDays(centerId: $c, from: "2026-12-01", to: "2026-12-31") { id }
      }`,
      { id: campaign?.id, c: center, q: queue },
    );
    expect(read.data?.specialDay).toEqual({ kind: 'CAMPAIGN' });
    // a queue's list: its own days and its center's days for every queue, by date
    expect(read.data?.specialDays.map((r) => r.id)).toEqual([campaign?.id, closed?.id]);
    expect(read.data?.december.map((r) => r.id)).toEqual([campaign?.id]);
  });

  it.each([
    ['an unknown center', { ...valid, centerId: randomUUID() }, 'input.centerId'],
    ['an unknown queue', { ...valid, queueId: randomUUID() }, 'input.queueId'],
    ['a malformed center id', { ...valid, centerId: 'not-an-id' }, 'centerId'],
    ['an unknown kind', { ...valid, kind: 'FESTIVAL' }, 'kind'],
    ['an impossible date', { ...valid, date: '2026-02-30' }, 'date'],
    ['a multiplier of 0', { ...valid, multiplier: 0 }, 'multiplier'],
    ['a negative multiplier', { ...valid, multiplier: -1 }, 'multiplier'],
    ['an empty title', { ...valid, title: '' }, 'title'],
    ['a title of 201 characters', { ...valid, title: 'x'.repeat(201) }, 'title'],
  ])('refuses %s naming the field, and writes nothing', async (_, input, field) => {
    const before = await databaseFingerprint(wfm.orm);
    const answer = await create(input);
    expect(answer.errors?.[0]?.extensions?.code).toMatch(/BAD_USER_INPUT|GRAPHQL_VALIDATION_FAILED/);
    expect(answer.errors?.[0]?.message).toContain(field);
    expect(await databaseFingerprint(wfm.orm)).toEqual(before);
  });

  it('refuses a page size out of range and a period that ends before it starts', async () => {
    const answer = await postGraphQL(wfm.url, '{ specialDays(first: 0) { id } }');
    expect(answer.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const period = await postGraphQL(wfm.url, '{ specialDays(from: "2026-12-02", to: "2026-12-01") { id } }');
    expect(period.errors?.[0]?.message).toContain('to');
  });
});
