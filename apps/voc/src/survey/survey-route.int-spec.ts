import { randomUUID } from 'node:crypto';
import {
  caller,
  databaseFingerprint,
  KnownReferences,
  postImportFile,
  startTestSubgraph,
  type TestSubgraph,
} from '@switchboard/testing';
import { staticScopeSource } from '@switchboard/subgraph-kit';
import { VocFactory } from '../testing/voc-factories';
import { VocWorldDouble } from '../testing/voc-world-double';
import { vocSubgraph } from '../voc.subgraph';

const center = randomUUID();

describe('POST /import/surveys (switchboard import surveys)', () => {
  let voc: TestSubgraph;
  const world = new VocWorldDouble();
  const call = world.contact('E100', 'CARDS', '2026-11-10T09:00:00Z', '2026-11-10T09:06:00Z');
  const csv = [
    'invitation_id,form_code,contact_source,contact_external_id,sent_at,status,answered_at,score,verbatim',
    `csv-1,POST_CALL,${call.source},${call.externalId},2026-11-10T09:10:00Z,FINISHED,2026-11-10T09:20:00Z,5,"fast, kind"`,
    `csv-2,POST_CALL,${call.source},${call.externalId},2026-11-10T09:10:00Z,SENT,,,`,
    `csv-3,POST_CALL,${call.source},${call.externalId},2026-11-10T09:10:00Z,FINISHED,2026-11-10T09:20:00Z,6,`,
    `csv-4,POST_CALL,${call.source},${call.externalId},2026-11-10T09:10:00Z,FINISHED,2026-11-10T09:01:00Z,4,`,
    `csv-5,POST_CALL,pbx,no-such-call,2026-11-10T09:10:00Z,FINISHED,2026-11-10T09:20:00Z,4,`,
    `csv-6,POST_CALL,${call.source},${call.externalId},yesterday,SENT,,,`,
    `csv-1,POST_CALL,${call.source},${call.externalId},2026-11-10T09:10:00Z,FINISHED,2026-11-10T09:20:00Z,2,changed my mind`,
  ].join('\n');

  beforeAll(async () => {
    await world.serveAsGateway();
    voc = await startTestSubgraph(vocSubgraph, {
      scopeSource: staticScopeSource({
        centers: { C1: { id: center, teams: [] }, OTHER: { id: randomUUID(), teams: [] } },
        teams: {},
      }),
      referenceSource: new KnownReferences().add('center', center).source,
    });
    await new VocFactory(voc.url).surveyForm({ centerId: center, code: 'POST_CALL', kind: 'CSAT' });
  });
  afterAll(async () => {
    await voc.stop();
    await world.release();
  });

  it('imports the good rows, reports every bad row with its line and reason, and a second run changes nothing', async () => {
    const first = await postImportFile(voc.url, `/import/surveys?center=${center}&format=csv`, csv);
    expect(first.status).toBe(200);
    const rejected = first.events
      .filter((e) => e.type === 'rejected')
      .map((e) => [e.line, e.field, e.reason]);
    expect(rejected).toEqual([
      [4, 'score', 'csat out of range 1..5'],
      [5, 'answeredAt', 'response before the contact ended'],
      [6, 'contact', 'unknown contact pbx/no-such-call'],
      [7, 'sent_at', 'must be an instant with its offset, e.g. 2026-11-10T09:30:00+08:00'],
      [8, 'score', 'a second answer to invitation csv-1'],
    ]);
    expect(first.events.at(-1)).toMatchObject({
      type: 'report',
      read: 7,
      invitationsCreated: 2,
      responsesRecorded: 1,
      rejected: 5,
    });
    const before = await databaseFingerprint(voc.orm);
    const second = await postImportFile(voc.url, `/import/surveys?center=${center}&format=csv`, csv);
    expect(second.events.at(-1)).toMatchObject({
      invitationsCreated: 0,
      responsesRecorded: 0,
      unchanged: 2,
      rejected: 5,
    });
    expect(await databaseFingerprint(voc.orm)).toEqual(before);
  });

  it('reads NDJSON as survey platforms export it', async () => {
    const ndjson = [
      JSON.stringify({
        invitation_id: 'nd-1',
        form_code: 'POST_CALL',
        contact_source: call.source,
        contact_external_id: call.externalId,
        sent_at: '2026-11-10T09:10:00Z',
        status: 'FINISHED',
        answered_at: '2026-11-10T09:30:00+08:00',
        score: 11,
      }),
      'not json',
      JSON.stringify({
        invitation_id: 'nd-2',
        form_code: 'POST_CALL',
        contact_source: call.source,
        contact_external_id: call.externalId,
        sent_at: '2026-11-10T09:10:00Z',
        status: 'OPENED',
      }),
    ].join('\n');
    const answer = await postImportFile(voc.url, `/import/surveys?center=${center}&format=ndjson`, ndjson);
    expect(answer.events.filter((e) => e.type === 'rejected').map((e) => [e.line, e.field])).toEqual([
      [1, 'score'], // 11 on 1..5 (the row's first problem)
      [2, 'json'],
    ]);
    expect(answer.events.at(-1)).toMatchObject({ read: 3, invitationsCreated: 1 });
  });

  it('refuses a caller who may not write, and a center they do not see', async () => {
    const agent = await postImportFile(
      voc.url,
      `/import/surveys?center=${center}`,
      csv,
      caller('AGENT', { employeeNo: 'E100' }),
    );
    expect(agent.status).toBe(403);
    const elsewhere = await postImportFile(
      voc.url,
      `/import/surveys?center=${center}`,
      csv,
      caller('CASE_HANDLER', { centers: ['OTHER'] }),
    );
    expect(elsewhere.status).toBe(403);
    const noCenter = await postImportFile(voc.url, '/import/surveys?center=nope', csv);
    expect(noCenter.status).toBe(400);
  });
});
