import { randomUUID } from 'node:crypto';
import { WRITERS } from '@switchboard/auth';
import { staticScopeSource } from '@switchboard/subgraph-kit';
import {
  accessLayout,
  accessMatrix,
  writesInCenter,
  cellsPerCaller,
  everyMutationRefused,
  KnownReferences,
  startTestSubgraph,
  type AccessLevel,
  type TestSubgraph,
} from '@switchboard/testing';
import { RULE_EDITORS, VERBATIM_READERS } from './voc-access';
import { FeedbackRuleSetService } from '../feedback-rules/feedback-rule-set.service';
import { Feedback } from '../feedback/feedback.entity';
import { ImprovementItem } from '../improvement/improvement-item.entity';
import { rebuildSurveyRollup } from '../rollup/survey-rollup.writer';
import { SurveyInvitation } from '../survey/survey-invitation.entity';
import { SurveyResponse } from '../survey/survey-response.entity';
import { vocSubgraph } from '../voc.subgraph';
import { VocFactory } from '../testing/voc-factories';

const { code, no, callers } = accessLayout(WRITERS.voc);
const id = { A: randomUUID(), B: randomUUID(), A1: randomUUID(), A2: randomUUID(), B1: randomUUID() };
const rows: Record<'A' | 'B', string> = { A: '', B: '' };
const responses: Record<'A' | 'B', string> = { A: '', B: '' };
const items: Record<'A' | 'B', string> = { A: '', B: '' };
/** Center B's second response, withdrawn by the write cells. */
let withdrawable = '';
/** Drafts of feedback rules, published one per allowed publishFeedbackRuleSet cell, oldest first. */
const drafts: number[] = [];
const holds = (who: string, roles: readonly string[]) =>
  callers.find((c) => c.who === who)?.identity.roles.some((r) => roles.includes(r)) ?? false;
/** Rule sets are bank-wide: RULE_EDITORS whose scope is every center. */
const editsRules = (level: AccessLevel, who: string): { allow: true } | { deny: true } =>
  level === 'all' && holds(who, RULE_EDITORS) ? { allow: true } : { deny: true };
const readsVerbatim = (who: string) =>
  callers.find((c) => c.who === who)?.identity.roles.some((r) => VERBATIM_READERS.includes(r)) ?? false;
const RESPONSES = `{ surveyResponses(from: "2026-11-01T00:00:00Z", to: "2026-12-01T00:00:00Z") { id verbatim } }`;
let voc: TestSubgraph;

beforeAll(async () => {
  voc = await startTestSubgraph(vocSubgraph, {
    scopeSource: staticScopeSource({
      centers: {
        [code.A]: { id: id.A, teams: [code.A1, code.A2] },
        [code.B]: { id: id.B, teams: [code.B1] },
      },
      teams: {
        [code.A1]: { id: id.A1, employeeNos: [no.a1, no.lead] },
        [code.A2]: { id: id.A2, employeeNos: [no.a2] },
        [code.B1]: { id: id.B1, employeeNos: [no.b1] },
      },
    }),
    referenceSource: new KnownReferences().add('center', id.A, id.B).source,
  });
  const factory = new VocFactory(voc.url);
  rows.A = (await factory.surveyForm({ centerId: id.A })).id;
  rows.B = (await factory.surveyForm({ centerId: id.B })).id;
  // one answered survey per center, written directly (the import has its own spec)
  const em = voc.orm.em.fork();
  for (const key of ['A', 'B'] as const) {
    const invitation = em.create(SurveyInvitation, {
      invitationKey: `inv-${key}-${randomUUID()}`,
      formId: rows[key],
      centerId: id[key],
      contactSource: 'pbx',
      contactExternalId: `call-${key}`,
      contactArrivedAt: new Date('2026-11-10T09:00:00Z'),
      contactEndedAt: new Date('2026-11-10T09:05:00Z'),
      agentEmployeeNo: key === 'A' ? no.a1 : no.b1,
      queueCode: 'CARDS',
      sentAt: new Date('2026-11-10T09:10:00Z'),
      status: 'FINISHED',
    });
    const response = em.create(SurveyResponse, {
      invitationId: invitation.id,
      kind: 'CSAT',
      score: 5,
      topBox: true,
      verbatim: `words of ${key}`,
      answeredAt: new Date('2026-11-10T09:20:00Z'),
      centerId: id[key],
      agentEmployeeNo: invitation.agentEmployeeNo,
      queueCode: 'CARDS',
      contactArrivedAt: invitation.contactArrivedAt,
    });
    // its verbatim as feedback, as the import files it (one category per center, to tell them apart)
    const feedback = em.create(Feedback, {
      source: 'SURVEY',
      sourceRef: invitation.invitationKey,
      centerId: id[key],
      agentEmployeeNo: invitation.agentEmployeeNo,
      occurredAt: invitation.contactArrivedAt,
      text: `words of ${key}`,
      category: `CATEGORY_${key}`,
      categories: [`CATEGORY_${key}`],
      rulesVersion: 1,
      responseId: response.id,
    });
    const item = em.create(ImprovementItem, {
      centerId: id[key],
      title: `fix ${key}`,
      ownerDepartment: 'Cards',
      dueDate: '2026-12-31',
      createdBy: 'test',
    });
    em.persist([invitation, response, feedback, item]);
    responses[key] = response.id;
    items[key] = item.id;
  }
  const second = em.create(SurveyInvitation, {
    invitationKey: `inv-B2-${randomUUID()}`,
    formId: rows.B,
    centerId: id.B,
    contactSource: 'pbx',
    contactExternalId: 'call-B2',
    contactArrivedAt: new Date('2026-10-11T09:00:00Z'),
    contactEndedAt: new Date('2026-10-11T09:05:00Z'),
    agentEmployeeNo: no.b1,
    queueCode: 'CARDS',
    sentAt: new Date('2026-10-11T09:10:00Z'),
    status: 'FINISHED',
  });
  const secondResponse = em.create(SurveyResponse, {
    invitationId: second.id,
    kind: 'CSAT',
    score: 1,
    topBox: false,
    answeredAt: new Date('2026-10-11T09:20:00Z'),
    centerId: id.B,
    agentEmployeeNo: no.b1,
    queueCode: 'CARDS',
    contactArrivedAt: second.contactArrivedAt,
  });
  em.persist([second, secondResponse]);
  withdrawable = secondResponse.id;
  await em.flush();
  for (let i = 0; i < callers.length; i++)
    drafts.push(
      (
        await new FeedbackRuleSetService(voc.orm.em.fork()).create(
          [{ code: 'WAIT_TIME', keywords: ['排队'] }],
          null,
          'test',
        )
      ).version,
    );
  // written row by row: the rollup the import keeps is built from them here
  await rebuildSurveyRollup(voc.orm.em.fork());
});
afterAll(() => voc.stop());

/** The centers' records each level reads. */
const seen: Record<AccessLevel, ('A' | 'B')[]> = { all: ['A', 'B'], center: ['A'], team: [], self: [] };
const perCaller = cellsPerCaller(callers);
const ids = (list: unknown) => ((list ?? []) as { id: string }[]).map((r) => r.id).sort();

describe('voc access: queries', () => {
  accessMatrix(
    () => voc.url,
    [
      ...perCaller('surveyForms', '{ surveyForms { id } }', undefined, (level) => ({
        scoped: (data) => expect(ids(data.surveyForms)).toEqual(seen[level].map((k) => rows[k]).sort()),
      })),
      ...perCaller('surveyResponses', RESPONSES, undefined, (level, who) => ({
        scoped: (data) => {
          const list = (data.surveyResponses ?? []) as { id: string; verbatim: string | null }[];
          expect(ids(list)).toEqual(seen[level].map((k) => responses[k]).sort());
          // verbatims are PII: null for anyone but their readers
          for (const r of list) expect(r.verbatim !== null).toBe(readsVerbatim(who));
        },
      })),
      ...perCaller(
        'surveyStats by center',
        `{ surveyStats(groupBy: [CENTER], from: "2026-11-01T00:00:00Z", to: "2026-12-01T00:00:00Z") { centerId csat { n } } }`,
        undefined,
        (level) => ({
          // center A's response is agent a1's: their lead and a1 see it too, as center A's only
          scoped: (data) =>
            expect(
              ((data.surveyStats ?? []) as { centerId: string }[]).map((r) => r.centerId).sort(),
            ).toEqual((level === 'all' ? [id.A, id.B] : [id.A]).sort()),
        }),
      ),
      ...perCaller('improvementItems', '{ improvementItems { id } }', undefined, (level) => ({
        scoped: (data) => expect(ids(data.improvementItems)).toEqual(seen[level].map((k) => items[k]).sort()),
      })),
      ...perCaller(
        'improvementClosure',
        '{ improvementClosure(from: "2026-12-01", to: "2027-01-01") { due } }',
        undefined,
        (level) => ({
          scoped: (data) => expect((data.improvementClosure as { due: number }).due).toBe(seen[level].length),
        }),
      ),
      ...perCaller(
        'vocView',
        `{ vocView(from: "2026-11-01T00:00:00Z", to: "2026-12-01T00:00:00Z") { categories { category feedback } } }`,
        undefined,
        (level) => ({
          // like surveyStats: center A's feedback is agent a1's, so their lead and a1 see it too
          scoped: (data) =>
            expect(
              ((data.vocView as { categories: { category: string }[] }).categories ?? [])
                .map((c) => c.category)
                .sort(),
            ).toEqual(level === 'all' ? ['CATEGORY_A', 'CATEGORY_B'] : ['CATEGORY_A']),
        }),
      ),
      ...perCaller('feedbackRuleSets', '{ feedbackRuleSets { version } }', undefined, () => ({
        // bank-wide rules, no PII: everyone reads them
        allow: true,
        check: (data) => expect((data.feedbackRuleSets as unknown[]).length).toBe(drafts.length + 1),
      })),
      ...perCaller(
        'feedbackConfusion',
        '{ feedbackConfusion(version: 1) { samples } }',
        undefined,
        (_level, who) =>
          // it shows the sample's texts: for the verbatims' readers
          readsVerbatim(who) ? { allow: true } : { deny: true },
      ),
      ...perCaller(
        "center B's surveyForm by id",
        'query($id: ID!) { surveyForm(id: $id) { id } }',
        () => ({ id: rows.B }),
        (level) => ({
          scoped: (data) => expect(data.surveyForm).toEqual(level === 'all' ? { id: rows.B } : null),
        }),
      ),
      ...perCaller(
        "center B's surveyForm by reference",
        'query($r: [_Any!]!) { _entities(representations: $r) { ... on SurveyForm { id } } }',
        () => ({ r: [{ __typename: 'SurveyForm', id: rows.B }] }),
        (level) => ({
          scoped: (data) => expect(data._entities).toEqual([level === 'all' ? { id: rows.B } : null]),
        }),
      ),
    ],
  );
});

describe('voc access: writes', () => {
  const CREATE = 'mutation($i: CreateSurveyFormInput!) { createSurveyForm(input: $i) { id } }';
  const writesIn = writesInCenter(callers);
  accessMatrix(
    () => voc.url,
    [
      ...perCaller(
        'createSurveyForm in center A',
        CREATE,
        () => ({ i: { centerId: id.A, code: 'A', kind: 'CSAT', title: 'A' } }),
        writesIn('A'),
      ),
      ...perCaller(
        'createSurveyForm in center B',
        CREATE,
        () => ({ i: { centerId: id.B, code: 'B', kind: 'NPS', title: 'B' } }),
        writesIn('B'),
      ),
    ],
  );

  const IMPORT =
    'mutation($c: ID!, $r: [SurveyImportRowInput!]!) { importSurveys(centerId: $c, rows: $r) { unchanged } }';
  accessMatrix(
    () => voc.url,
    [
      ...perCaller('importSurveys in center A', IMPORT, () => ({ c: id.A, r: [] }), writesIn('A')),
      ...perCaller('importSurveys in center B', IMPORT, () => ({ c: id.B, r: [] }), writesIn('B')),
    ],
  );

  // a response's correction and withdrawal: writes in its center (the withdrawn one is center B's
  // October response, outside the reads above)
  const CORRECT =
    'mutation($id: ID!) { correctSurveyResponse(id: $id, score: 4, reason: "typed 5 for 4") { score } }';
  const WITHDRAW = 'mutation($id: ID!) { withdrawSurveyResponse(id: $id, reason: "customer asked") { id } }';
  accessMatrix(
    () => voc.url,
    [
      ...perCaller(
        "correctSurveyResponse of center B's response",
        CORRECT,
        () => ({ id: responses.B }),
        writesIn('B'),
      ),
      ...perCaller(
        "withdrawSurveyResponse of center B's response",
        WITHDRAW,
        () => ({ id: withdrawable }),
        writesIn('B'),
      ),
    ],
  );

  const IMPROVE = 'mutation($i: CreateImprovementItemInput!) { createImprovementItem(input: $i) { id } }';
  const improvement = (center: 'A' | 'B') => () => ({
    i: { centerId: id[center], title: 'x', ownerDepartment: 'Cards', dueDate: '2027-01-31', feedbackIds: [] },
  });
  accessMatrix(
    () => voc.url,
    [
      ...perCaller('createImprovementItem in center A', IMPROVE, improvement('A'), writesIn('A')),
      ...perCaller('createImprovementItem in center B', IMPROVE, improvement('B'), writesIn('B')),
    ],
  );
  const STATUS = 'mutation($id: ID!) { setImprovementItemStatus(id: $id, status: IN_PROGRESS) { status } }';
  accessMatrix(
    () => voc.url,
    [
      ...perCaller(
        "setImprovementItemStatus of center B's item",
        STATUS,
        () => ({ id: items.B }),
        writesIn('B'),
      ),
    ],
  );

  const RULES = 'mutation($i: CreateFeedbackRuleSetInput!) { createFeedbackRuleSet(input: $i) { version } }';
  const rules = () => ({ i: { categories: [{ code: 'IVR', keywords: ['菜单'] }] } });
  const PUBLISH = 'mutation($v: Int!) { publishFeedbackRuleSet(version: $v) { pending } }';
  accessMatrix(
    () => voc.url,
    [
      ...perCaller('createFeedbackRuleSet', RULES, rules, editsRules),
      // each cell takes the next draft: an allowed caller publishes it
      ...perCaller('publishFeedbackRuleSet', PUBLISH, () => ({ v: drafts.shift() }), editsRules),
    ],
  );

  // a mutation added without a role check fails here until it is listed with its rule
  everyMutationRefused(
    () => voc.url,
    () => ({
      createSurveyForm: {
        query: CREATE,
        variables: () => ({ i: { centerId: id.A, code: 'X', kind: 'CES', title: 'x' } }),
      },
      importSurveys: { query: IMPORT, variables: () => ({ c: id.A, r: [] }) },
      correctSurveyResponse: { query: CORRECT, variables: () => ({ id: responses.A }) },
      withdrawSurveyResponse: { query: WITHDRAW, variables: () => ({ id: responses.A }) },
      createImprovementItem: { query: IMPROVE, variables: improvement('A') },
      setImprovementItemStatus: { query: STATUS, variables: () => ({ id: items.A }) },
      createFeedbackRuleSet: { query: RULES, variables: rules },
      publishFeedbackRuleSet: { query: PUBLISH, variables: () => ({ v: 2 }) },
    }),
    callers.filter((c) => !c.writer),
  );
});
