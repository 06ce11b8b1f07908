import { randomUUID } from 'node:crypto';
import { WRITERS } from '@switchboard/auth';
import { staticScopeSource } from '@switchboard/subgraph-kit';
import {
  accessLayout,
  callerCell,
  accessMatrix,
  cellsPerCaller,
  authorizationFor,
  everyMutationRefused,
  INJECTION_ATTEMPTS,
  postGraphQL,
  KnownReferences,
  startTestSubgraph,
  type AccessCell,
  type AccessLevel,
  type MutationCall,
  type TestSubgraph,
} from '@switchboard/testing';
import { kpiSubgraph } from '../kpi.subgraph';
import { GuardrailGatewayDouble } from '../testing/guardrail-gateway-double';
import { KpiFactory } from '../testing/kpi-factories';

const { code, no, callers, callerNamed } = accessLayout(WRITERS.kpi);
const id = {
  A: randomUUID(),
  B: randomUUID(),
  A1: randomUUID(),
  A2: randomUUID(),
  B1: randomUUID(),
  queue: randomUUID(),
  agent: randomUUID(),
};
const TWO_DAYS = 'granularity: DAY, fromDay: "2026-01-01", toDay: "2026-01-03"';
const twoRecordsOf = (scopeId: string) => [{ scopeId }, { scopeId }];
const targets: Record<string, string> = {};
let kpi: TestSubgraph;
// the guardrail's figures come through the gateway; agent id.agent is in team A1 of center A
const world = new GuardrailGatewayDouble().set(id.agent, '2026-01-01T00:00:00.000Z', {
  ancestors: [
    { type: 'TEAM', id: id.A1 },
    { type: 'CENTER', id: id.A },
  ],
  conversionRate: 0.3,
  complaintsPer10k: 8,
});

beforeAll(async () => {
  kpi = await startTestSubgraph(kpiSubgraph, {
    scopeSource: staticScopeSource({
      centers: {
        [code.A]: { id: id.A, teams: [code.A1, code.A2] },
        [code.B]: { id: id.B, teams: [code.B1] },
      },
      teams: {
        [code.A1]: { id: id.A1, employeeNos: [no.a1, no.lead] },
        [code.A2]: { id: id.A2, employeeNos: [] },
        [code.B1]: { id: id.B1, employeeNos: [] },
      },
    }),
    referenceSource: new KnownReferences()
      .add('center', id.A, id.B)
      .add('team', id.A1, id.A2, id.B1)
      .add('queue', id.queue).source,
  });
  await world.serveAsGateway();
  const factory = new KpiFactory(kpi.url);
  const scopes: [string, string, string | null][] = [
    ['GLOBAL', 'GLOBAL', null],
    ['A', 'CENTER', id.A],
    ['B', 'CENTER', id.B],
    ['A1', 'TEAM', id.A1],
    ['B1', 'TEAM', id.B1],
    ['queue', 'QUEUE', id.queue],
  ];
  for (const [key, type, scopeId] of scopes)
    targets[key] = (
      await factory.target({
        kpiCode: 'AHT',
        scope: { type, id: scopeId },
        target: 300,
        amberBand: 30,
        validFrom: '2026-01-01',
      })
    ).id;
});
afterAll(async () => {
  await world.release();
  await kpi.stop();
});

/** The targets each level reads: GLOBAL, and those of the centers and teams it sees. */
const targetsSeen: Record<AccessLevel, string[]> = {
  all: ['GLOBAL', 'A', 'B', 'A1', 'B1', 'queue'],
  center: ['GLOBAL', 'A', 'A1'],
  team: ['GLOBAL', 'A1'],
  self: ['GLOBAL'],
};
const idsOf = (list: unknown): string[] => ((list ?? []) as { id: string }[]).map((t) => t.id).sort();
const targetIds = (keys: string[]): string[] => keys.map((k) => targets[k]).sort();

const perCaller = cellsPerCaller(callers);
const everyone = (): AccessCell['expect'] => ({ allow: true });
const levels =
  (...allowed: AccessLevel[]) =>
  (level: AccessLevel): AccessCell['expect'] =>
    allowed.includes(level) ? { allow: true } : { deny: true };
const period = { from: '2026-01-01T00:00:00.000Z', to: '2026-01-02T00:00:00.000Z' };
const PERFORMANCE = `query($s: PerformanceScopeInput!, $from: DateTimeISO!, $to: DateTimeISO!) {
  performance(scope: $s, from: $from, to: $to) { scopeId } }`;
const performanceOf = (type: string, scopeId: string) => () => ({ s: { type, id: scopeId }, ...period });
const GUARDRAIL = `query($s: PerformanceScopeInput!, $from: DateTimeISO!, $to: DateTimeISO!) {
  salesGuardrail(scope: $s, from: $from, to: $to) { scopeId breach } }`;
const guardrailOf = performanceOf;

describe('kpi access: queries', () => {
  accessMatrix(
    () => kpi.url,
    [
      ...perCaller('kpiDefinitions (catalog)', '{ kpiDefinitions { code } }', undefined, everyone),
      ...perCaller('kpiDefinition (catalog)', '{ kpiDefinition(code: "AHT") { code } }', undefined, everyone),
      ...perCaller('kpiTargets', '{ kpiTargets(kpiCode: "AHT") { id } }', undefined, (level) => ({
        scoped: (data) => expect(idsOf(data.kpiTargets)).toEqual(targetIds(targetsSeen[level])),
      })),
      ...perCaller(
        "kpiTargets of center B's scope id",
        'query($s: ID) { kpiTargets(scopeId: $s) { id } }',
        () => ({ s: id.B }),
        (level) => ({
          scoped: (data) => expect(idsOf(data.kpiTargets)).toEqual(level === 'all' ? [targets.B] : []),
        }),
      ),
      ...perCaller(
        'performance of center A',
        PERFORMANCE,
        performanceOf('CENTER', id.A),
        levels('all', 'center'),
      ),
      ...perCaller(
        'performance of team A1',
        PERFORMANCE,
        performanceOf('TEAM', id.A1),
        levels('all', 'center', 'team'),
      ),
      ...perCaller('performance of center B', PERFORMANCE, performanceOf('CENTER', id.B), levels('all')),
      ...perCaller('performance of team B1', PERFORMANCE, performanceOf('TEAM', id.B1), levels('all')),
      ...perCaller('performance of a queue', PERFORMANCE, performanceOf('QUEUE', id.queue), levels('all')),
      ...perCaller(
        'performance of an agent (staff scopes its agents)',
        PERFORMANCE,
        performanceOf('AGENT', randomUUID()),
        everyone,
      ),
      ...perCaller(
        'performanceTrend of an agent (staff scopes its agents)',
        `query($s: PerformanceScopeInput!) { performanceTrend(input: { scope: $s, ${TWO_DAYS} }) { scopeId } }`,
        () => ({ s: { type: 'AGENT', id: id.agent } }),
        () => ({ scoped: (data) => expect(data.performanceTrend).toEqual(twoRecordsOf(id.agent)) }),
      ),
      ...perCaller(
        'salesGuardrail of team A1',
        GUARDRAIL,
        guardrailOf('TEAM', id.A1),
        levels('all', 'center', 'team'),
      ),
      ...perCaller('salesGuardrail of team B1', GUARDRAIL, guardrailOf('TEAM', id.B1), levels('all')),
      ...perCaller(
        'salesGuardrail of an agent of team A1 (not for the agent: the guardrail is a manager’s)',
        GUARDRAIL,
        guardrailOf('AGENT', id.agent),
        levels('all', 'center', 'team'),
      ),
      ...perCaller(
        'performanceTrend of center B',
        'query($s: PerformanceScopeInput!) { performanceTrend(input: { scope: $s, granularity: DAY, fromDay: "2026-01-01", toDay: "2026-01-03" }) { from } }',
        () => ({ s: { type: 'CENTER', id: id.B } }),
        levels('all'),
      ),
    ],
  );
});

const ENTITIES = `query($r: [_Any!]!) { _entities(representations: $r) {
  ... on KpiTarget { id }
  ... on Performance { kpis(codes: ["AHT"]) { code } score }
} }`;
const performanceRef = (scopeType: string, scopeId: string) => ({
  __typename: 'Performance',
  scopeType,
  scopeId,
  ...period,
  traffic: null,
  qa: null,
  training: null,
  ancestors: [],
});

describe('kpi access: reference resolvers (null / empty outside the scope, no error)', () => {
  accessMatrix(
    () => kpi.url,
    [
      ...perCaller(
        'KpiTarget references',
        ENTITIES,
        () => ({
          r: ['GLOBAL', 'A', 'B', 'A1', 'queue'].map((k) => ({ __typename: 'KpiTarget', id: targets[k] })),
        }),
        (level) => ({
          scoped: (data) =>
            expect(data._entities).toEqual(
              ['GLOBAL', 'A', 'B', 'A1', 'queue'].map((k) =>
                targetsSeen[level].includes(k) ? { id: targets[k] } : null,
              ),
            ),
        }),
      ),
      ...perCaller(
        'Performance references of center A and B: KPIs only where seen',
        ENTITIES,
        () => ({ r: [performanceRef('CENTER', id.A), performanceRef('CENTER', id.B)] }),
        (level) => ({
          scoped: (data) => {
            const [a, b] = data._entities as { kpis: unknown[] }[];
            expect(a.kpis).toHaveLength(level === 'all' || level === 'center' ? 1 : 0);
            expect(b.kpis).toHaveLength(level === 'all' ? 1 : 0);
          },
        }),
      ),
      ...perCaller(
        'Agent references: performanceTrend as for the query (staff scopes its agents)',
        `query($r: [_Any!]!) { _entities(representations: $r) {
          ... on Agent { performanceTrend(input: { ${TWO_DAYS} }) { scopeId } } } }`,
        () => ({ r: [{ __typename: 'Agent', id: id.agent }] }),
        () => ({
          scoped: (data) => expect(data._entities).toEqual([{ performanceTrend: twoRecordsOf(id.agent) }]),
        }),
      ),
    ],
  );
});

const SET = 'mutation($i: SetKpiTargetInput!) { setKpiTarget(input: $i) { id } }';
const REMOVE = 'mutation($id: ID!) { removeKpiTarget(id: $id) }';
/** A segment's target (issue 20): the same scope rules as every contact's. */
const setVip = (type: string, scopeId: string | null) => () => ({
  i: {
    kpiCode: 'SERVICE_LEVEL',
    scope: { type, id: scopeId },
    segment: 'VIP',
    target: 0.9,
    amberBand: 0.05,
    validFrom: '2026-02-01',
  },
});
const set = (type: string, scopeId: string | null) => () => ({
  i: { kpiCode: 'ASA', scope: { type, id: scopeId }, target: 20, amberBand: 5, validFrom: '2026-02-01' },
});

describe('kpi access: every mutation refused to every role but CENTER_MANAGER and ADMIN', () => {
  const samples = (): Record<string, MutationCall> => ({
    setKpiTarget: { query: SET, variables: set('CENTER', id.A) },
    removeKpiTarget: { query: REMOVE, variables: () => ({ id: targets.A1 }) },
  });
  everyMutationRefused(
    () => kpi.url,
    samples,
    callers.filter((c) => !c.writer),
  );
});

describe('kpi access: managers set targets of their centers and teams only', () => {
  const manager = callerNamed(`CENTER_MANAGER of ${code.A}`);
  const admin = callerNamed('ADMIN');
  const cell = callerCell;
  const allow = { allow: true } as const;
  const deny = { deny: true } as const;
  accessMatrix(
    () => kpi.url,
    [
      cell(manager, 'setKpiTarget of center A', SET, set('CENTER', id.A), allow),
      cell(manager, 'setKpiTarget of team A2', SET, set('TEAM', id.A2.toUpperCase()), allow),
      cell(manager, 'setKpiTarget of center B', SET, set('CENTER', id.B), deny),
      cell(manager, 'setKpiTarget of team B1', SET, set('TEAM', id.B1), deny),
      cell(manager, 'setKpiTarget GLOBAL', SET, set('GLOBAL', null), deny),
      cell(manager, 'setKpiTarget of a queue', SET, set('QUEUE', id.queue), deny),
      cell(admin, 'setKpiTarget GLOBAL', SET, set('GLOBAL', null), allow),
      cell(manager, "setKpiTarget of center A's VIP contacts", SET, setVip('CENTER', id.A), allow),
      cell(manager, "setKpiTarget of center B's VIP contacts", SET, setVip('CENTER', id.B), deny),
      cell(manager, "setKpiTarget of a queue's VIP contacts", SET, setVip('QUEUE', id.queue), deny),
      cell(admin, "setKpiTarget of a queue's VIP contacts", SET, setVip('QUEUE', id.queue), allow),
      cell(manager, "removeKpiTarget of center B's", REMOVE, () => ({ id: targets.B }), deny),
      cell(
        manager,
        'removeKpiTarget of an unknown id (existence not revealed)',
        REMOVE,
        () => ({ id: randomUUID() }),
        deny,
      ),
      cell(manager, "removeKpiTarget of team A1's", REMOVE, () => ({ id: targets.A1 }), allow),
    ],
  );

  it.each(INJECTION_ATTEMPTS.map((t) => [t.slice(0, 20), t] as const))(
    'injection attempts never widen what a manager reads, never a 500: %s',
    async (_label, text) => {
      const authorization = await authorizationFor(kpi.url, manager.identity);
      const listed = await postGraphQL<{ kpiTargets: { id: string }[] }>(
        kpi.url,
        'query($t: String, $s: ID) { kpiTargets(kpiCode: $t, scopeId: $s) { id } }',
        { t: text, s: text },
        authorization,
      );
      expect(listed.status).toBeLessThan(500);
      expect(listed.data?.kpiTargets ?? []).toEqual([]);
      const wide = await postGraphQL<{ kpiTargets: { id: string }[] }>(
        kpi.url,
        'query($t: String) { kpiTargets(kpiCode: $t) { id } }',
        { t: text },
        authorization,
      );
      expect(wide.data?.kpiTargets ?? []).toEqual([]);
      for (const type of ['CENTER', 'TEAM', 'QUEUE']) {
        const record = await postGraphQL(
          kpi.url,
          PERFORMANCE,
          { s: { type, id: text }, ...period },
          authorization,
        );
        expect(record.status).toBeLessThan(500);
        expect(record.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
      }
    },
  );
});
