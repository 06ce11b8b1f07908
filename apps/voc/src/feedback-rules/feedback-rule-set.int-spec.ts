import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import { staticScopeSource } from '@switchboard/subgraph-kit';
import {
  checkBadInputs,
  databaseFingerprint,
  invalid,
  KnownReferences,
  postGraphQL,
  startTestSubgraph,
  type TestSubgraph,
} from '@switchboard/testing';
import { Feedback } from '../feedback/feedback.entity';
import { confusionReport, type LabelledFeedback } from '../feedback/feedback-rules';
import { FEEDBACK_RULES_V1 } from '../feedback/feedback-rules.v1';
import { LABELLED_FEEDBACK_SAMPLE as shippedSample } from '../feedback/labelled-sample';
import { vocSubgraph } from '../voc.subgraph';
import { activeRules, FeedbackRuleSetService, recategorizePending } from './feedback-rule-set.service';

const center = randomUUID();
const CREATE = `mutation($i: CreateFeedbackRuleSetInput!) { createFeedbackRuleSet(input: $i) {
  version active publishedAt createdBy categories { code nameEn nameZh keywords patterns } } }`;
const PUBLISH = `mutation($v: Int!) { publishFeedbackRuleSet(version: $v) {
  ruleSet { version active publishedAt } recategorized pending } }`;
const VERSIONS = `{ feedbackRuleSets { version active publishedAt categories { code } } }`;
const CONFUSION = `query($v: Int!, $s: [LabelledFeedbackInput!]) { feedbackConfusion(version: $v, sample: $s) {
  version samples accuracy categories { code support truePositives precision recall }
  cells { label predicted count } misses { text label predicted } } }`;

/** Version 1's categories with a new one, CREDIT_LIMIT (Chinese and English keywords, a pattern). */
const withCreditLimit = () => ({
  note: 'credit limit complaints',
  categories: [
    {
      code: 'CREDIT_LIMIT',
      nameEn: 'Credit limit',
      nameZh: '信用额度',
      keywords: ['额度', 'credit limit'],
      patterns: ['提\\s*额'],
    },
    ...FEEDBACK_RULES_V1.categories.map((c) => ({
      code: c.code,
      keywords: [...c.keywords],
      patterns: [...(c.patterns ?? [])],
    })),
  ],
});

describe('feedback rule sets', () => {
  let voc: TestSubgraph;
  const feedback: Record<'credit' | 'wait' | 'english', string> = { credit: '', wait: '', english: '' };
  const texts = {
    credit: '信用卡额度太低了，提额申请一直没批',
    wait: '等了二十分钟才接通',
    english: 'My credit limit is far too low',
  };

  beforeAll(async () => {
    voc = await startTestSubgraph(vocSubgraph, {
      scopeSource: staticScopeSource({ centers: { CA: { id: center, teams: [] } }, teams: {} }),
      referenceSource: new KnownReferences().add('center', center).source,
    });
    const em = voc.orm.em.fork();
    for (const key of ['credit', 'wait', 'english'] as const) {
      const row = em.create(Feedback, {
        source: 'SUGGESTION',
        sourceRef: `s-${randomUUID()}`,
        centerId: center,
        occurredAt: new Date('2026-11-10T09:00:00Z'),
        text: texts[key],
        category: key === 'wait' ? 'WAIT_TIME' : 'UNCATEGORIZED',
        categories: key === 'wait' ? ['WAIT_TIME'] : [],
        rulesVersion: 1,
      });
      em.persist(row);
      feedback[key] = row.id;
    }
    await em.flush();
  });
  afterAll(() => voc.stop());

  const filed = async () =>
    Object.fromEntries(
      (await voc.orm.em.fork().find(Feedback, { id: Object.values(feedback) })).map((f) => [
        f.id,
        { category: f.category, version: f.rulesVersion },
      ]),
    );

  it('refuses each bad rule set with BAD_USER_INPUT naming the field, and writes nothing', async () => {
    const base = withCreditLimit();
    const cases: [string, Record<string, unknown>, string][] = [
      [
        'an empty keyword',
        { categories: [{ code: 'WAIT_TIME', keywords: ['排队', ''] }] },
        'categories[0].keywords[1]',
      ],
      [
        'a blank keyword',
        { categories: [{ code: 'WAIT_TIME', keywords: ['  '] }] },
        'categories[0].keywords[0]',
      ],
      [
        'punctuation only',
        { categories: [{ code: 'WAIT_TIME', keywords: ['！？'] }] },
        'categories[0].keywords[0]',
      ],
      [
        'an invalid regex',
        { categories: [{ code: 'WAIT_TIME', keywords: ['排队'], patterns: ['等(了'] }] },
        'categories[0].patterns[0]',
      ],
      [
        'an unknown category',
        { categories: [{ code: 'WAIT_TIMES', keywords: ['排队'] }] },
        'categories[0].code',
      ],
      [
        'a new category with one name',
        { categories: [{ code: 'NEW_ONE', nameEn: 'New', keywords: ['x'] }] },
        'categories[0].code',
      ],
      [
        'a pattern matching everything',
        { categories: [{ code: 'IVR', keywords: ['菜单'], patterns: ['.*'] }] },
        'categories[0].patterns[0]',
      ],
      [
        'a pattern matching any character',
        { categories: [{ code: 'IVR', keywords: ['菜单'], patterns: ['[\\s\\S]'] }] },
        'categories[0].patterns[0]',
      ],
      [
        'an empty alternative',
        { categories: [{ code: 'IVR', keywords: ['菜单'], patterns: ['菜单|'] }] },
        'categories[0].patterns[0]',
      ],
      ['no categories', { categories: [] }, 'categories'],
      [
        'a category twice',
        {
          categories: [
            { code: 'IVR', keywords: ['a'] },
            { code: 'IVR', keywords: ['b'] },
          ],
        },
        'categories[1].code',
      ],
      [
        'a category with nothing to match',
        { categories: [{ code: 'IVR', keywords: [] }] },
        'categories[0].keywords',
      ],
      [
        'UNCATEGORIZED as a code',
        { categories: [{ code: 'UNCATEGORIZED', keywords: ['a'] }] },
        'categories[0].code',
      ],
      [
        'a lower-case code',
        { categories: [{ code: 'wait', nameEn: 'w', nameZh: 'w', keywords: ['a'] }] },
        'categories[0].code',
      ],
      ['a long note', { ...base, note: 'x'.repeat(501) }, 'note'],
    ];
    for (const [label, input, field] of cases) {
      const before = await databaseFingerprint(voc.orm);
      const response = await postGraphQL(voc.url, CREATE, { i: input });
      expect({ label, code: response.errors?.[0]?.extensions?.code }).toEqual({
        label,
        code: 'BAD_USER_INPUT',
      });
      expect({ label, message: response.errors?.[0]?.message }).toEqual({
        label,
        message: expect.stringContaining(`${field}:`),
      });
      expect(await databaseFingerprint(voc.orm)).toBe(before);
    }
  });

  it('refuses generated bad values in every field (property) and writes nothing', async () => {
    await checkBadInputs(
      voc.url,
      voc.orm,
      {
        name: 'createFeedbackRuleSet',
        document: CREATE,
        valid: () => ({
          i: { categories: [{ code: 'WAIT_TIME', keywords: ['排队'], patterns: ['\\d+分钟'] }] },
        }),
        fields: {
          'i.categories.0.code': invalid.code,
          'i.categories.0.keywords.0': fc.oneof(invalid.requiredText, fc.constantFrom('。。', '!?')),
          'i.categories.0.patterns.0': fc.oneof(
            invalid.requiredText,
            fc.constantFrom('(', '[a-', '*', '.*', '^', '$', '(?:)', '\\w*', 'x?'),
          ),
          'i.note': invalid.text,
        },
      },
      25,
    );
  });

  it('stores a new version as a draft, files nothing by it until it is published, then re-files by it', async () => {
    const made = await postGraphQL<{
      createFeedbackRuleSet: {
        version: number;
        active: boolean;
        categories: { code: string; nameEn: string; nameZh: string }[];
      };
    }>(voc.url, CREATE, { i: withCreditLimit() });
    expect(made.errors).toBeUndefined();
    const draft = made.data!.createFeedbackRuleSet;
    expect(draft.active).toBe(false);
    expect(draft.version).toBeGreaterThan(1);
    // a known code keeps its names when none are given
    expect(draft.categories.find((c) => c.code === 'WAIT_TIME')).toMatchObject({
      nameEn: 'Waiting and getting through',
      nameZh: '等待与接通',
    });
    const listed = await postGraphQL<{
      feedbackRuleSets: { version: number; active: boolean; publishedAt: string | null }[];
    }>(voc.url, VERSIONS);
    expect(listed.data!.feedbackRuleSets.map((v) => [v.version, v.active])).toEqual([
      [draft.version, false],
      [1, true],
    ]);
    expect(Object.values(await filed()).every((f) => f.version === 1)).toBe(true);
    expect((await activeRules(voc.orm.em.fork())).version).toBe(1);

    const published = await voc.sql.count(() =>
      postGraphQL<{
        publishFeedbackRuleSet: {
          ruleSet: { version: number; active: boolean };
          recategorized: number;
          pending: number;
        };
      }>(voc.url, PUBLISH, { v: draft.version }),
    );
    expect(published.result.errors).toBeUndefined();
    expect(published.result.data!.publishFeedbackRuleSet).toEqual({
      ruleSet: { version: draft.version, active: true, publishedAt: expect.any(String) },
      recategorized: 3,
      pending: 0,
    });
    // every feedback re-filed in one read and one unnest update, not one statement per feedback
    expect(published.statements.filter((s) => /^update "?voc_feedback"? f/.test(s.trim()))).toHaveLength(1);
    const after = await filed();
    expect(after[feedback.credit]).toEqual({ category: 'CREDIT_LIMIT', version: draft.version });
    expect(after[feedback.english]).toEqual({ category: 'CREDIT_LIMIT', version: draft.version });
    expect(after[feedback.wait]).toEqual({ category: 'WAIT_TIME', version: draft.version });
    expect((await activeRules(voc.orm.em.fork())).version).toBe(draft.version);
    // the VOC view names the new category as its rule set does
    const view = await postGraphQL<{
      vocView: { categories: { category: string; nameEn: string; nameZh: string; feedback: number }[] };
    }>(
      voc.url,
      '{ vocView(from: "2026-11-01T00:00:00Z", to: "2026-12-01T00:00:00Z") { categories { category nameEn nameZh feedback } } }',
    );
    expect(view.data?.vocView.categories).toEqual(
      expect.arrayContaining([
        { category: 'CREDIT_LIMIT', nameEn: 'Credit limit', nameZh: '信用额度', feedback: 2 },
        { category: 'WAIT_TIME', nameEn: 'Waiting and getting through', nameZh: '等待与接通', feedback: 1 },
      ]),
    );

    // published once only; an unknown version is NOT_FOUND; version 1 is not a draft
    for (const [v, code] of [
      [draft.version, 'CONFLICT'],
      [draft.version + 50, 'NOT_FOUND'],
      [1, 'CONFLICT'],
    ] as const) {
      const before = await databaseFingerprint(voc.orm);
      const again = await postGraphQL(voc.url, PUBLISH, { v });
      expect(again.errors?.[0]?.extensions?.code).toBe(code);
      expect(again.errors?.[0]?.message).toContain('version');
      expect(await databaseFingerprint(voc.orm)).toBe(before);
    }
  });

  it('leaves a large re-filing to the job, which files every waiting feedback by the newest published version', async () => {
    const service = new FeedbackRuleSetService(voc.orm.em.fork());
    const older = await service.create(withCreditLimit().categories.slice(1), 'without credit limit', 'test');
    const newer = await service.create(withCreditLimit().categories, 'with it again', 'test');
    // a newer draft published first: the older one can no longer be
    const published = await new FeedbackRuleSetService(voc.orm.em.fork()).publish(newer.version, 'test', 0);
    expect(published).toMatchObject({ recategorized: 0, pending: 3 });
    const refused = await postGraphQL(voc.url, PUBLISH, { v: older.version });
    expect(refused.errors?.[0]?.extensions?.code).toBe('CONFLICT');
    expect(Object.values(await filed()).every((f) => f.version < newer.version)).toBe(true);
    expect(await recategorizePending(voc.orm.em)).toEqual({ recategorized: 3, batches: 1 });
    expect(Object.values(await filed()).map((f) => f.version)).toEqual([
      newer.version,
      newer.version,
      newer.version,
    ]);
    expect(await recategorizePending(voc.orm.em)).toEqual({ recategorized: 0, batches: 0 });
  });

  it('reports a chosen version against the shipped labelled sample or a given one', async () => {
    const v1 = await postGraphQL<{
      feedbackConfusion: { version: number; samples: number; accuracy: number; cells: { count: number }[] };
    }>(voc.url, CONFUSION, { v: 1 });
    expect(v1.errors).toBeUndefined();
    const expected = confusionReport(FEEDBACK_RULES_V1, shippedSample as LabelledFeedback[]);
    expect(v1.data!.feedbackConfusion).toMatchObject({
      version: 1,
      samples: expected.samples,
      accuracy: expected.accuracy,
    });
    expect(v1.data!.feedbackConfusion.cells.reduce((s, c) => s + c.count, 0)).toBe(expected.samples);

    const versions = (
      await postGraphQL<{ feedbackRuleSets: { version: number; categories: { code: string }[] }[] }>(
        voc.url,
        VERSIONS,
      )
    ).data!.feedbackRuleSets;
    const withCredit = versions.find((v) => v.categories.some((c) => c.code === 'CREDIT_LIMIT'))!.version;
    const sample = [
      { text: texts.credit, label: 'CREDIT_LIMIT' },
      { text: '排队排了半天', label: 'WAIT_TIME' },
      { text: '挺好的', label: 'CREDIT_LIMIT' },
    ];
    const chosen = await postGraphQL<{
      feedbackConfusion: { accuracy: number; misses: { text: string; predicted: string }[] };
    }>(voc.url, CONFUSION, { v: withCredit, s: sample });
    expect(chosen.errors).toBeUndefined();
    expect(chosen.data!.feedbackConfusion.accuracy).toBeCloseTo(2 / 3);
    expect(chosen.data!.feedbackConfusion.misses).toEqual([
      { text: '挺好的', label: 'CREDIT_LIMIT', predicted: 'UNCATEGORIZED' },
    ]);
    // version 1 has no CREDIT_LIMIT: the sample's label is refused, by its field
    const unknownLabel = await postGraphQL(voc.url, CONFUSION, { v: 1, s: sample });
    expect(unknownLabel.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(unknownLabel.errors?.[0]?.message).toContain('sample[0].label');
    const withoutCredit = versions.find(
      (v) => v.version > 1 && !v.categories.some((c) => c.code === 'CREDIT_LIMIT'),
    )!;
    expect(withoutCredit).toBeDefined();
    const missing = await postGraphQL(voc.url, CONFUSION, { v: 999 });
    expect(missing.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  });
});
