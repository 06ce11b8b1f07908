import { randomUUID } from 'node:crypto';
import { GraphQLError } from 'graphql';
import { staticScopeSource } from '@switchboard/subgraph-kit';
import { KnownReferences, postImportFile, startTestSubgraph, type TestSubgraph } from '@switchboard/testing';
import { VocFactory } from '../testing/voc-factories';
import { VocWorldDouble } from '../testing/voc-world-double';
import { vocSubgraph } from '../voc.subgraph';
import { ServiceRecoveryRequest } from './service-recovery.entity';
import { gatewayServiceRecoverySender, sendServiceRecoveries } from './service-recovery.sender';

const center = randomUUID();
const HEADER =
  'invitation_id,form_code,contact_source,contact_external_id,sent_at,status,answered_at,score,verbatim';

/**
 * Issue 19 item 4 on voc's side: a CSAT answer ≤ 2 with a verbatim is put in the outbox by the import
 * and sent to care's openServiceRecovery (the world double stands in for the gateway and care, one
 * commitment per response as care keeps it) by the job's run, exactly once per response across a
 * crash and a re-import; a CSAT 3 or an answer without words is not.
 */
describe('service recovery (voc → care)', () => {
  let voc: TestSubgraph;
  const world = new VocWorldDouble();
  const calls = {
    unhappy: world.contact('E200', 'CARDS', '2026-11-10T09:00:00Z', '2026-11-10T09:06:00Z'),
    neutral: world.contact('E201', 'CARDS', '2026-11-10T09:00:00Z', '2026-11-10T09:06:00Z'),
    silent: world.contact('E202', 'CARDS', '2026-11-10T09:00:00Z', '2026-11-10T09:06:00Z'),
    nobody: world.contact(null, 'IVR', '2026-11-10T09:00:00Z', '2026-11-10T09:06:00Z'),
  };
  const row = (id: string, call: { source: string; externalId: string }, score: number, verbatim: string) =>
    `${id},POST_CALL,${call.source},${call.externalId},2026-11-10T09:10:00Z,FINISHED,2026-11-10T09:20:00Z,${score},${verbatim}`;
  const csv = [
    HEADER,
    row('sr-1', calls.unhappy, 1, 'nobody called me back about my card'),
    row('sr-2', calls.neutral, 3, 'it was ok i guess'),
    row('sr-3', calls.silent, 2, ''),
    row('sr-4', calls.nobody, 1, 'the menu is a maze'),
  ].join('\n');
  const importFile = () => postImportFile(voc.url, `/import/surveys?center=${center}&format=csv`, csv);
  const outbox = () => voc.orm.em.fork().find(ServiceRecoveryRequest, {}, { orderBy: { createdAt: 'asc' } });

  beforeAll(async () => {
    await world.serveAsGateway();
    voc = await startTestSubgraph(vocSubgraph, {
      scopeSource: staticScopeSource({ centers: { C1: { id: center, teams: [] } }, teams: {} }),
      referenceSource: new KnownReferences().add('center', center).source,
    });
    await new VocFactory(voc.url).surveyForm({ centerId: center, code: 'POST_CALL', kind: 'CSAT' });
  });
  afterAll(async () => {
    await voc.stop();
    await world.release();
  });

  it('the import queues only the CSAT ≤ 2 answer with a verbatim and an agent; a re-import queues none', async () => {
    expect((await importFile()).events.at(-1)).toMatchObject({ type: 'report', responsesRecorded: 4 });
    await importFile();
    const queued = await outbox();
    expect(queued.map((r) => [r.contactExternalId, r.agentEmployeeNo, r.score, r.doneAt])).toEqual([
      [calls.unhappy.externalId, 'E200', 1, null],
    ]);
  });

  it('a run that crashes after care answered leaves it pending; the retry gets the same commitment, no second', async () => {
    const crashed = await sendServiceRecoveries(voc.orm.em, {
      send: async (ask) => {
        await gatewayServiceRecoverySender(ask);
        throw new Error('killed before noting the answer');
      },
    });
    expect(crashed).toEqual({ sent: 0, refused: 0, failed: 1 });
    expect((await outbox())[0]).toMatchObject({ doneAt: null, commitmentId: null, attempts: 1 });

    expect(await sendServiceRecoveries(voc.orm.em)).toEqual({ sent: 1, refused: 0, failed: 0 });
    const [done] = await outbox();
    expect(world.recoveries.size).toBe(1);
    expect(done.commitmentId).toBe(world.recoveries.get(done.responseId));
    expect(done.doneAt).not.toBeNull();
    expect(world.recoveryAsks).toEqual([
      {
        responseKey: done.responseId,
        centerId: center,
        contact: calls.unhappy,
        agentEmployeeNo: 'E200',
        score: 1,
        answeredAt: '2026-11-10T09:20:00.000Z',
      },
      expect.objectContaining({ responseKey: done.responseId }),
    ]);
    // done: later runs send nothing
    expect(await sendServiceRecoveries(voc.orm.em)).toEqual({ sent: 0, refused: 0, failed: 0 });
    expect(world.recoveryAsks).toHaveLength(2);
  });

  it('care unreachable: pending for the next run; care refusing (no lead): done, the reason kept, not asked again', async () => {
    const later = world.contact('E203', 'CARDS', '2026-11-10T08:00:00Z', '2026-11-10T08:06:00Z');
    await postImportFile(
      voc.url,
      `/import/surveys?center=${center}&format=csv`,
      [HEADER, row('sr-5', later, 2, 'rude')].join('\n'),
    );
    const refuse = (code: string) => async () => {
      throw new GraphQLError(`service recovery: ${code}`, { extensions: { code } });
    };
    expect(await sendServiceRecoveries(voc.orm.em, { send: refuse('SUBGRAPH_UNAVAILABLE') })).toEqual({
      sent: 0,
      refused: 0,
      failed: 1,
    });
    expect(await sendServiceRecoveries(voc.orm.em, { send: refuse('BAD_USER_INPUT') })).toEqual({
      sent: 0,
      refused: 1,
      failed: 0,
    });
    const row5 = (await outbox()).find((r) => r.contactExternalId === later.externalId);
    expect(row5).toMatchObject({
      attempts: 2,
      commitmentId: null,
      lastError: 'service recovery: BAD_USER_INPUT',
    });
    expect(row5?.doneAt).not.toBeNull();
    expect(await sendServiceRecoveries(voc.orm.em, { send: refuse('BAD_USER_INPUT') })).toEqual({
      sent: 0,
      refused: 0,
      failed: 0,
    });
  });
});
