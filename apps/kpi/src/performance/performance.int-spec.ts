import { postGraphQL, startTestSubgraph, type TestSubgraph } from '@switchboard/testing';
import { kpiSubgraph } from '../kpi.subgraph';
import { KpiFactory, knownScopes } from '../testing/kpi-factories';

interface KpiRow {
  code: string;
  value: number | null;
  target: number | null;
  targetScopeType: string | null;
  attainment: number | null;
  status: string | null;
}

const FROM = '2026-10-31T16:00:00.000Z';
const TO = '2026-11-30T16:00:00.000Z';

/**
 * kpi's part of Performance, fed as the gateway feeds it: representations carrying the key, the
 * traffic, QA and training metrics (from their subgraphs) and the ancestors (from staff) that `kpis`
 * @requires.
 */
describe('Performance.kpis and score', () => {
  let kpi: TestSubgraph;
  let factory: KpiFactory;
  let center: string;
  let team: string;

  beforeAll(async () => {
    kpi = await startTestSubgraph(kpiSubgraph, { referenceSource: knownScopes.source });
    factory = new KpiFactory(kpi.url);
    center = factory.scopeId();
    team = factory.scopeId();
    const global = { type: 'GLOBAL' };
    await factory.target({
      kpiCode: 'SERVICE_LEVEL',
      scope: global,
      target: 0.8,
      amberBand: 0.05,
      validFrom: '2020-01-01',
    });
    await factory.target({
      kpiCode: 'ASA',
      scope: global,
      target: 20,
      amberBand: 10,
      validFrom: '2020-01-01',
    });
    await factory.target({
      kpiCode: 'AHT',
      scope: global,
      target: 300,
      amberBand: 30,
      validFrom: '2020-01-01',
    });
    // the center's AHT target from November; the team's only until October (not in force in November)
    await factory.target({
      kpiCode: 'AHT',
      scope: { type: 'CENTER', id: center },
      target: 240,
      amberBand: 20,
      validFrom: '2026-11-01',
    });
    await factory.target({
      kpiCode: 'AHT',
      scope: { type: 'TEAM', id: team },
      target: 200,
      amberBand: 20,
      validFrom: '2026-01-01',
      validTo: '2026-11-01',
    });
    await factory.target({
      kpiCode: 'SERVICE_LEVEL',
      scope: { type: 'TEAM', id: team },
      target: 0.9,
      amberBand: 0.05,
      validFrom: '2026-01-01',
    });
    for (const [kpiCode, target, amberBand] of [
      ['QA_SCORE', 85, 5],
      ['CRITICAL_FAIL_RATE', 0.02, 0.02],
      ['TRAINING_COMPLETION', 0.95, 0.05],
      ['FIRST_ATTEMPT_PASS_RATE', 0.8, 0.1],
      ['CERTIFICATION_COVERAGE', 1, 0.05],
      ['ADHERENCE', 0.9, 0.05],
    ] as const)
      await factory.target({ kpiCode, scope: global, target, amberBand, validFrom: '2020-01-01' });
  });
  afterAll(() => kpi.stop());

  const traffic = (
    serviceLevel: number | null,
    asaSeconds: number | null,
    ahtSeconds: number | null,
    answered = ahtSeconds === null ? 0 : 10,
  ) => ({
    answered,
    serviceLevel,
    asaSeconds,
    ahtSeconds,
    abandonRate: null,
    fcrRate: null,
    transferRate: null,
    occupancy: null,
  });
  const agentRecord = (agentId: string, metrics: ReturnType<typeof traffic>) => ({
    __typename: 'Performance',
    scopeType: 'AGENT',
    scopeId: agentId,
    from: FROM,
    to: TO,
    traffic: metrics,
    ancestors: [
      { type: 'TEAM', id: team },
      { type: 'CENTER', id: center },
    ],
  });
  const entities = (
    representations: unknown[],
    selection = 'kpis(codes: ["SERVICE_LEVEL", "ASA", "AHT", "QA_SCORE"]) { code value target targetScopeType attainment status }',
  ) =>
    postGraphQL<{ _entities: { kpis: KpiRow[]; score?: number | null }[] }>(
      kpi.url,
      `query($r: [_Any!]!) { _entities(representations: $r) { ... on Performance { ${selection} } } }`,
      { r: representations },
    );

  it('values each KPI from its source field against the most specific target in force', async () => {
    const response = await entities([agentRecord(factory.scopeId(), traffic(0.87, 25, 250))]);
    expect(response.errors).toBeUndefined();
    const [record] = response.data?._entities ?? [];
    expect(record.kpis).toEqual([
      // the team's own SL target (0.9): 0.87 is within its 0.05 band
      {
        code: 'SERVICE_LEVEL',
        value: 0.87,
        target: 0.9,
        targetScopeType: 'TEAM',
        attainment: 0.87 / 0.9,
        status: 'AMBER',
      },
      // no team or center ASA target: the global one; 25 s is 5 s over, within the 10 s band
      { code: 'ASA', value: 25, target: 20, targetScopeType: 'GLOBAL', attainment: 0.8, status: 'AMBER' },
      // the team's AHT target ended in October: the center's (240) applies; 250 is within its 20 s band
      { code: 'AHT', value: 250, target: 240, targetScopeType: 'CENTER', attainment: 0.96, status: 'AMBER' },
      // the record has no QA part (as when qa fails): the target, but no value and no status
      {
        code: 'QA_SCORE',
        value: null,
        target: 85,
        targetScopeType: 'GLOBAL',
        attainment: null,
        status: null,
      },
    ]);
  });

  it('carries each value’s asOf and stale from its source (traffic past its warn age: stale; QA: unreported)', async () => {
    const record = {
      ...agentRecord(factory.scopeId(), {
        ...traffic(0.87, 25, 250),
        dataAsOf: '2026-11-30T09:00:00.000Z',
        stale: true,
      } as ReturnType<typeof traffic>),
      qa: { qaScore: 82, criticalFailRate: 0.05 },
    };
    const response = await entities(
      [record],
      'kpis(codes: ["SERVICE_LEVEL", "QA_SCORE"]) { code value asOf stale }',
    );
    expect(response.errors).toBeUndefined();
    expect(response.data?._entities[0].kpis).toEqual([
      { code: 'SERVICE_LEVEL', value: 0.87, asOf: '2026-11-30T09:00:00.000Z', stale: true },
      { code: 'QA_SCORE', value: 82, asOf: null, stale: false },
    ]);
    const fresh = await entities(
      [{ ...record, traffic: { ...record.traffic, stale: false } }],
      'kpis(codes: ["SERVICE_LEVEL"]) { code stale }',
    );
    expect(fresh.data?._entities[0].kpis).toEqual([{ code: 'SERVICE_LEVEL', stale: false }]);
  });

  it("values a source's own KPIs (trafficKpis, qaKpis) as kpis does, from that source's part alone (issue 23)", async () => {
    // only traffic's part and the ancestors, as the gateway sends them for trafficKpis
    const trafficOnly = agentRecord(factory.scopeId(), traffic(0.87, 25, 250));
    const both = await entities(
      [trafficOnly],
      'kpis(codes: ["SERVICE_LEVEL", "AHT"]) { code value target targetScopeType attainment status } ' +
        'trafficKpis(codes: ["SERVICE_LEVEL", "AHT"]) { code value target targetScopeType attainment status }',
    );
    expect(both.errors).toBeUndefined();
    const [record] = (both.data?._entities ?? []) as unknown as { kpis: KpiRow[]; trafficKpis: KpiRow[] }[];
    expect(record.trafficKpis).toEqual(record.kpis);
    expect(record.trafficKpis.map((k) => k.value)).toEqual([0.87, 250]);
    // without codes: every traffic KPI of the catalog and no other
    const all = await entities([trafficOnly], 'trafficKpis { code }');
    const codes = (
      (all.data?._entities[0] as unknown as { trafficKpis: { code: string }[] }).trafficKpis ?? []
    ).map((k) => k.code);
    expect(codes).toEqual(expect.arrayContaining(['SERVICE_LEVEL', 'ASA', 'AHT', 'FCR']));
    expect(codes).not.toContain('QA_SCORE');
    const qa = await entities(
      [{ ...trafficOnly, qa: { qaScore: 82, criticalFailRate: 0.05 } }],
      // 82 against the global target 85, within its band of 5
      'qaKpis(codes: ["QA_SCORE"]) { code value status }',
    );
    expect(qa.data?._entities[0]).toEqual({ qaKpis: [{ code: 'QA_SCORE', value: 82, status: 'AMBER' }] });
  });

  it("refuses a KPI code the catalog lacks, or one from another source, naming the code's place", async () => {
    const record = agentRecord(factory.scopeId(), traffic(0.87, 25, 250));
    const unknown = await entities([record], 'kpis(codes: ["SERVICE_LEVEL", "SERVCE_LEVEL"]) { code }');
    expect(unknown.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(unknown.errors?.[0]?.message).toMatch(/codes\[1\].*SERVCE_LEVEL/);
    const elsewhere = await entities([record], 'qaKpis(codes: ["QA_SCORE", "SERVICE_LEVEL"]) { code }');
    expect(elsewhere.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(elsewhere.errors?.[0]?.message).toMatch(/codes\[1\].*SERVICE_LEVEL comes from traffic/);
  });

  it('values the QA and training KPIs from their sources’ parts', async () => {
    const record = {
      ...agentRecord(factory.scopeId(), traffic(null, null, null)),
      qa: { qaScore: 82, criticalFailRate: 0.05 },
      training: { completionRate: 0.96, firstAttemptPassRate: 0.75, certificationCoverage: 1 },
    };
    const codes = [
      'QA_SCORE',
      'CRITICAL_FAIL_RATE',
      'TRAINING_COMPLETION',
      'FIRST_ATTEMPT_PASS_RATE',
      'CERTIFICATION_COVERAGE',
    ];
    const response = await entities(
      [record],
      `kpis(codes: ${JSON.stringify(codes)}) { code value target targetScopeType attainment status }`,
    );
    expect(response.errors).toBeUndefined();
    const kpis = response.data?._entities[0].kpis ?? [];
    const global = { targetScopeType: 'GLOBAL' };
    expect(kpis).toEqual([
      // 82 is 3 points under 85, within the 5-point band
      {
        code: 'QA_SCORE',
        value: 82,
        target: 85,
        ...global,
        attainment: expect.closeTo(82 / 85, 12),
        status: 'AMBER',
      },
      // lower is better: 0.05 is past 0.02 + 0.02
      {
        code: 'CRITICAL_FAIL_RATE',
        value: 0.05,
        target: 0.02,
        ...global,
        attainment: expect.closeTo(0.4, 12),
        status: 'RED',
      },
      {
        code: 'TRAINING_COMPLETION',
        value: 0.96,
        target: 0.95,
        ...global,
        attainment: expect.closeTo(0.96 / 0.95, 12),
        status: 'GREEN',
      },
      {
        code: 'FIRST_ATTEMPT_PASS_RATE',
        value: 0.75,
        target: 0.8,
        ...global,
        attainment: expect.closeTo(0.9375, 12),
        status: 'AMBER',
      },
      { code: 'CERTIFICATION_COVERAGE', value: 1, target: 1, ...global, attainment: 1, status: 'GREEN' },
    ]);
  });

  it('values ADHERENCE and CONFORMANCE from wfm’s workforce part', async () => {
    // the research's D2 fixture: 150 of 180 scheduled minutes adherent, every on-queue minute worked
    const record = {
      ...agentRecord(factory.scopeId(), traffic(null, null, null)),
      workforce: { adherence: 150 / 180, conformance: 1 },
    };
    const response = await entities(
      [record],
      'kpis(codes: ["ADHERENCE", "CONFORMANCE"]) { code value target targetScopeType attainment status }',
    );
    expect(response.errors).toBeUndefined();
    expect(response.data?._entities[0].kpis).toEqual([
      // 0.833 is under 0.9 − 0.05: RED
      {
        code: 'ADHERENCE',
        value: expect.closeTo(0.833333, 6),
        target: 0.9,
        targetScopeType: 'GLOBAL',
        attainment: expect.closeTo(0.833333 / 0.9, 6),
        status: 'RED',
      },
      // no target for conformance: the value alone
      { code: 'CONFORMANCE', value: 1, target: null, targetScopeType: null, attainment: null, status: null },
    ]);
    // without a workforce part (wfm failed, or a queue): no value
    const bare = await entities(
      [agentRecord(factory.scopeId(), traffic(null, null, null))],
      'kpis(codes: ["ADHERENCE"]) { code value }',
    );
    expect(bare.data?._entities[0].kpis).toEqual([{ code: 'ADHERENCE', value: null }]);
  });

  it('values the voice KPIs from voc’s part', async () => {
    const record = {
      ...agentRecord(factory.scopeId(), traffic(null, null, null)),
      voice: { csat: 0.625, nps: 20, ces: 5.5, surveyResponseRate: 0.4 },
    };
    const response = await entities(
      [record],
      'kpis(codes: ["CSAT", "NPS", "CES", "SURVEY_RESPONSE_RATE"]) { code value status }',
    );
    expect(response.errors).toBeUndefined();
    expect(response.data?._entities[0].kpis).toEqual([
      { code: 'CSAT', value: 0.625, status: null },
      { code: 'NPS', value: 20, status: null },
      { code: 'CES', value: 5.5, status: null },
      { code: 'SURVEY_RESPONSE_RATE', value: 0.4, status: null },
    ]);
  });

  it('values the complaint KPIs from care’s own counts and traffic’s answered contacts (issue 19)', async () => {
    // care's complaintTotals (fetched beside traffic's part, not after it): 10 complaints received
    // over traffic's 40,000 answered contacts are 2.5 per 10,000, by care's formula
    const complaintTotals = {
      received: 10,
      complaintTimelyRate: 0.75,
      upheldRate: 0.5,
      escalatedToComplaintRate: null,
    };
    const record = { ...agentRecord(factory.scopeId(), traffic(null, null, null, 40_000)), complaintTotals };
    const noAnswers = { ...agentRecord(factory.scopeId(), traffic(null, null, null, 0)), complaintTotals };
    const noTraffic = {
      ...agentRecord(factory.scopeId(), traffic(null, null, null)),
      traffic: null,
      complaintTotals,
    };
    const response = await entities(
      [record, noAnswers, noTraffic],
      'kpis(codes: ["COMPLAINTS_PER_10K", "COMPLAINT_TIMELY_RATE", "UPHELD_RATE", "ESCALATED_TO_COMPLAINT_RATE"]) { code value status }',
    );
    expect(response.errors).toBeUndefined();
    expect(response.data?._entities[0].kpis).toEqual([
      { code: 'COMPLAINTS_PER_10K', value: 2.5, status: null },
      { code: 'COMPLAINT_TIMELY_RATE', value: 0.75, status: null },
      { code: 'UPHELD_RATE', value: 0.5, status: null },
      { code: 'ESCALATED_TO_COMPLAINT_RATE', value: null, status: null },
    ]);
    // nothing answered, or no traffic part: no rate per 10k (never a division by zero)
    for (const i of [1, 2])
      expect(response.data?._entities[i].kpis[0]).toEqual({
        code: 'COMPLAINTS_PER_10K',
        value: null,
        status: null,
      });
  });

  it('gives no status to a KPI with no value (no contacts)', async () => {
    const response = await entities([agentRecord(factory.scopeId(), traffic(null, null, null))]);
    expect(response.data?._entities[0].kpis.map((k) => [k.code, k.status])).toEqual([
      ['SERVICE_LEVEL', null],
      ['ASA', null],
      ['AHT', null],
      ['QA_SCORE', null],
    ]);
  });

  it('scores with the catalog weights or the given ones, and refuses unknown KPIs', async () => {
    const record = agentRecord(factory.scopeId(), traffic(0.9, 10, 300));
    // SL 0.9/0.9 = 1 (weight 2), ASA 20/10 = 2 capped at 1.5 (weight 1): (2 + 1.5) / 3
    const weighted = await entities(
      [record],
      'score(weights: [{ kpiCode: "SERVICE_LEVEL", weight: 2 }, { kpiCode: "ASA", weight: 1 }])',
    );
    expect(weighted.errors).toBeUndefined();
    expect(weighted.data?._entities[0].score).toBeCloseTo(3.5 / 3, 12);
    // catalog weights: SL 3 × 1, ASA 1 × 1.5, AHT 1 × (240/300 = 0.8); the others have no value
    const defaults = await entities([record], 'score');
    expect(defaults.data?._entities[0].score).toBeCloseTo((3 + 1.5 + 0.8) / 5, 12);
    const bad = await entities([record], 'score(weights: [{ kpiCode: "NOPE", weight: 1 }])');
    expect(bad.errors?.[0].message).toContain('weights[0].kpiCode');
  });

  const rankingOf = async (records: Record<string, unknown>[], args: string) => {
    const response = await entities(
      [
        {
          __typename: 'Performance',
          scopeType: 'TEAM',
          scopeId: team,
          from: FROM,
          to: TO,
          contactAgentRecords: records.map(({ __typename: _t, ...rest }) => rest),
        },
      ],
      `ranking${args ? `(${args})` : ''} { rank agentId score }`,
    );
    return {
      errors: response.errors,
      ranking: (
        response.data?._entities[0] as unknown as { ranking: { rank: number; agentId: string }[] } | undefined
      )?.ranking,
    };
  };

  it('ranks only agents who answered at least minAnswered contacts (default 1): one with no calls is not ranked first (issue 17)', async () => {
    const [busy, few, idle] = ['1', '2', '3'].map((n) => `${n}0000000-0000-4000-8000-000000000000`);
    const records = [
      agentRecord(busy, traffic(0.5, 20, 300, 40)),
      agentRecord(few, traffic(0.95, 20, 300, 3)),
      // no contacts: no traffic KPI, but QA or training alone used to give it the best score
      { ...agentRecord(idle, traffic(null, null, null)), qa: { qaScore: 100, criticalFailRate: 0 } },
    ];
    const byDefault = await rankingOf(records, '');
    expect(byDefault.errors).toBeUndefined();
    expect(byDefault.ranking?.map((r) => r.agentId)).toEqual([few, busy]);
    expect((await rankingOf(records, 'minAnswered: 5')).ranking?.map((r) => r.agentId)).toEqual([busy]);
    expect((await rankingOf(records, 'minAnswered: 0')).ranking?.map((r) => r.agentId).sort()).toEqual(
      [busy, few, idle].sort(),
    );
    const bad = await rankingOf(records, 'minAnswered: -1');
    expect(bad.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT' } });
    expect(bad.errors?.[0].message).toMatch(/^minAnswered: /);
  });

  it('ranks agents by score, ties sharing a rank and unmeasured agents last', async () => {
    const [a, b, c, d] = ['a', 'b', 'c', 'd'].map((letter) => `${letter}0000000-0000-4000-8000-000000000000`);
    const records = [
      agentRecord(a, traffic(0.72, 20, 300)), // SL 0.72 / 0.9 = 0.8
      agentRecord(b, traffic(0.9, 20, 300)), // 1
      agentRecord(c, traffic(null, null, null)), // nothing measured
      agentRecord(d, traffic(0.9, 20, 300)), // 1
    ].map(({ __typename: _t, ...rest }) => rest);
    const response = await entities(
      [
        {
          __typename: 'Performance',
          scopeType: 'TEAM',
          scopeId: team,
          from: FROM,
          to: TO,
          contactAgentRecords: records,
        },
      ],
      'ranking(weights: [{ kpiCode: "SERVICE_LEVEL", weight: 1 }], minAnswered: 0) { rank agentId score kpis { code } }',
    );
    expect(response.errors).toBeUndefined();
    const ranking = (response.data?._entities[0] as unknown as { ranking: Record<string, unknown>[] })
      .ranking;
    expect(ranking.map((r) => [r.rank, r.agentId])).toEqual([
      [1, b],
      [1, d],
      [3, a],
      [4, c],
    ]);
    expect(ranking[2].score).toBeCloseTo(0.8, 12);
    expect(ranking[3].score).toBeNull();
    expect(ranking[0].kpis).toEqual([{ code: 'SERVICE_LEVEL' }]);
  });

  it('answers a batch of 3 or 60 records with the same statements (catalog, targets)', async () => {
    const batch = (n: number) =>
      Array.from({ length: n }, () => agentRecord(factory.scopeId(), traffic(0.8, 20, 300)));
    const small = await kpi.sql.count(() => entities(batch(3)));
    const large = await kpi.sql.count(() => entities(batch(60)));
    expect(large.result.data?._entities).toHaveLength(60);
    expect(small.statements).toHaveLength(2);
    expect(large.statements).toHaveLength(2);
  });

  it('returns the record for a scope and period, and a trend per bucket; refuses bad input naming the field', async () => {
    const id = factory.scopeId();
    const one = await postGraphQL<{
      performance: { scopeType: string; scopeId: string; from: string; to: string };
    }>(
      kpi.url,
      `{ performance(scope: { type: TEAM, id: "${id}" }, from: "${FROM}", to: "${TO}") { scopeType scopeId from to } }`,
    );
    expect(one.data?.performance).toEqual({ scopeType: 'TEAM', scopeId: id, from: FROM, to: TO });
    const trend = await postGraphQL<{ performanceTrend: { from: string; to: string }[] }>(
      kpi.url,
      `{ performanceTrend(input: { scope: { type: TEAM, id: "${id}" }, granularity: WEEK, fromDay: "2026-11-01",
          toDay: "2026-12-01", timeZone: "Asia/Shanghai" }) { from to } }`,
    );
    expect(trend.data?.performanceTrend.map((b) => b.from)).toEqual([
      '2026-10-31T16:00:00.000Z', // Sunday 1 November, clipped
      '2026-11-01T16:00:00.000Z',
      '2026-11-08T16:00:00.000Z',
      '2026-11-15T16:00:00.000Z',
      '2026-11-22T16:00:00.000Z',
      '2026-11-29T16:00:00.000Z',
    ]);
    const badId = await postGraphQL(
      kpi.url,
      `{ performance(scope: { type: TEAM, id: "x" }, from: "${FROM}", to: "${TO}") { scopeId } }`,
    );
    expect(badId.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT' } });
    expect(badId.errors?.[0].message).toContain('scope.id');
    const badPeriod = await postGraphQL(
      kpi.url,
      `{ performance(scope: { type: TEAM, id: "${id}" }, from: "${TO}", to: "${FROM}") { scopeId } }`,
    );
    expect(badPeriod.errors?.[0].message).toContain('to: must be after from');
  });
});
