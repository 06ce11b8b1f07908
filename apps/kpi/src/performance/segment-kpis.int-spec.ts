import { databaseFingerprint, postGraphQL, startTestSubgraph, type TestSubgraph } from '@switchboard/testing';
import { kpiSubgraph } from '../kpi.subgraph';
import { KpiFactory, knownScopes } from '../testing/kpi-factories';

const FROM = '2026-10-31T16:00:00.000Z';
const TO = '2026-11-30T16:00:00.000Z';

interface SegmentKpi {
  segment: string;
  code: string;
  value: number | null;
  target: number | null;
  targetSegment: string | null;
  targetScopeType: string | null;
  status: string | null;
}

/**
 * Issue 20 item 5 (PRODUCT-RESEARCH E6's acceptance): the same queue shows SL 0.93 for VIP and 0.78
 * for STANDARD, each against its own target and status: VIP against the queue's VIP target (0.90),
 * STANDARD against the GLOBAL one for every contact (0.80, band 0.05: AMBER). The record's own
 * kpis keep every contact's target. Fed as the gateway feeds kpi: traffic's per-segment part and
 * staff's ancestors in the representation.
 */
describe('Performance.segmentKpis against per-segment targets', () => {
  let kpi: TestSubgraph;
  let factory: KpiFactory;
  let queue: string;
  let center: string;

  beforeAll(async () => {
    kpi = await startTestSubgraph(kpiSubgraph, { referenceSource: knownScopes.source });
    factory = new KpiFactory(kpi.url);
    queue = factory.scopeId();
    center = factory.scopeId();
    const validFrom = '2020-01-01';
    await factory.target({
      kpiCode: 'SERVICE_LEVEL',
      scope: { type: 'GLOBAL' },
      target: 0.8,
      amberBand: 0.05,
      validFrom,
    });
    await factory.target({
      kpiCode: 'SERVICE_LEVEL',
      scope: { type: 'QUEUE', id: queue },
      segment: 'VIP',
      target: 0.9,
      amberBand: 0.03,
      validFrom,
    });
    await factory.target({ kpiCode: 'ASA', scope: { type: 'GLOBAL' }, target: 20, amberBand: 10, validFrom });
    await factory.target({
      kpiCode: 'ASA',
      scope: { type: 'CENTER', id: center },
      segment: 'VIP',
      target: 10,
      amberBand: 5,
      validFrom,
    });
  });
  afterAll(() => kpi.stop());

  const part = (segment: string, serviceLevel: number, asaSeconds: number) => ({
    segment,
    offered: 100,
    serviceLevel,
    asaSeconds,
    ahtSeconds: 280,
    abandonRate: 0.02,
    transferRate: 0.05,
  });
  const record = (scopeType: string, scopeId: string, trafficBySegment: unknown) => ({
    __typename: 'Performance',
    scopeType,
    scopeId,
    from: FROM,
    to: TO,
    trafficBySegment,
    traffic: {
      answered: 200,
      serviceLevel: 0.85,
      asaSeconds: 15,
      ahtSeconds: 280,
      abandonRate: null,
      fcrRate: null,
      transferRate: null,
      occupancy: null,
    },
    ancestors: scopeType === 'QUEUE' ? [{ type: 'CENTER', id: center }] : [],
  });
  const ask = (representations: unknown[]) =>
    postGraphQL<{
      _entities: { segmentKpis: SegmentKpi[]; kpis: { code: string; target: number | null }[] }[];
    }>(
      kpi.url,
      `query($r: [_Any!]!) { _entities(representations: $r) { ... on Performance {
        segmentKpis(codes: ["SERVICE_LEVEL", "ASA"]) { segment code value target targetSegment targetScopeType status }
        kpis(codes: ["SERVICE_LEVEL"]) { code target } } } }`,
      { r: representations },
    );

  it("values each segment against its own target, and the rest against every contact's", async () => {
    const answer = await ask([record('QUEUE', queue, [part('VIP', 0.93, 8), part('STANDARD', 0.78, 18)])]);
    expect(answer.errors).toBeUndefined();
    const [queueRecord] = answer.data?._entities ?? [];
    expect(queueRecord.segmentKpis).toEqual([
      {
        segment: 'VIP',
        code: 'SERVICE_LEVEL',
        value: 0.93,
        target: 0.9,
        targetSegment: 'VIP',
        targetScopeType: 'QUEUE',
        status: 'GREEN',
      },
      // the center's VIP ASA target applies to the queue (its ancestor)
      {
        segment: 'VIP',
        code: 'ASA',
        value: 8,
        target: 10,
        targetSegment: 'VIP',
        targetScopeType: 'CENTER',
        status: 'GREEN',
      },
      {
        segment: 'STANDARD',
        code: 'SERVICE_LEVEL',
        value: 0.78,
        target: 0.8,
        targetSegment: null,
        targetScopeType: 'GLOBAL',
        status: 'AMBER',
      },
      {
        segment: 'STANDARD',
        code: 'ASA',
        value: 18,
        target: 20,
        targetSegment: null,
        targetScopeType: 'GLOBAL',
        status: 'GREEN',
      },
    ]);
    // the record's own SL keeps every contact's target, not the VIP one
    expect(queueRecord.kpis).toEqual([{ code: 'SERVICE_LEVEL', target: 0.8 }]);
  });

  it('gives nothing for a team (segments are counted per queue) or without segment figures', async () => {
    const answer = await ask([record('TEAM', factory.scopeId(), []), record('QUEUE', queue, null)]);
    expect(answer.errors).toBeUndefined();
    expect(answer.data?._entities.map((e) => e.segmentKpis)).toEqual([[], []]);
  });

  it("keeps a segment's target apart from every contact's of the same KPI, scope and day", async () => {
    const scope = { type: 'QUEUE', id: factory.scopeId() };
    const validFrom = '2026-01-01';
    await factory.target({ kpiCode: 'SERVICE_LEVEL', scope, target: 0.8, amberBand: 0.05, validFrom });
    await factory.target({
      kpiCode: 'SERVICE_LEVEL',
      scope,
      segment: 'VIP',
      target: 0.9,
      amberBand: 0.05,
      validFrom,
    });
    // a new VIP target from the same day replaces the VIP one only
    await factory.target({
      kpiCode: 'SERVICE_LEVEL',
      scope,
      segment: 'VIP',
      target: 0.95,
      amberBand: 0.02,
      validFrom,
    });
    const listed = await postGraphQL<{ kpiTargets: { segment: string | null; target: number }[] }>(
      kpi.url,
      'query($id: ID) { kpiTargets(kpiCode: "SERVICE_LEVEL", scopeType: QUEUE, scopeId: $id) { segment target } }',
      { id: scope.id },
    );
    expect(listed.errors).toBeUndefined();
    expect(listed.data?.kpiTargets).toEqual(
      expect.arrayContaining([
        { segment: null, target: 0.8 },
        { segment: 'VIP', target: 0.95 },
      ]),
    );
    expect(listed.data?.kpiTargets).toHaveLength(2);
  });

  it.each([
    [
      { kpiCode: 'QA_SCORE', scope: { type: 'GLOBAL' }, segment: 'VIP', target: 90, amberBand: 5 },
      'input.segment',
    ],
    [
      { kpiCode: 'SERVICE_LEVEL', scope: { type: 'TEAM' }, segment: 'VIP', target: 0.9, amberBand: 0.05 },
      'input.segment',
    ],
    [
      { kpiCode: 'SERVICE_LEVEL', scope: { type: 'GLOBAL' }, segment: 'GOLD', target: 0.9, amberBand: 0.05 },
      'segment',
    ],
  ])('refuses %j with BAD_USER_INPUT naming %s, writing nothing', async (input, field) => {
    const i =
      input.scope.type === 'TEAM' ? { ...input, scope: { type: 'TEAM', id: factory.scopeId() } } : input;
    const before = await databaseFingerprint(kpi.orm);
    const answer = await postGraphQL(
      kpi.url,
      'mutation($i: SetKpiTargetInput!) { setKpiTarget(input: $i) { id } }',
      { i },
    );
    expect(answer.errors?.[0]).toMatchObject({
      message: expect.stringContaining(field) as string,
      extensions: { code: 'BAD_USER_INPUT' },
    });
    expect(await databaseFingerprint(kpi.orm)).toEqual(before);
  });
});
