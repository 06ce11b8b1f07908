import { randomUUID } from 'node:crypto';
import { staticScopeSource } from '@switchboard/subgraph-kit';
import {
  authorizationFor,
  caller,
  KnownReferences,
  postGraphQL,
  startTestSubgraph,
  type TestSubgraph,
} from '@switchboard/testing';
import { VocFactory } from '../testing/voc-factories';
import { vocSubgraph } from '../voc.subgraph';
import { SurveyInvitation } from './survey-invitation.entity';
import { SurveyResponse } from './survey-response.entity';
import { VerbatimAccess } from './verbatim-access.entity';

/** Issue 19: verbatims are PII, read by CASE_HANDLER, VOC_ANALYST, QA_EVALUATOR and ADMIN only, every read audit-logged. */
const center = randomUUID();
const RESPONSES = `query Verbatims { surveyResponses(from: "2026-11-01T00:00:00Z", to: "2026-12-01T00:00:00Z") { id verbatim } }`;
const SCORES_ONLY = `{ surveyResponses(from: "2026-11-01T00:00:00Z", to: "2026-12-01T00:00:00Z") { id score } }`;

describe('verbatim reads', () => {
  let voc: TestSubgraph;
  const ids: string[] = [];

  beforeAll(async () => {
    voc = await startTestSubgraph(vocSubgraph, {
      scopeSource: staticScopeSource({ centers: { CV: { id: center, teams: [] } }, teams: {} }),
      referenceSource: new KnownReferences().add('center', center).source,
    });
    const form = await new VocFactory(voc.url).surveyForm({ centerId: center });
    const em = voc.orm.em.fork();
    for (const [i, verbatim] of ['等了太久', null, 'rude agent'].entries()) {
      const invitation = em.create(SurveyInvitation, {
        invitationKey: `inv-${randomUUID()}`,
        formId: form.id,
        centerId: center,
        contactSource: 'pbx',
        contactExternalId: `call-${i}`,
        contactArrivedAt: new Date(`2026-11-1${i}T09:00:00Z`),
        contactEndedAt: new Date(`2026-11-1${i}T09:05:00Z`),
        agentEmployeeNo: 'E1',
        queueCode: 'CARDS',
        sentAt: new Date(`2026-11-1${i}T09:10:00Z`),
        status: 'FINISHED',
      });
      const response = em.create(SurveyResponse, {
        invitationId: invitation.id,
        kind: 'CSAT',
        score: 2,
        topBox: false,
        verbatim,
        answeredAt: new Date(`2026-11-1${i}T09:20:00Z`),
        centerId: center,
        agentEmployeeNo: 'E1',
        queueCode: 'CARDS',
        contactArrivedAt: invitation.contactArrivedAt,
      });
      em.persist([invitation, response]);
      if (verbatim) ids.push(response.id);
    }
    await em.flush();
  });
  afterAll(() => voc.stop());

  const audit = () => voc.orm.em.fork().find(VerbatimAccess, {}, { orderBy: { id: 'asc' } });

  it('logs who read which verbatim, in one statement for the page, before answering', async () => {
    const before = (await audit()).length;
    const read = await voc.sql.count(async () =>
      postGraphQL<{ surveyResponses: { id: string; verbatim: string | null }[] }>(
        voc.url,
        RESPONSES,
        undefined,
        await authorizationFor(voc.url, caller('QA_EVALUATOR')),
      ),
    );
    expect(read.result.errors).toBeUndefined();
    expect(
      read.result
        .data!.surveyResponses.filter((r) => r.verbatim !== null)
        .map((r) => r.id)
        .sort(),
    ).toEqual([...ids].sort());
    const logged = (await audit()).slice(before);
    expect(logged.map((a) => a.responseId).sort()).toEqual([...ids].sort());
    expect(logged.every((a) => a.subject === 'test-qa_evaluator' && a.operation === 'query Verbatims')).toBe(
      true,
    );
    expect(logged.every((a) => a.roles.includes('QA_EVALUATOR') && a.requestId.length > 0)).toBe(true);
    expect(read.statements.filter((s) => /insert into "voc_verbatim_access"/.test(s))).toHaveLength(1);
  });

  it('lets the voice-of-the-customer team read them, logged under its role; BI and HR see them masked', async () => {
    const before = (await audit()).length;
    const analyst = await postGraphQL<{ surveyResponses: { id: string; verbatim: string | null }[] }>(
      voc.url,
      RESPONSES,
      undefined,
      await authorizationFor(voc.url, caller('VOC_ANALYST')),
    );
    expect(analyst.errors).toBeUndefined();
    expect(
      analyst
        .data!.surveyResponses.filter((r) => r.verbatim !== null)
        .map((r) => r.id)
        .sort(),
    ).toEqual([...ids].sort());
    const logged = (await audit()).slice(before);
    expect(logged.map((a) => [a.subject, a.roles])).toEqual(
      ids.map(() => ['test-voc_analyst', expect.arrayContaining(['VOC_ANALYST'])]),
    );
    for (const role of ['BI_READER', 'HR'] as const) {
      const masked = await postGraphQL<{ surveyResponses: { verbatim: string | null }[] }>(
        voc.url,
        RESPONSES,
        undefined,
        await authorizationFor(voc.url, caller(role)),
      );
      expect(masked.data!.surveyResponses.map((r) => r.verbatim)).toEqual([null, null, null]);
    }
    expect((await audit()).length).toBe(before + ids.length);
  });

  it('logs nothing when no verbatim is read: not asked, or masked for the role', async () => {
    const before = (await audit()).length;
    const scores = await postGraphQL(
      voc.url,
      SCORES_ONLY,
      undefined,
      await authorizationFor(voc.url, caller('ADMIN')),
    );
    expect(scores.errors).toBeUndefined();
    const masked = await postGraphQL<{ surveyResponses: { verbatim: string | null }[] }>(
      voc.url,
      RESPONSES,
      undefined,
      await authorizationFor(voc.url, caller('CENTER_MANAGER', { centers: ['CV'] })),
    );
    expect(masked.data!.surveyResponses).toHaveLength(3);
    expect(masked.data!.surveyResponses.every((r) => r.verbatim === null)).toBe(true);
    expect((await audit()).length).toBe(before);
  });
});
