import { randomUUID } from 'node:crypto';
import type { Identity } from '@switchboard/auth';
import {
  caller,
  databaseFingerprint,
  KnownReferences,
  postGraphQL,
  startTestSubgraph,
  subgraphToken,
  type TestSubgraph,
} from '@switchboard/testing';
import { staticScopeSource } from '@switchboard/subgraph-kit';
import { rebuildSurveyRollup } from '../rollup/survey-rollup.writer';
import { VocFactory } from '../testing/voc-factories';
import { VocWorldDouble } from '../testing/voc-world-double';
import { vocSubgraph } from '../voc.subgraph';

const center = randomUUID();
const IMPORT = `mutation($c: ID!, $r: [SurveyImportRowInput!]!) { importSurveys(centerId: $c, rows: $r) {
  invitationsCreated invitationsUpdated responsesRecorded unchanged problems { row field message } } }`;
const RESPONSES = `query($c: ID) { surveyResponses(from: "2026-11-01T00:00:00Z", to: "2026-12-01T00:00:00Z", centerId: $c, first: 500) {
  invitationKey kind score verbatim agentEmployeeNo queueCode contactArrivedAt } }`;

interface Report {
  invitationsCreated: number;
  invitationsUpdated: number;
  responsesRecorded: number;
  unchanged: number;
  problems: { row: number; field: string; message: string }[];
}
interface Response {
  invitationKey: string;
  kind: string;
  score: number;
  verbatim: string | null;
  agentEmployeeNo: string | null;
  queueCode: string | null;
  contactArrivedAt: string;
}

describe('importSurveys', () => {
  let voc: TestSubgraph;
  const world = new VocWorldDouble();
  const call = world.contact('E100', 'CARDS', '2026-11-10T09:00:00Z', '2026-11-10T09:06:00Z');
  const other = world.contact('E200', 'LOANS', '2026-11-11T10:00:00Z', '2026-11-11T10:04:00Z');
  // E100 moved from team A to team B on 11-15: a contact of the 20th counts for team B
  const teamA = randomUUID();
  const teamB = randomUUID();
  world.memberOf('E100', teamA, '2026-01-01', '2026-11-15').memberOf('E100', teamB, '2026-11-15');
  const later = world.contact('E100', 'CARDS', '2026-11-20T09:00:00Z', '2026-11-20T09:05:00Z');

  beforeAll(async () => {
    await world.serveAsGateway();
    voc = await startTestSubgraph(vocSubgraph, {
      scopeSource: staticScopeSource({ centers: { C1: { id: center, teams: [] } }, teams: {} }),
      referenceSource: new KnownReferences().add('center', center).source,
    });
    const factory = new VocFactory(voc.url);
    await factory.surveyForm({ centerId: center, code: 'POST_CALL', kind: 'CSAT' });
    await factory.surveyForm({ centerId: center, code: 'NPS_SMS', kind: 'NPS' });
  });
  afterAll(async () => {
    await voc.stop();
    await world.release();
  });

  const row = (key: ContactKeyLike, overrides: Record<string, unknown> = {}) => ({
    invitationKey: `inv-${randomUUID()}`,
    formCode: 'POST_CALL',
    contactSource: key.source,
    contactExternalId: key.externalId,
    sentAt: '2026-11-12T08:00:00Z',
    status: 'FINISHED',
    answeredAt: '2026-11-12T09:00:00Z',
    score: 5,
    verbatim: 'quick and kind, call me on 13800138000',
    ...overrides,
  });
  type ContactKeyLike = { source: string; externalId: string };
  const importRows = async (rows: Record<string, unknown>[], who?: Identity) => {
    const headers: Record<string, string> = who
      ? { authorization: `Bearer ${await subgraphToken('voc', who)}` }
      : {};
    const answer = await postGraphQL<{ importSurveys: Report }>(
      voc.url,
      IMPORT,
      { c: center, r: rows },
      headers,
    );
    if (!answer.data?.importSurveys) throw new Error(JSON.stringify(answer.errors));
    return answer.data.importSurveys;
  };
  const responses = async (who?: Identity) => {
    const headers: Record<string, string> = who
      ? { authorization: `Bearer ${await subgraphToken('voc', who)}` }
      : {};
    const answer = await postGraphQL<{ surveyResponses: Response[] }>(
      voc.url,
      RESPONSES,
      { c: center },
      headers,
    );
    return answer.data?.surveyResponses ?? [];
  };

  it('attributes responses to the contact’s agent, queue and arrival, asking traffic in one batch', async () => {
    const rows = [
      row(call),
      row(other, { formCode: 'NPS_SMS', score: 9, verbatim: null }),
      row(other, {
        status: 'SENT',
        score: null,
        answeredAt: null,
        verbatim: null,
        sentAt: '2026-11-11T10:05:00Z',
      }),
    ];
    const before = world.requests.length;
    expect(await importRows(rows)).toEqual({
      invitationsCreated: 3,
      invitationsUpdated: 0,
      responsesRecorded: 2,
      unchanged: 0,
      problems: [],
    });
    expect(world.requests.length - before).toBe(1);
    const read = await responses();
    expect(read).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          invitationKey: rows[0].invitationKey,
          kind: 'CSAT',
          score: 5,
          agentEmployeeNo: 'E100',
          queueCode: 'CARDS',
          contactArrivedAt: '2026-11-10T09:00:00.000Z',
        }),
        expect.objectContaining({
          invitationKey: rows[1].invitationKey,
          kind: 'NPS',
          score: 9,
          agentEmployeeNo: 'E200',
        }),
      ]),
    );
  });

  it('keeps the rollup in the import’s transaction, equal to one rebuilt from every row, with the team of the arrival day', async () => {
    const sent = row(later, {
      status: 'SENT',
      score: null,
      answeredAt: null,
      verbatim: null,
      sentAt: '2026-11-20T10:00:00Z',
    });
    await importRows([
      row(call, { score: 2 }),
      row(later, { sentAt: '2026-11-20T10:00:00Z', answeredAt: '2026-11-20T11:00:00Z' }),
      sent,
    ]);
    await importRows([{ ...sent, status: 'OPENED' }]);
    await importRows([{ ...sent, status: 'FINISHED', score: 4, answeredAt: '2026-11-21T10:00:00Z' }]);
    const rollup = () =>
      voc.orm.em.fork().execute<Record<string, unknown>[]>(
        `select grain, period_start::text, center_id, team_id, agent_employee_no, queue_code, csat_n, csat_top, nps_n,
             promoters, detractors, ces_n, ces_sum, ces_sq, sent, opened, finished, expired, opted_out
           from voc_survey_rollup order by 1, 2, 3, 4, 5, 6`,
      );
    const kept = await rollup();
    const teams = await voc.orm.em
      .fork()
      .execute<{ team_id: string | null; csat_n: number; sent: number; opened: number; finished: number }[]>(
        `select team_id, csat_n, sent, opened, finished from voc_survey_rollup
         where grain = 'DAY' and period_start = '2026-11-20' and agent_employee_no = 'E100'`,
      );
    expect(teams).toEqual([{ team_id: teamB, csat_n: 2, sent: 0, opened: 0, finished: 2 }]);
    expect(kept.some((r) => r.team_id === teamA && r.grain === 'MONTH')).toBe(true);
    // and the agent's month, team and queue summed away
    expect(
      kept.filter((r) => r.grain === 'AGENT_MONTH' && r.agent_employee_no === 'E100').map((r) => r.team_id),
    ).toEqual([null]);
    expect(await rebuildSurveyRollup(voc.orm.em.fork())).toBe(kept.length);
    expect(await rollup()).toEqual(kept);
  });

  it('importing the same rows twice changes nothing', async () => {
    const rows = [
      row(call),
      row(other, { status: 'EXPIRED', score: null, answeredAt: null, verbatim: null }),
    ];
    await importRows(rows);
    const before = await databaseFingerprint(voc.orm);
    expect(await importRows(rows)).toEqual({
      invitationsCreated: 0,
      invitationsUpdated: 0,
      responsesRecorded: 0,
      unchanged: 2,
      problems: [],
    });
    expect(await databaseFingerprint(voc.orm)).toEqual(before);
  });

  it('moves an invitation along its lifecycle and records the answer when it comes', async () => {
    const sent = row(call, { status: 'SENT', score: null, answeredAt: null, verbatim: null });
    await importRows([sent]);
    expect(await importRows([{ ...sent, status: 'OPENED' }])).toMatchObject({ invitationsUpdated: 1 });
    expect(
      await importRows([{ ...sent, status: 'FINISHED', score: 2, answeredAt: '2026-11-10T10:00:00Z' }]),
    ).toMatchObject({ invitationsUpdated: 1, responsesRecorded: 1, problems: [] });
  });

  it('sets aside every bad row with its reason and imports the rest', async () => {
    const answered = row(call);
    await importRows([answered]);
    const before = await databaseFingerprint(voc.orm);
    const report = await importRows([
      row(call, { score: 6 }),
      row(call, { formCode: 'NPS_SMS', score: 11 }),
      { ...answered, score: 1 },
      row(call, { answeredAt: '2026-11-10T09:05:00Z', sentAt: '2026-11-10T09:06:00Z' }),
      row({ source: 'pbx', externalId: 'nobody-called' }),
      row(call, { formCode: 'NO_SUCH_FORM' }),
      row(call, { status: 'OPENED' }),
      { ...answered, status: 'SENT', score: null, answeredAt: null, verbatim: null },
    ]);
    expect(report.problems).toEqual([
      { row: 1, field: 'score', message: 'csat out of range 1..5' },
      { row: 2, field: 'score', message: 'nps out of range 0..10' },
      { row: 3, field: 'score', message: `a second answer to invitation ${answered.invitationKey}` },
      { row: 4, field: 'answeredAt', message: 'response before the contact ended' },
      { row: 5, field: 'contact', message: 'unknown contact pbx/nobody-called' },
      { row: 6, field: 'formCode', message: 'no survey form NO_SUCH_FORM in this center' },
      { row: 7, field: 'status', message: 'an answered invitation must be FINISHED, not OPENED' },
      {
        row: 8,
        field: 'status',
        message: `invitation ${answered.invitationKey} cannot go from FINISHED to SENT`,
      },
    ]);
    expect(report).toMatchObject({ invitationsCreated: 0, responsesRecorded: 0 });
    expect(await databaseFingerprint(voc.orm)).toEqual(before);
  });

  it('a second answer to one invitation in the same file is set aside', async () => {
    const first = row(call);
    const report = await importRows([first, { ...first, score: 3 }]);
    expect(report).toMatchObject({ invitationsCreated: 1, responsesRecorded: 1 });
    expect(report.problems).toEqual([
      { row: 2, field: 'score', message: `a second answer to invitation ${first.invitationKey}` },
    ]);
  });

  it('verbatims are PII: a center manager reads the scores but not the words', async () => {
    const manager = caller('CENTER_MANAGER', { centers: ['C1'] });
    const handler = caller('CASE_HANDLER', { centers: ['C1'] });
    const asManager = await responses(manager);
    expect(asManager.length).toBeGreaterThan(0);
    expect(asManager.every((r) => r.verbatim === null)).toBe(true);
    const asHandler = await responses(handler);
    expect(asHandler.some((r) => r.verbatim === 'quick and kind, call me on 13800138000')).toBe(true);
  });
});
