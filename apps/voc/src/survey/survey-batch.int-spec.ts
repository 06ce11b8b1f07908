import { randomUUID } from 'node:crypto';
import {
  configureIngestBatchRecorder,
  gatewayIngestBatchRecorder,
  staticScopeSource,
} from '@switchboard/subgraph-kit';
import {
  KnownReferences,
  postGraphQL,
  postImportFile,
  startTestSubgraph,
  type TestSubgraph,
} from '@switchboard/testing';
import { VocFactory } from '../testing/voc-factories';
import { VocWorldDouble } from '../testing/voc-world-double';
import { vocSubgraph } from '../voc.subgraph';

const center = randomUUID();

/** Issue 22: a survey import reports its SURVEYS batch (of its center) to traffic through the gateway, as service:voc. */
describe('survey imports report their batch through the gateway', () => {
  let voc: TestSubgraph;
  const world = new VocWorldDouble();
  const call = world.contact('E100', 'CARDS', '2026-11-10T09:00:00Z', '2026-11-10T09:06:00Z');
  let restore: () => void;

  beforeAll(async () => {
    await world.serveAsGateway();
    restore = configureIngestBatchRecorder(gatewayIngestBatchRecorder);
    voc = await startTestSubgraph(vocSubgraph, {
      scopeSource: staticScopeSource({ centers: { C1: { id: center, teams: [] } }, teams: {} }),
      referenceSource: new KnownReferences().add('center', center).source,
    });
    await new VocFactory(voc.url).surveyForm({ centerId: center, code: 'POST_CALL', kind: 'CSAT' });
  });
  afterAll(async () => {
    await voc.stop();
    restore();
    await world.release();
  });

  it('the route: read, accepted and rejected rows, as of the latest answer accepted', async () => {
    const csv = [
      'invitation_id,form_code,contact_source,contact_external_id,sent_at,status,answered_at,score,verbatim',
      `b-1,POST_CALL,${call.source},${call.externalId},2026-11-10T09:10:00Z,FINISHED,2026-11-10T09:20:00Z,5,`,
      `b-2,POST_CALL,${call.source},${call.externalId},2026-11-10T09:10:00Z,FINISHED,2026-11-10T09:25:00Z,4,`,
      `b-3,POST_CALL,${call.source},${call.externalId},2026-11-10T09:10:00Z,FINISHED,2026-11-10T09:40:00Z,9,`,
    ].join('\n');
    const answer = await postImportFile(voc.url, `/import/surveys?center=${center}&format=csv`, csv);
    expect(answer.events.at(-1)).toMatchObject({ type: 'report', read: 3, rejected: 1 });
    expect(world.ingestBatches).toEqual([
      {
        kind: 'SURVEYS',
        source: 'surveys',
        centerId: center,
        batchKey: expect.stringMatching(/^voc:/),
        rowsRead: 3,
        rowsInserted: 2,
        rowsRejected: 1,
        latestEventAt: '2026-11-10T09:25:00.000Z',
      },
    ]);
  });

  it('the importSurveys mutation reports its batch too', async () => {
    world.ingestBatches.length = 0;
    const answer = await postGraphQL(
      voc.url,
      `mutation($c: ID!, $rows: [SurveyImportRowInput!]!) { importSurveys(centerId: $c, rows: $rows) { invitationsCreated } }`,
      {
        c: center,
        rows: [
          {
            invitationKey: 'b-4',
            formCode: 'POST_CALL',
            contactSource: call.source,
            contactExternalId: call.externalId,
            sentAt: '2026-11-10T09:10:00Z',
            status: 'SENT',
          },
        ],
      },
    );
    expect(answer.errors).toBeUndefined();
    expect(world.ingestBatches).toEqual([
      expect.objectContaining({
        kind: 'SURVEYS',
        rowsRead: 1,
        rowsInserted: 1,
        rowsRejected: 0,
        latestEventAt: '2026-11-10T09:10:00.000Z',
      }),
    ]);
  });
});
