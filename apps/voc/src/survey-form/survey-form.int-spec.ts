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
const FIELDS = 'id code revision kind title scaleMin scaleMax topBoxMin createdBy version';

interface Form {
  id: string;
  code: string;
  revision: number;
  kind: string;
  title: string;
  scaleMin: number;
  scaleMax: number;
  topBoxMin: number | null;
  createdBy: string;
  version: number;
}

describe('SurveyForms', () => {
  let voc: TestSubgraph;
  const references = new KnownReferences().add('center', center);

  beforeAll(async () => {
    voc = await startTestSubgraph(vocSubgraph, { referenceSource: references.source });
  });
  afterAll(() => voc.stop());

  const create = (input: Record<string, unknown>) =>
    postGraphQL<{ createSurveyForm: Form }>(
      voc.url,
      `mutation($i: CreateSurveyFormInput!) { createSurveyForm(input: $i) { ${FIELDS} } }`,
      { i: input },
    );

  it('creates one, reads it back by id and in its center’s list', async () => {
    const created = (await create({ centerId: center, code: 'FIRST', kind: 'CSAT', title: 'first' })).data
      ?.createSurveyForm;
    expect(created).toMatchObject({
      code: 'FIRST',
      revision: 1,
      kind: 'CSAT',
      title: 'first',
      scaleMin: 1,
      scaleMax: 5,
      topBoxMin: 4,
      version: 1,
    });
    const read = await postGraphQL<{ surveyForm: { title: string }; surveyForms: { id: string }[] }>(
      voc.url,
      'query($id: ID!, $c: ID) { surveyForm(id: $id) { title } surveyForms(centerId: $c) { id } }',
      { id: created?.id, c: center },
    );
    expect(read.data?.surveyForm).toEqual({ title: 'first' });
    expect(read.data?.surveyForms.map((r) => r.id)).toContain(created?.id);
  });

  it.each([
    ['NPS', 0, 10],
    ['CES', 1, 7],
  ])('a %s form is on %i..%i with no top box', async (kind, min, max) => {
    const created = (await create({ centerId: center, code: `SCALE_${kind}`, kind, title: kind })).data
      ?.createSurveyForm;
    expect(created).toMatchObject({ kind, scaleMin: min, scaleMax: max, topBoxMin: null });
  });

  it('a second form with the same code is its next revision; both stay readable', async () => {
    const one = (await create({ centerId: center, code: 'REV', kind: 'CSAT', title: 'one' })).data
      ?.createSurveyForm;
    const two = (await create({ centerId: center, code: 'REV', kind: 'CSAT', title: 'two', topBoxMin: 5 }))
      .data?.createSurveyForm;
    expect(one?.revision).toBe(1);
    expect(two).toMatchObject({ revision: 2, title: 'two', topBoxMin: 5 });
    const list = await postGraphQL<{ surveyForms: { revision: number; title: string }[] }>(
      voc.url,
      'query($c: ID) { surveyForms(centerId: $c, code: "REV") { revision title } }',
      { c: center },
    );
    expect(list.data?.surveyForms).toEqual([
      { revision: 2, title: 'two' },
      { revision: 1, title: 'one' },
    ]);
  });

  it('concurrent revisions of one code get distinct numbers', async () => {
    const answers = await Promise.all(
      [1, 2, 3].map((i) => create({ centerId: center, code: 'RACE', kind: 'NPS', title: `r${i}` })),
    );
    expect(answers.map((a) => a.data?.createSurveyForm.revision).sort()).toEqual([1, 2, 3]);
  });

  it.each([
    ['an unknown center', { centerId: randomUUID(), code: 'X', kind: 'CSAT', title: 'x' }, 'input.centerId'],
    ['a malformed center id', { centerId: 'not-an-id', code: 'X', kind: 'CSAT', title: 'x' }, 'centerId'],
    ['an empty title', { centerId: center, code: 'X', kind: 'CSAT', title: '' }, 'title'],
    [
      'a title of 201 characters',
      { centerId: center, code: 'X', kind: 'CSAT', title: 'x'.repeat(201) },
      'title',
    ],
    ['a lower-case code', { centerId: center, code: 'post_call', kind: 'CSAT', title: 'x' }, 'code'],
    ['a top box of 6', { centerId: center, code: 'X', kind: 'CSAT', title: 'x', topBoxMin: 6 }, 'topBoxMin'],
    [
      'a top box on an NPS form',
      { centerId: center, code: 'X', kind: 'NPS', title: 'x', topBoxMin: 4 },
      'input.topBoxMin',
    ],
    [
      'a revision of another kind',
      { centerId: center, code: 'FIRST', kind: 'NPS', title: 'x' },
      'input.kind',
    ],
  ])('refuses %s with BAD_USER_INPUT naming the field, and writes nothing', async (_, input, field) => {
    if (field === 'input.kind')
      await create({ centerId: center, code: 'FIRST', kind: 'CSAT', title: 'first' });
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
