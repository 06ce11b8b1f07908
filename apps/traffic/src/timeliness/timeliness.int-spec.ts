import { randomUUID } from 'node:crypto';
import {
  authorizationFor,
  caller,
  KnownReferences,
  postGraphQL,
  startTestSubgraph,
  subgraphToken,
  type TestSubgraph,
} from '@switchboard/testing';
import { staticScopeSource } from '@switchboard/subgraph-kit';
import { trafficSubgraph } from '../traffic.subgraph';
import { timelinessClock } from './data-source';

const DAY = '2026-03-02';
const t = (hhmm: string): Date => new Date(`${DAY}T${hhmm}:00Z`);
const HEADER =
  'source,external_id,channel,direction,queue,agent,customer_key,arrived_at,answered_at,ended_at,hold_seconds,acw_seconds,outcome,transferred,wrapup_code';

/** Answered calls on queue TL-Q arriving every 5 minutes from `first`, each ending 3 minutes later. */
function contactsCsv(first: string, count: number, bad = 0): string {
  const rows = Array.from({ length: count }, (_, i) => {
    const arrived = new Date(t(first).getTime() + i * 300_000);
    const answered = new Date(arrived.getTime() + 10_000);
    const ended = new Date(arrived.getTime() + 180_000);
    return `tl,${first}-${i},VOICE,INBOUND,TL-Q,E1,,${arrived.toISOString()},${answered.toISOString()},${ended.toISOString()},0,0,ANSWERED,false,`;
  });
  const bads = Array.from(
    { length: bad },
    (_, i) => `tl,bad-${first}-${i},VOICE,INBOUND,TL-Q,E1,,not a time,,,0,0,ANSWERED,false,`,
  );
  return [HEADER, ...rows, ...bads].join('\n') + '\n';
}

/**
 * PRODUCT-RESEARCH E1's acceptance fixture: ACD contacts with cadence 15, warn 30, error 60; contacts
 * up to 09:00 loaded at 09:05, then nothing until 10:20: at 10:10 the lag is 70 minutes, the source
 * is in ERROR and the traffic KPIs on performance are stale; an incident 09:30–10:00 on VOICE with
 * service hours 09:00–17:00 gives availability 0.9375.
 */
describe('data timeliness (traffic)', () => {
  let traffic: TestSubgraph;
  const centerId = randomUUID();
  const known = new KnownReferences().add('center', centerId);
  let queueId: string;

  const importAt = async (at: Date, csv: string) => {
    timelinessClock.now = () => at;
    const response = await fetch(`${new URL(traffic.url).origin}/import/contacts?format=csv&source=pbx`, {
      method: 'POST',
      headers: { authorization: `Bearer ${await subgraphToken('traffic', caller('ADMIN'))}` },
      body: csv,
    });
    expect(response.status).toBe(200);
    expect(await response.text()).toContain('"type":"report"');
  };

  const freshness = async (at: Date, identity = caller('ADMIN')) => {
    timelinessClock.now = () => at;
    return postGraphQL<{ dataFreshness: Record<string, unknown>[] }>(
      traffic.url,
      `query($c: ID, $from: DateTimeISO!, $to: DateTimeISO!) {
         dataFreshness(centerId: $c, from: $from, to: $to, kinds: [ACD_CONTACTS], serviceStart: "09:00", serviceEnd: "17:00") {
           kind status lagMinutes latestEventAt batches rowsRead rowsRejected rejectRate slotsExpected slotsOnTime
           missedSlots timelinessRate intervalsWithData openIntervals intervalCompleteness configured } }`,
      { c: centerId, from: t('09:00'), to: t('17:00') },
      await authorizationFor(traffic.url, identity),
    );
  };

  const performance = async (at: Date) => {
    timelinessClock.now = () => at;
    const record = (scopeType: string, scopeId: string, to: string) => ({
      __typename: 'Performance',
      scopeType,
      scopeId,
      from: `${DAY}T00:00:00.000Z`,
      to,
      agents: [{ employeeNo: 'E1' }],
    });
    const response = await postGraphQL<{ _entities: { traffic: Record<string, unknown> }[] }>(
      traffic.url,
      `query($r: [_Any!]!) { _entities(representations: $r) { ... on Performance { traffic {
         answered serviceLevel dataAsOf stale } } } }`,
      {
        r: [
          record('CENTER', centerId, `${DAY}T17:00:00.000Z`),
          record('QUEUE', queueId, `${DAY}T17:00:00.000Z`),
          record('AGENT', randomUUID(), `${DAY}T17:00:00.000Z`),
          // a period that ended before the latest event loaded: complete, never stale
          record('CENTER', centerId, `${DAY}T08:30:00.000Z`),
        ],
      },
    );
    expect(response.errors).toBeUndefined();
    return response.data?._entities.map((e) => e.traffic) ?? [];
  };

  beforeAll(async () => {
    traffic = await startTestSubgraph(trafficSubgraph, {
      referenceSource: known.source,
      scopeSource: staticScopeSource({ centers: { 'OTHER-01': { id: randomUUID(), teams: [] } }, teams: {} }),
    });
    const configured = await postGraphQL(
      traffic.url,
      `mutation { configureDataSource(input: { kind: ACD_CONTACTS, cadenceMinutes: 15, warnAfterMinutes: 30, errorAfterMinutes: 60 }) { kind warnAfterMinutes } }`,
    );
    expect(configured.errors).toBeUndefined();
    // contacts 08:00–08:55 arriving, the last ending at 08:58 — and one at 08:57 ending 09:00
    await importAt(
      t('09:05'),
      contactsCsv('08:00', 12, 1) +
        `tl,last,VOICE,INBOUND,TL-Q,E1,,${DAY}T08:57:00Z,${DAY}T08:57:10Z,${DAY}T09:00:00Z,0,0,ANSWERED,false,\n`,
    );
    const queues = await postGraphQL<{ queues: { id: string; code: string }[] }>(
      traffic.url,
      '{ queues { id code } }',
    );
    queueId = queues.data?.queues.find((q) => q.code === 'TL-Q')?.id as string;
    const moved = await postGraphQL(
      traffic.url,
      'mutation($id: ID!, $c: ID!) { updateQueue(id: $id, input: { centerId: $c }) { id } }',
      { id: queueId, c: centerId },
    );
    expect(moved.errors).toBeUndefined();
  });
  afterAll(async () => {
    timelinessClock.now = () => new Date();
    await traffic.stop();
  });

  it('at 10:10, contacts loaded up to 09:00: lag 70 minutes, ERROR', async () => {
    const response = await freshness(t('10:10'));
    expect(response.errors).toBeUndefined();
    expect(response.data?.dataFreshness).toEqual([
      expect.objectContaining({
        kind: 'ACD_CONTACTS',
        configured: true,
        status: 'ERROR',
        lagMinutes: 70,
        latestEventAt: `${DAY}T09:00:00.000Z`,
        batches: 1,
        rowsRead: 14,
        rowsRejected: 1,
        rejectRate: 1 / 14,
        // slots from 09:00: 09:00 met by the 09:05 batch; 09:15 and 09:30 missed (deadlines 09:45,
        // 10:00 passed); 09:45 and 10:00 not yet due
        slotsExpected: 3,
        slotsOnTime: 1,
        missedSlots: [`${DAY}T09:15:00.000Z`, `${DAY}T09:30:00.000Z`],
      }),
    ]);
  });

  it('at 10:10 the traffic KPIs of today are stale, as of 09:00; a period already loaded is not', async () => {
    const [center, queue, agent, earlier] = await performance(t('10:10'));
    expect(center).toMatchObject({ answered: 13, stale: true, dataAsOf: `${DAY}T09:00:00.000Z` });
    expect(queue).toMatchObject({ answered: 13, stale: true, dataAsOf: `${DAY}T09:00:00.000Z` });
    expect(agent).toMatchObject({ stale: true });
    expect(earlier).toMatchObject({ stale: false, dataAsOf: `${DAY}T08:30:00.000Z` });
    // at 09:20 the same figures were fresh (lag 20 ≤ warn 30)
    const [fresh] = await performance(t('09:20'));
    expect(fresh).toMatchObject({ stale: false, dataAsOf: `${DAY}T09:00:00.000Z` });
  });

  it('the 10:20 batch brings the source back: OK, not stale, the missed slots stay counted', async () => {
    await importAt(t('10:20'), contactsCsv('09:00', 15));
    const response = await freshness(t('10:30'));
    const [acd] = response.data?.dataFreshness ?? [];
    // the last contact arrived 10:10 and ended 10:13: lag 17 minutes
    expect(acd).toMatchObject({ status: 'OK', lagMinutes: 17, batches: 2, rowsRead: 29, rowsRejected: 1 });
    // 09:00 met; 09:15, 09:30, 09:45 missed; 10:00 and 10:15 met by 10:20; 10:30 not yet due
    expect(acd).toMatchObject({ slotsExpected: 6, slotsOnTime: 3, timelinessRate: 0.5 });
    // service 09:00–10:30 is 6 intervals of one queue; contacts arrived 09:00–10:10: the 10:15 one is a gap
    expect(acd).toMatchObject({ openIntervals: 6, intervalsWithData: 5, intervalCompleteness: 5 / 6 });
    const [center] = await performance(t('10:30'));
    expect(center).toMatchObject({ stale: false, dataAsOf: `${DAY}T10:13:00.000Z` });
  });

  it('an incident 09:30–10:00 on VOICE in service hours 09:00–17:00: availability 0.9375', async () => {
    const incident = await postGraphQL<{ recordSystemIncident: { id: string } }>(
      traffic.url,
      `mutation($c: ID) { recordSystemIncident(input: { system: "ACD", channels: [VOICE], centerId: $c,
         startedAt: "${DAY}T09:30:00Z", endedAt: "${DAY}T10:00:00Z", cause: "trunk down" }) { id } }`,
      { c: centerId },
    );
    expect(incident.errors).toBeUndefined();
    timelinessClock.now = () => new Date(`${DAY}T20:00:00Z`);
    const availability = (channel: string) =>
      postGraphQL<{ systemAvailability: Record<string, unknown> }>(
        traffic.url,
        `query($c: ID) { systemAvailability(centerId: $c, from: "${DAY}T00:00:00Z", to: "2026-03-03T00:00:00Z",
           channel: ${channel}, serviceStart: "09:00", serviceEnd: "17:00") {
           serviceMinutes incidentMinutes systemFailureRate systemAvailability incidents { system channels } } }`,
        { c: centerId },
      );
    const voice = await availability('VOICE');
    expect(voice.data?.systemAvailability).toMatchObject({
      serviceMinutes: 480,
      incidentMinutes: 30,
      systemAvailability: 0.9375,
      incidents: [{ system: 'ACD', channels: ['VOICE'] }],
    });
    const chat = await availability('CHAT');
    expect(chat.data?.systemAvailability).toMatchObject({ incidentMinutes: 0, systemAvailability: 1 });
    // at 13:00 only the service hours so far count: 30 of 240 minutes
    timelinessClock.now = () => new Date(`${DAY}T13:00:00Z`);
    expect((await availability('VOICE')).data?.systemAvailability).toMatchObject({
      serviceMinutes: 240,
      systemAvailability: 1 - 30 / 240,
    });
  });

  it('other subgraphs report their batches once per key; a center outside the caller’s scope is refused', async () => {
    const report = () =>
      postGraphQL<{ recordIngestBatch: { recorded: boolean } }>(
        traffic.url,
        `mutation($c: ID) { recordIngestBatch(input: { kind: ROSTER, source: "staff", centerId: $c, batchKey: "roster-2026-03-02",
           rowsRead: 10, rowsInserted: 9, rowsRejected: 1, latestEventAt: "${DAY}T06:00:00Z" }) { recorded } }`,
        { c: centerId },
      );
    timelinessClock.now = () => t('07:00');
    expect((await report()).data).toEqual({ recordIngestBatch: { recorded: true } });
    expect((await report()).data).toEqual({ recordIngestBatch: { recorded: false } });
    timelinessClock.now = () => t('08:00');
    const roster = await postGraphQL<{ dataFreshness: Record<string, unknown>[] }>(
      traffic.url,
      `query($c: ID) { dataFreshness(centerId: $c, from: "${DAY}T00:00:00Z", to: "2026-03-03T00:00:00Z", kinds: [ROSTER]) {
         kind status lagMinutes batches rowsRead rowsRejected configured } }`,
      { c: centerId },
    );
    expect(roster.data?.dataFreshness).toEqual([
      {
        kind: 'ROSTER',
        status: 'OK',
        lagMinutes: 120,
        batches: 1,
        rowsRead: 10,
        rowsRejected: 1,
        configured: false,
      },
    ]);
    const outside = await freshness(t('10:10'), caller('CENTER_MANAGER', { centers: ['OTHER-01'] }));
    expect(outside.errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });

  it('refuses bad input naming the field, writing nothing', async () => {
    const cases: [string, string][] = [
      [
        'mutation { configureDataSource(input: { kind: QA, cadenceMinutes: 60, warnAfterMinutes: 30, errorAfterMinutes: 90 }) { kind } }',
        'warnAfterMinutes',
      ],
      [
        'mutation { configureDataSource(input: { kind: QA, cadenceMinutes: 60, warnAfterMinutes: 60, errorAfterMinutes: 0 }) { kind } }',
        'errorAfterMinutes',
      ],
      [
        `mutation { configureDataSource(input: { kind: QA, centerId: "${randomUUID()}", cadenceMinutes: 60, warnAfterMinutes: 60, errorAfterMinutes: 90 }) { kind } }`,
        'centerId',
      ],
      [
        'mutation { recordIngestBatch(input: { kind: QA, source: "qa", batchKey: "k", rowsRead: 1, rowsInserted: 2, rowsRejected: 0 }) { recorded } }',
        'rowsRead',
      ],
      [
        'mutation { recordIngestBatch(input: { kind: QA, source: "qa", batchKey: "k", rowsRead: 1, rowsInserted: 1, rowsRejected: 0, latestEventAt: "2099-01-01T00:00:00Z" }) { recorded } }',
        'latestEventAt',
      ],
      [
        `mutation { recordSystemIncident(input: { system: "ACD", startedAt: "${DAY}T10:00:00Z", endedAt: "${DAY}T09:00:00Z" }) { id } }`,
        'endedAt',
      ],
      [
        `mutation { recordSystemIncident(input: { system: "ACD", startedAt: "${DAY}T10:00:00Z", severity: "HUGE" }) { id } }`,
        'severity',
      ],
      [`mutation { endSystemIncident(id: "${randomUUID()}", endedAt: "${DAY}T10:00:00Z") { id } }`, 'id'],
      [`{ dataFreshness(from: "${DAY}T10:00:00Z", to: "${DAY}T09:00:00Z") { kind } }`, 'to'],
      [
        `{ systemAvailability(from: "${DAY}T00:00:00Z", to: "${DAY}T09:00:00Z", serviceStart: "9am") { systemAvailability } }`,
        'serviceStart',
      ],
    ];
    const count = async () =>
      (
        await traffic.orm.em
          .fork()
          .getConnection()
          .execute<
            { n: number }[]
          >('select (select count(*) from data_source) + (select count(*) from ingest_batch) + (select count(*) from system_incident) as n')
      )[0].n;
    const before = await count();
    timelinessClock.now = () => t('12:00');
    for (const [query, field] of cases) {
      const response = await postGraphQL(traffic.url, query);
      expect(response.errors?.[0].message).toContain(field);
      expect(['BAD_USER_INPUT', 'NOT_FOUND']).toContain(response.errors?.[0].extensions?.code);
    }
    expect(await count()).toBe(before);
  });
});
