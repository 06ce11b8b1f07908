import { randomUUID } from 'node:crypto';
import { staticScopeSource } from '@switchboard/subgraph-kit';
import { serviceIdentity } from '@switchboard/auth';
import {
  KnownReferences,
  authorizationFor,
  caller,
  everyMutationRefused,
  postGraphQL,
  startTestSubgraph,
  subgraphToken,
} from '@switchboard/testing';
import type { MutationCall, TestSubgraph } from '@switchboard/testing';
import type { Identity } from '@switchboard/auth';
import { trafficSubgraph } from '../traffic.subgraph';

const contact = () => ({
  source: 'refused',
  externalId: randomUUID(),
  channel: 'VOICE',
  queue: 'Q-REFUSED',
  agent: 'E1',
  arrivedAt: '2026-03-02T01:00:00Z',
  answeredAt: '2026-03-02T01:00:10Z',
  endedAt: '2026-03-02T01:05:00Z',
  outcome: 'ANSWERED',
});

/** Everyone but ADMIN: traffic's data comes from the ACD, loaded by operations, never typed in. */
const NON_WRITERS: { who: string; identity: Identity }[] = [
  { who: 'BI_READER', identity: caller('BI_READER') },
  { who: 'AGENT', identity: caller('AGENT', { employeeNo: 'E1' }) },
  { who: 'TEAM_LEAD', identity: caller('TEAM_LEAD', { teams: ['SHA-CARDS-1'] }) },
  { who: 'CENTER_MANAGER', identity: caller('CENTER_MANAGER', { centers: ['SHA-01'] }) },
  { who: 'HR', identity: caller('HR') },
  { who: 'TRAINER', identity: caller('TRAINER') },
  { who: 'QA_EVALUATOR', identity: caller('QA_EVALUATOR') },
];

describe('traffic mutations and the import route: ADMIN only', () => {
  let traffic: TestSubgraph;
  let queueId: string;

  // SHA-01's manager is refused too: the alert rules below are of another center
  const shaId = randomUUID();
  const otherCenterId = randomUUID();
  let ruleId: string;

  beforeAll(async () => {
    traffic = await startTestSubgraph(trafficSubgraph, {
      referenceSource: new KnownReferences().add('center', shaId, otherCenterId).source,
      scopeSource: staticScopeSource({ centers: { 'SHA-01': { id: shaId, teams: [] } }, teams: {} }),
    });
    await postGraphQL(
      traffic.url,
      'mutation($c: [ContactInput!]!) { ingestContacts(contacts: $c) { inserted } }',
      {
        c: [contact()],
      },
    );
    const queues = await postGraphQL<{ queues: { id: string }[] }>(traffic.url, '{ queues { id } }');
    queueId = queues.data?.queues[0].id as string;
    const rule = await postGraphQL<{ createAlertRule: { id: string } }>(
      traffic.url,
      `mutation($c: ID!) { createAlertRule(input: { name: "r", centerId: $c, metric: WAITING, comparator: GT,
         threshold: 5, forSeconds: 60 }) { id } }`,
      { c: otherCenterId },
    );
    ruleId = rule.data?.createAlertRule.id as string;
  });
  afterAll(() => traffic.stop());

  const calls: Record<string, MutationCall> = {
    ingestContacts: {
      query: 'mutation($c: [ContactInput!]!) { ingestContacts(contacts: $c) { inserted } }',
      variables: () => ({ c: [contact()] }),
    },
    updateQueue: {
      query: 'mutation($id: ID!) { updateQueue(id: $id, input: { name: "Taken over" }) { name } }',
      variables: () => ({ id: queueId }),
    },
    syncTeamDirectory: { query: 'mutation { syncTeamDirectory { agents } }' },
    saveDispositionCode: {
      query: `mutation { saveDispositionCode(input: { code: "REFUSED", nameZh: "拒", nameEn: "Refused",
        outcomeClass: "INFO_ONLY", validFrom: "2026-01-01" }) { version } }`,
    },
    setCostRate: {
      query: `mutation($c: ID!) { setCostRate(input: { centerId: $c, channel: VOICE, perHour: "85.00",
        validFrom: "2026-05-01" }) { id } }`,
      variables: () => ({ c: shaId }),
    },
    createProduct: {
      query: `mutation { createProduct(input: { code: "REFUSED", nameZh: "拒", nameEn: "Refused", family: "CARD",
        marginRate: "0.02" }) { code } }`,
    },
    setProductMargin: {
      query: `mutation { setProductMargin(input: { code: "REFUSED", marginRate: "0.02", validFrom: "2100-01-01" }) { code } }`,
    },
    configureDataSource: {
      query:
        'mutation { configureDataSource(input: { kind: QA, cadenceMinutes: 60, warnAfterMinutes: 60, errorAfterMinutes: 120 }) { kind } }',
    },
    recordIngestBatch: {
      query:
        'mutation($k: String!) { recordIngestBatch(input: { kind: QA, source: "qa", batchKey: $k, rowsRead: 1, rowsInserted: 1, rowsRejected: 0 }) { recorded } }',
      variables: () => ({ k: randomUUID() }),
    },
    recordSystemIncident: {
      query:
        'mutation { recordSystemIncident(input: { system: "ACD", startedAt: "2026-03-02T01:00:00Z" }) { id } }',
    },
    createAlertRule: {
      query: `mutation($c: ID!) { createAlertRule(input: { name: "r", centerId: $c, metric: WAITING, comparator: GT,
        threshold: 5, forSeconds: 60 }) { id } }`,
      variables: () => ({ c: otherCenterId }),
    },
    setAlertRuleEnabled: {
      query: 'mutation($id: ID!) { setAlertRuleEnabled(id: $id, enabled: false) { id } }',
      variables: () => ({ id: ruleId }),
    },
    endSystemIncident: {
      query: 'mutation($id: ID!) { endSystemIncident(id: $id, endedAt: "2026-03-02T02:00:00Z") { id } }',
      variables: () => ({ id: randomUUID() }),
    },
  };

  everyMutationRefused(
    () => traffic.url,
    () => calls,
    NON_WRITERS,
    {
      acceptingServices: ['recordIngestBatch'],
    },
  );

  const count = async (): Promise<number> =>
    (
      await traffic.orm.em
        .fork()
        .getConnection()
        .execute<{ n: number }[]>('select count(*)::int as n from contact')
    )[0].n;

  const importAs = async (identity: Identity) =>
    fetch(`${new URL(traffic.url).origin}/import/contacts?format=csv&source=route`, {
      method: 'POST',
      headers: { authorization: `Bearer ${await subgraphToken('traffic', identity)}` },
      body: 'source,external_id,channel,direction,queue,agent,customer_key,arrived_at,answered_at,ended_at,hold_seconds,acw_seconds,outcome,transferred,wrapup_code\nroute,r1,VOICE,INBOUND,Q-R,E1,,2026-03-02T01:00:00Z,2026-03-02T01:00:05Z,2026-03-02T01:03:00Z,0,0,ANSWERED,false,\n',
    });

  it.each(NON_WRITERS.map((c) => [c.who, c.identity] as const))(
    'refuses POST /import/contacts as %s with 403 FORBIDDEN, storing nothing',
    async (_who, identity) => {
      const before = await count();
      const response = await importAs(identity);
      expect(response.status).toBe(403);
      expect(await response.json()).toMatchObject({ type: 'error', code: 'FORBIDDEN' });
      expect(await count()).toBe(before);
    },
  );

  // A service identity (BI_READER + SERVICE) is accepted by recordIngestBatch alone, and there only
  // for the sources it owns (service-batches.int-spec.ts); every other mutation and the import route refuse it.
  it.each(['staff', 'voc', 'care', 'traffic'])(
    'as service:%s, every mutation but recordIngestBatch is FORBIDDEN, and so is the import route',
    async (service) => {
      const authorization = await authorizationFor(traffic.url, serviceIdentity(service));
      for (const [name, call] of Object.entries(calls).filter(([n]) => n !== 'recordIngestBatch')) {
        const response = await postGraphQL(traffic.url, call.query, call.variables?.(), authorization);
        expect([name, response.data ?? null, response.errors?.[0]?.extensions?.code]).toEqual([
          name,
          null,
          'FORBIDDEN',
        ]);
      }
      expect((await importAs(serviceIdentity(service))).status).toBe(403);
    },
  );

  it('lets ADMIN import through the route and change a queue', async () => {
    const response = await importAs(caller('ADMIN'));
    expect(response.status).toBe(200);
    expect(await response.text()).toContain('"type":"report"');
    const update = await postGraphQL(traffic.url, calls.updateQueue.query, { id: queueId });
    expect(update.data).toEqual({ updateQueue: { name: 'Taken over' } });
  });
});
