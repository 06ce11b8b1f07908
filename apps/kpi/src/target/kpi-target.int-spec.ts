import { randomUUID } from 'node:crypto';
import { postGraphQL, startTestSubgraph, type TestSubgraph } from '@switchboard/testing';
import { kpiSubgraph } from '../kpi.subgraph';
import { KpiFactory, knownScopes } from '../testing/kpi-factories';

interface TargetRow {
  id: string;
  target: number;
  validFrom: string;
  validTo: string | null;
}

describe('KPI catalog and targets', () => {
  let kpi: TestSubgraph;
  let factory: KpiFactory;

  beforeAll(async () => {
    kpi = await startTestSubgraph(kpiSubgraph, { referenceSource: knownScopes.source });
    factory = new KpiFactory(kpi.url);
  });
  afterAll(() => kpi.stop());

  const gql = <T>(query: string, variables?: Record<string, unknown>) =>
    postGraphQL<T>(kpi.url, query, variables);
  const set = (input: Record<string, unknown>) =>
    gql<{ setKpiTarget: TargetRow }>(
      'mutation($i: SetKpiTargetInput!) { setKpiTarget(input: $i) { id target validFrom validTo } }',
      { i: input },
    );
  const targetsOf = async (scopeId: string, kpiCode = 'AHT') =>
    (
      await gql<{ kpiTargets: TargetRow[] }>(
        'query($k: String, $s: ID) { kpiTargets(kpiCode: $k, scopeId: $s) { id target validFrom validTo } }',
        { k: kpiCode, s: scopeId },
      )
    ).data?.kpiTargets ?? [];

  it('ships the standard catalog with the migrations', async () => {
    const response = await gql<{
      kpiDefinitions: { code: string; sourceSubgraph: string; direction: string }[];
    }>('{ kpiDefinitions { code sourceSubgraph direction } }');
    expect(response.data?.kpiDefinitions.map((d) => d.code)).toEqual([
      'SERVICE_LEVEL',
      'ASA',
      'AHT',
      'ABANDON_RATE',
      'FCR',
      'TRANSFER_RATE',
      'OCCUPANCY',
      'QA_SCORE',
      'CRITICAL_FAIL_RATE',
      'TRAINING_COMPLETION',
      'FIRST_ATTEMPT_PASS_RATE',
      'CERTIFICATION_COVERAGE',
      'ADHERENCE',
      'CONFORMANCE',
      'CSAT',
      'NPS',
      'CES',
      'SURVEY_RESPONSE_RATE',
      'PROMISE_KEPT_RATE',
      'OVERDUE_COMMITMENTS',
      'ESCALATION_RATE',
      'CASE_REPEAT_RATE',
      'HANDOFF_RATE',
      'COMPLAINTS_PER_10K',
      'COMPLAINT_TIMELY_RATE',
      'UPHELD_RATE',
      'ESCALATED_TO_COMPLAINT_RATE',
      'CONVERSION_RATE',
      'OFFER_RATE',
      'RETENTION_SAVE_RATE',
      'DISPOSITION_COMPLIANCE',
      'SALES_PER_HOUR',
      'REVENUE_PER_CONTACT',
      'COST_PER_CONTACT',
      'CENTER_CONTRIBUTION',
    ]);
    expect(response.data?.kpiDefinitions.find((d) => d.code === 'ASA')).toEqual({
      code: 'ASA',
      sourceSubgraph: 'traffic',
      direction: 'LOWER_IS_BETTER',
    });
  });

  it('names every shipped KPI in Chinese too (issue 25: catalog data in Chinese)', async () => {
    const response = await gql<{ kpiDefinitions: { code: string; name: string; nameZh: string | null }[] }>(
      '{ kpiDefinitions { code name nameZh } }',
    );
    const definitions = response.data?.kpiDefinitions ?? [];
    expect(definitions.length).toBeGreaterThan(0);
    expect(
      definitions.filter((d) => !d.nameZh || !/\p{Script=Han}/u.test(d.nameZh)).map((d) => d.code),
    ).toEqual([]);
    expect(definitions.find((d) => d.code === 'SERVICE_LEVEL')).toEqual({
      code: 'SERVICE_LEVEL',
      name: 'Service level',
      nameZh: '服务水平',
    });
  });

  it('reads the sales and cost KPIs from Performance.traffic, per hour and in money (issue 20)', async () => {
    const response = await gql<{
      kpiDefinitions: { code: string; sourceField: string; unit: string; direction: string }[];
    }>('{ kpiDefinitions { code sourceField unit direction } }');
    const codes = ['SALES_PER_HOUR', 'REVENUE_PER_CONTACT', 'COST_PER_CONTACT', 'CENTER_CONTRIBUTION'];
    expect(
      response.data?.kpiDefinitions
        .filter((d) => codes.includes(d.code))
        .map((d) => [d.code, d.sourceField, d.unit, d.direction]),
    ).toEqual([
      ['SALES_PER_HOUR', 'salesPerHour', 'PER_HOUR', 'HIGHER_IS_BETTER'],
      ['REVENUE_PER_CONTACT', 'revenuePerContact', 'MONEY', 'HIGHER_IS_BETTER'],
      ['COST_PER_CONTACT', 'costPerContact', 'MONEY', 'LOWER_IS_BETTER'],
      ['CENTER_CONTRIBUTION', 'contribution', 'MONEY', 'HIGHER_IS_BETTER'],
    ]);
    const scope = { type: 'GLOBAL' };
    // a contribution target may be negative (a center running at a loss); a sales rate may not
    const loss = await set({
      kpiCode: 'CENTER_CONTRIBUTION',
      scope,
      target: -500,
      amberBand: 100,
      validFrom: '2026-01-01',
    });
    expect(loss.errors).toBeUndefined();
    const negative = await set({
      kpiCode: 'SALES_PER_HOUR',
      scope,
      target: -1,
      amberBand: 0.1,
      validFrom: '2026-01-01',
    });
    expect(negative.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(negative.errors?.[0]?.message).toMatch(/target/);
  });

  it('reads the care KPIs from Performance.customer; overdue commitments are a count (issue 18)', async () => {
    const response = await gql<{
      kpiDefinitions: { code: string; sourceSubgraph: string; sourceField: string; unit: string }[];
    }>('{ kpiDefinitions { code sourceSubgraph sourceField unit } }');
    const care = response.data?.kpiDefinitions.filter((d) => d.sourceSubgraph === 'customer');
    expect(care?.map((d) => [d.code, d.sourceField, d.unit])).toEqual([
      ['PROMISE_KEPT_RATE', 'promiseKeptRate', 'RATIO'],
      ['OVERDUE_COMMITMENTS', 'overdueCommitments', 'COUNT'],
      ['ESCALATION_RATE', 'escalationRate', 'RATIO'],
      ['CASE_REPEAT_RATE', 'caseRepeatRate', 'RATIO'],
      ['HANDOFF_RATE', 'handoffRate', 'RATIO'],
    ]);
    const scope = { type: 'GLOBAL' };
    expect(
      (await set({ kpiCode: 'OVERDUE_COMMITMENTS', scope, target: 2, amberBand: 3, validFrom: '2026-01-01' }))
        .errors,
    ).toBeUndefined();
    const negative = await set({
      kpiCode: 'OVERDUE_COMMITMENTS',
      scope,
      target: -1,
      amberBand: 1,
      validFrom: '2027-01-01',
    });
    expect(negative.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(negative.errors?.[0]?.message).toMatch(/target/);
  });

  it('cuts back, splits and replaces overlapping targets of the same KPI and scope', async () => {
    const team = factory.scopeId();
    const scope = { type: 'TEAM', id: team };
    expect(
      (await set({ kpiCode: 'AHT', scope, target: 300, amberBand: 30, validFrom: '2026-01-01' })).errors,
    ).toBeUndefined();
    // a new target from March cuts the first back to March
    await set({ kpiCode: 'AHT', scope, target: 280, amberBand: 30, validFrom: '2026-03-01' });
    // a June-only target splits the March one around it
    await set({
      kpiCode: 'AHT',
      scope,
      target: 260,
      amberBand: 30,
      validFrom: '2026-06-01',
      validTo: '2026-07-01',
    });
    expect(
      (await targetsOf(team)).map(({ target, validFrom, validTo }) => [target, validFrom, validTo]),
    ).toEqual([
      [300, '2026-01-01', '2026-03-01'],
      [280, '2026-03-01', '2026-06-01'],
      [260, '2026-06-01', '2026-07-01'],
      [280, '2026-07-01', null],
    ]);
    // setting again from March replaces everything from March on
    await set({ kpiCode: 'AHT', scope, target: 290, amberBand: 20, validFrom: '2026-03-01' });
    expect(
      (await targetsOf(team)).map(({ target, validFrom, validTo }) => [target, validFrom, validTo]),
    ).toEqual([
      [300, '2026-01-01', '2026-03-01'],
      [290, '2026-03-01', null],
    ]);
    const inForce = await gql<{ kpiTargets: TargetRow[] }>(
      'query($s: ID) { kpiTargets(scopeId: $s, asOf: "2026-02-10") { target } }',
      { s: team },
    );
    expect(inForce.data?.kpiTargets).toEqual([{ target: 300 }]);
  });

  it('keeps targets of one KPI and scope from overlapping when they are set at the same moment', async () => {
    const team = factory.scopeId();
    const scope = { type: 'TEAM', id: team };
    const starts = ['2026-01-01', '2026-02-01', '2026-03-01', '2026-04-01', '2026-05-01', '2026-06-01'];
    const answers = await Promise.all(
      starts.map((validFrom, i) => set({ kpiCode: 'AHT', scope, target: 300 - i, amberBand: 30, validFrom })),
    );
    expect(answers.map((a) => a.errors)).toEqual(starts.map(() => undefined));
    const targets = await targetsOf(team);
    // whatever order they ran in, every day from the first start is covered by exactly one target
    expect(targets[0].validFrom).toBe('2026-01-01');
    for (let i = 1; i < targets.length; i += 1) expect(targets[i].validFrom).toBe(targets[i - 1].validTo);
    expect(targets[targets.length - 1].validTo).toBeNull();
  });

  it('refuses bad targets naming the field, and writes nothing', async () => {
    const team = factory.scopeId();
    const cases: [Record<string, unknown>, string][] = [
      [{ kpiCode: 'NOPE', scope: { type: 'GLOBAL' }, target: 1, amberBand: 0 }, 'input.kpiCode'],
      [{ kpiCode: 'AHT', scope: { type: 'TEAM' }, target: 300, amberBand: 0 }, 'input.scope.id'],
      [{ kpiCode: 'AHT', scope: { type: 'TEAM', id: 'x' }, target: 300, amberBand: 0 }, 'input.scope.id'],
      [{ kpiCode: 'AHT', scope: { type: 'GLOBAL', id: team }, target: 300, amberBand: 0 }, 'input.scope.id'],
      [
        { kpiCode: 'SERVICE_LEVEL', scope: { type: 'TEAM', id: team }, target: 80, amberBand: 0 },
        'input.target',
      ],
      [{ kpiCode: 'AHT', scope: { type: 'TEAM', id: team }, target: -1, amberBand: 0 }, 'input.target'],
      [{ kpiCode: 'AHT', scope: { type: 'TEAM', id: team }, target: 300, amberBand: -5 }, 'input.amberBand'],
      // found by the bad-input property: a band of 1e308 was stored
      [
        { kpiCode: 'AHT', scope: { type: 'TEAM', id: team }, target: 300, amberBand: 1e308 },
        'input.amberBand',
      ],
      [
        { kpiCode: 'SERVICE_LEVEL', scope: { type: 'TEAM', id: team }, target: 0.8, amberBand: 2 },
        'input.amberBand',
      ],
      [
        {
          kpiCode: 'AHT',
          scope: { type: 'TEAM', id: team },
          target: 300,
          amberBand: 5,
          validFrom: '2026-05-01',
          validTo: '2026-04-01',
        },
        'input.validTo',
      ],
    ];
    for (const [input, field] of cases) {
      const response = await set(input);
      expect(response.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
      expect(response.errors?.[0].message).toContain(field);
    }
    expect(await targetsOf(team)).toEqual([]);
  });

  it('refuses a target of a center, team or queue staff and traffic do not hold, and writes nothing (issue 17)', async () => {
    for (const type of ['CENTER', 'TEAM', 'QUEUE']) {
      const unknown = randomUUID();
      const asked = knownScopes.asked.length;
      const response = await set({
        kpiCode: 'AHT',
        scope: { type, id: unknown },
        target: 300,
        amberBand: 30,
      });
      expect(response.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
      expect(response.errors?.[0].message).toBe(`scope.id: no ${type.toLowerCase()} "${unknown}"`);
      expect(knownScopes.asked.slice(asked)).toEqual([{ [type.toLowerCase()]: [unknown] }]);
      expect(await targetsOf(unknown)).toEqual([]);
    }
    // a known one of each kind is written; GLOBAL names nothing to look up
    const known = factory.scopeId();
    for (const type of ['CENTER', 'TEAM', 'QUEUE'])
      expect(
        (await set({ kpiCode: 'ASA', scope: { type, id: known }, target: 20, amberBand: 5 })).errors,
      ).toBeUndefined();
    const asked = knownScopes.asked.length;
    expect(
      (await set({ kpiCode: 'ASA', scope: { type: 'GLOBAL' }, target: 20, amberBand: 5 })).errors,
    ).toBeUndefined();
    expect(knownScopes.asked.length).toBe(asked);
  });

  it('removes a target; an unknown one is NOT_FOUND', async () => {
    const team = factory.scopeId();
    const { id } = await factory.target({
      kpiCode: 'ASA',
      scope: { type: 'TEAM', id: team },
      target: 20,
      amberBand: 5,
    });
    expect((await gql(`mutation { removeKpiTarget(id: "${id}") }`)).data).toEqual({ removeKpiTarget: true });
    const again = await gql(`mutation { removeKpiTarget(id: "${id}") }`);
    expect(again.errors?.[0].extensions?.code).toBe('NOT_FOUND');
  });

  it('resolves KpiDefinition by code and KpiTarget by id in batches', async () => {
    const { id } = await factory.target({
      kpiCode: 'FCR',
      scope: { type: 'CENTER', id: factory.scopeId() },
      target: 0.7,
      amberBand: 0.05,
    });
    const { result, statements } = await kpi.sql.count(() =>
      gql<{ _entities: unknown[] }>(
        `query($r: [_Any!]!) { _entities(representations: $r) {
           ... on KpiDefinition { code unit } ... on KpiTarget { id target kpi { code } } } }`,
        {
          r: [
            { __typename: 'KpiDefinition', code: 'ASA' },
            { __typename: 'KpiDefinition', code: 'AHT' },
            { __typename: 'KpiDefinition', code: 'NOPE' },
            { __typename: 'KpiTarget', id },
            { __typename: 'KpiTarget', id: 'not-an-id' },
          ],
        },
      ),
    );
    expect(result.errors).toBeUndefined();
    expect(result.data?._entities).toEqual([
      { code: 'ASA', unit: 'SECONDS' },
      { code: 'AHT', unit: 'SECONDS' },
      null,
      { id, target: 0.7, kpi: { code: 'FCR' } },
      null,
    ]);
    expect(statements).toHaveLength(2); // one per key kind
  });
});
