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

describe('SpecialDays', () => {
  let wfm: TestSubgraph;
  const references = new KnownReferences().add('center', center);

  beforeAll(async () => {
    wfm = await startTestSubgraph(wfmSubgraph, { referenceSource: references.source });
  });
  afterAll(() => wfm.stop());

  const create = (input: Record<string, unknown>) =>
    postGraphQL<{ createSpecialDay: { id: string; title: string; createdBy: string; version: number } }>(
      wfm.url,
      'mutation($i: CreateSpecialDayInput!) { createSpecialDay(input: $i) { id title createdBy version } }',
      { i: input },
    );

  it('creates one, reads it back by id and in its center’s list', async () => {
    const created = (await create({ centerId: center, title: 'first' })).data?.createSpecialDay;
    expect(created).toMatchObject({ title: 'first', version: 1 });
    const read = await postGraphQL<{ specialDay: { title: string }; specialDays: { id: string }[] }>(
      wfm.url,
      'query($id: ID!, $c: ID) { specialDay(id: $id) { title } specialDays(centerId: $c) { id } }',
      { id: created?.id, c: center },
    );
    expect(read.data?.specialDay).toEqual({ title: 'first' });
    expect(read.data?.specialDays.map((r) => r.id)).toContain(created?.id);
  });

  it.each([
    ['an unknown center', { centerId: randomUUID(), title: 'x' }, 'input.centerId'],
    ['a malformed center id', { centerId: 'not-an-id', title: 'x' }, 'centerId'],
    ['an empty title', { centerId: center, title: '' }, 'title'],
    ['a title of 201 characters', { centerId: center, title: 'x'.repeat(201) }, 'title'],
  ])('refuses %s with BAD_USER_INPUT naming the field, and writes nothing', async (_, input, field) => {
    const before = await databaseFingerprint(wfm.orm);
    const answer = await create(input);
    expect(answer.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(answer.errors?.[0]?.message).toContain(field);
    expect(await databaseFingerprint(wfm.orm)).toEqual(before);
  });

  it('refuses a page size out of range', async () => {
    const answer = await postGraphQL(wfm.url, '{ specialDays(first: 0) { id } }');
    expect(answer.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });
});
