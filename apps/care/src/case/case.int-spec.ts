import { randomUUID } from 'node:crypto';
import {
  databaseFingerprint,
  KnownReferences,
  postGraphQL,
  startTestSubgraph,
  type TestSubgraph,
} from '@switchboard/testing';
import { careSubgraph } from '../care.subgraph';

const center = randomUUID();

describe('Cases', () => {
  let care: TestSubgraph;
  const references = new KnownReferences().add('center', center);

  beforeAll(async () => {
    care = await startTestSubgraph(careSubgraph, { referenceSource: references.source });
  });
  afterAll(() => care.stop());

  const create = (input: Record<string, unknown>) =>
    postGraphQL<{ createCase: { id: string; title: string; createdBy: string; version: number } }>(
      care.url,
      'mutation($i: CreateCaseInput!) { createCase(input: $i) { id title createdBy version } }',
      { i: input },
    );

  it('creates one, reads it back by id and in its center’s list', async () => {
    const created = (await create({ centerId: center, title: 'first' })).data?.createCase;
    expect(created).toMatchObject({ title: 'first', version: 1 });
    const read = await postGraphQL<{ case: { title: string }; cases: { id: string }[] }>(
      care.url,
      'query($id: ID!, $c: ID) { case(id: $id) { title } cases(centerId: $c) { id } }',
      { id: created?.id, c: center },
    );
    expect(read.data?.case).toEqual({ title: 'first' });
    expect(read.data?.cases.map((r) => r.id)).toContain(created?.id);
  });

  it.each([
    ['an unknown center', { centerId: randomUUID(), title: 'x' }, 'input.centerId'],
    ['a malformed center id', { centerId: 'not-an-id', title: 'x' }, 'centerId'],
    ['an empty title', { centerId: center, title: '' }, 'title'],
    ['a title of 201 characters', { centerId: center, title: 'x'.repeat(201) }, 'title'],
  ])('refuses %s with BAD_USER_INPUT naming the field, and writes nothing', async (_, input, field) => {
    const before = await databaseFingerprint(care.orm);
    const answer = await create(input);
    expect(answer.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(answer.errors?.[0]?.message).toContain(field);
    expect(await databaseFingerprint(care.orm)).toEqual(before);
  });

  it('refuses a page size out of range', async () => {
    const answer = await postGraphQL(care.url, '{ cases(first: 0) { id } }');
    expect(answer.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });
});
