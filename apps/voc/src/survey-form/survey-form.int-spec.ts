import { randomUUID } from 'node:crypto';
import {
  databaseFingerprint,
  KnownReferences,
  postGraphQL,
  startTestSubgraph,
  type TestSubgraph,
} from '@switchboard/testing';
import { vocSubgraph } from '../voc.subgraph';

const center = randomUUID();

describe('SurveyForms', () => {
  let voc: TestSubgraph;
  const references = new KnownReferences().add('center', center);

  beforeAll(async () => {
    voc = await startTestSubgraph(vocSubgraph, { referenceSource: references.source });
  });
  afterAll(() => voc.stop());

  const create = (input: Record<string, unknown>) =>
    postGraphQL<{ createSurveyForm: { id: string; title: string; createdBy: string; version: number } }>(
      voc.url,
      'mutation($i: CreateSurveyFormInput!) { createSurveyForm(input: $i) { id title createdBy version } }',
      { i: input },
    );

  it('creates one, reads it back by id and in its center’s list', async () => {
    const created = (await create({ centerId: center, title: 'first' })).data?.createSurveyForm;
    expect(created).toMatchObject({ title: 'first', version: 1 });
    const read = await postGraphQL<{ surveyForm: { title: string }; surveyForms: { id: string }[] }>(
      voc.url,
      'query($id: ID!, $c: ID) { surveyForm(id: $id) { title } surveyForms(centerId: $c) { id } }',
      { id: created?.id, c: center },
    );
    expect(read.data?.surveyForm).toEqual({ title: 'first' });
    expect(read.data?.surveyForms.map((r) => r.id)).toContain(created?.id);
  });

  it.each([
    ['an unknown center', { centerId: randomUUID(), title: 'x' }, 'input.centerId'],
    ['a malformed center id', { centerId: 'not-an-id', title: 'x' }, 'centerId'],
    ['an empty title', { centerId: center, title: '' }, 'title'],
    ['a title of 201 characters', { centerId: center, title: 'x'.repeat(201) }, 'title'],
  ])('refuses %s with BAD_USER_INPUT naming the field, and writes nothing', async (_, input, field) => {
    const before = await databaseFingerprint(voc.orm);
    const answer = await create(input);
    expect(answer.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(answer.errors?.[0]?.message).toContain(field);
    expect(await databaseFingerprint(voc.orm)).toEqual(before);
  });

  it('refuses a page size out of range', async () => {
    const answer = await postGraphQL(voc.url, '{ surveyForms(first: 0) { id } }');
    expect(answer.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });
});
