import { randomUUID } from 'node:crypto';
import { staticScopeSource } from '@switchboard/subgraph-kit';
import {
  authorizationFor,
  KnownReferences,
  postGraphQL,
  startTestSubgraph,
  type TestSubgraph,
} from '@switchboard/testing';
import { kpiSubgraph } from '../kpi.subgraph';
import { KpiFactory } from '../testing/kpi-factories';
import { GuardrailGatewayDouble } from '../testing/guardrail-gateway-double';
import { previousPeriodStart } from './sales-guardrail.service';

/**
 * PRODUCT-RESEARCH C, acceptance test 3. Team T (center C) has agents X and Y. Month on month (April
 * → May 2026) both double their conversion, 0.15 → 0.30; X's complaints per 10k contacts go 8 → 25
 * (a rise of 17, beyond the amber band of 15), Y's stay at 8. X's guardrail is breached with both
 * reasons, Y's is not. Team T's QA critical-fail target has an amber band of 0.05 (a team target:
 * it applies to its agents too); the team's critical fails rise 0.02 → 0.10, a breach of their own.
 */
const ids = {
  center: randomUUID(),
  team: randomUUID(),
  otherTeam: randomUUID(),
  x: randomUUID(),
  y: randomUUID(),
};
const ancestors = [
  { type: 'TEAM', id: ids.team },
  { type: 'CENTER', id: ids.center },
];
const APRIL = '2026-04-01T00:00:00.000Z';
const MAY = '2026-05-01T00:00:00.000Z';
const JUNE = '2026-06-01T00:00:00.000Z';
const GUARDRAIL = `query($s: PerformanceScopeInput!, $from: DateTimeISO!, $to: DateTimeISO!) {
  salesGuardrail(scope: $s, from: $from, to: $to) {
    scopeType scopeId breach reasons conversionChange conversionRiseThreshold complaintsPer10kChange criticalFailRateChange
    current { from to conversionRate answered complaintsPer10k criticalFailRate evaluations }
    previous { from to conversionRate complaintsPer10k criticalFailRate }
    complaintsBand { kpiCode amberBand fromTarget } criticalFailBand { kpiCode amberBand fromTarget } } }`;

describe('salesGuardrail (issue 20)', () => {
  let kpi: TestSubgraph;
  const world = new GuardrailGatewayDouble();
  const ask = (
    scope: { type: string; id: string },
    from = MAY,
    to = JUNE,
    headers: Record<string, string> = {},
  ) =>
    postGraphQL<{ salesGuardrail: Record<string, unknown> }>(
      kpi.url,
      GUARDRAIL,
      { s: scope, from, to },
      headers,
    );

  beforeAll(async () => {
    kpi = await startTestSubgraph(kpiSubgraph, {
      scopeSource: staticScopeSource({
        centers: { C: { id: ids.center, teams: ['T'] } },
        teams: { T: { id: ids.team, employeeNos: ['X', 'Y'] }, O: { id: ids.otherTeam, employeeNos: [] } },
      }),
      referenceSource: new KnownReferences().add('team', ids.team).source,
    });
    await new KpiFactory(kpi.url).target({
      kpiCode: 'CRITICAL_FAIL_RATE',
      scope: { type: 'TEAM', id: ids.team },
      target: 0.02,
      amberBand: 0.05,
      validFrom: '2026-01-01',
    });
    world
      .set(ids.x, APRIL, { ancestors, conversionRate: 0.15, complaintsPer10k: 8, criticalFailRate: 0.02 })
      .set(ids.x, MAY, {
        ancestors,
        conversionRate: 0.3,
        answered: 1200,
        complaintsPer10k: 25,
        criticalFailRate: 0.02,
        evaluations: 6,
      })
      .set(ids.y, APRIL, { ancestors, conversionRate: 0.15, complaintsPer10k: 8, criticalFailRate: 0.02 })
      .set(ids.y, MAY, { ancestors, conversionRate: 0.3, complaintsPer10k: 8, criticalFailRate: 0.04 })
      .set(ids.team, APRIL, {
        ancestors: [{ type: 'CENTER', id: ids.center }],
        conversionRate: 0.15,
        complaintsPer10k: 8,
        criticalFailRate: 0.02,
      })
      .set(ids.team, MAY, {
        ancestors: [{ type: 'CENTER', id: ids.center }],
        conversionRate: 0.3,
        complaintsPer10k: 16.5,
        criticalFailRate: 0.1,
      });
    await world.serveAsGateway();
  });
  afterAll(async () => {
    await world.release();
    await kpi.stop();
  });

  it('fires for the agent whose sales rose with complaints, with both reasons and every input', async () => {
    const before = world.requests.length;
    const answer = await ask({ type: 'AGENT', id: ids.x });
    expect(answer.errors).toBeUndefined();
    expect(answer.data?.salesGuardrail).toEqual({
      scopeType: 'AGENT',
      scopeId: ids.x,
      breach: true,
      reasons: ['CONVERSION_ROSE', 'COMPLAINTS_ROSE'],
      conversionChange: 1,
      conversionRiseThreshold: 0.2,
      complaintsPer10kChange: 17,
      criticalFailRateChange: 0,
      current: {
        from: MAY,
        to: JUNE,
        conversionRate: 0.3,
        answered: 1200,
        complaintsPer10k: 25,
        criticalFailRate: 0.02,
        evaluations: 6,
      },
      previous: { from: APRIL, to: MAY, conversionRate: 0.15, complaintsPer10k: 8, criticalFailRate: 0.02 },
      complaintsBand: { kpiCode: 'COMPLAINTS_PER_10K', amberBand: 15, fromTarget: false },
      criticalFailBand: { kpiCode: 'CRITICAL_FAIL_RATE', amberBand: 0.05, fromTarget: true },
    });
    // both periods in one request through the gateway
    expect(world.requests.length - before).toBe(1);
    expect(world.requests.at(-1)?.variables).toMatchObject({ from: MAY, to: JUNE, previousFrom: APRIL });
  });

  it('does not fire for the agent whose complaints stayed flat', async () => {
    const answer = await ask({ type: 'AGENT', id: ids.y });
    expect(answer.data?.salesGuardrail).toMatchObject({
      breach: false,
      reasons: ['CONVERSION_ROSE'],
      complaintsPer10kChange: 0,
    });
  });

  it('fires for a team whose QA critical fails rose beyond their band while complaints stayed in theirs', async () => {
    const answer = await ask({ type: 'TEAM', id: ids.team });
    expect(answer.data?.salesGuardrail).toMatchObject({
      breach: true,
      reasons: ['CONVERSION_ROSE', 'CRITICAL_FAILS_ROSE'],
      complaintsPer10kChange: 8.5,
    });
    expect((answer.data?.salesGuardrail.criticalFailRateChange as number).toFixed(2)).toBe('0.08');
  });

  it('reads the targets in one statement', async () => {
    const counted = await kpi.sql.count(() => ask({ type: 'AGENT', id: ids.x }));
    expect(counted.result.errors).toBeUndefined();
    expect(counted.statements).toHaveLength(1);
  });

  it('compares a whole-month period with the months before, any other with the same length before', () => {
    expect(previousPeriodStart(new Date(MAY), new Date(JUNE)).toISOString()).toBe(APRIL);
    expect(previousPeriodStart(new Date('2026-03-01T00:00:00Z'), new Date(JUNE)).toISOString()).toBe(
      '2025-12-01T00:00:00.000Z',
    );
    expect(
      previousPeriodStart(new Date('2026-05-04T00:00:00Z'), new Date('2026-05-11T00:00:00Z')).toISOString(),
    ).toBe('2026-04-27T00:00:00.000Z');
  });

  it('refuses bad input naming the field, without asking the gateway', async () => {
    const before = world.requests.length;
    const cases: [{ type: string; id: string }, string, string, string][] = [
      [{ type: 'CENTER', id: ids.center }, MAY, JUNE, 'scope.type'],
      [{ type: 'QUEUE', id: ids.center }, MAY, JUNE, 'scope.type'],
      [{ type: 'AGENT', id: 'x; drop table kpi_target' }, MAY, JUNE, 'scope.id'],
      [{ type: 'AGENT', id: ids.x }, JUNE, MAY, 'to'],
      [{ type: 'AGENT', id: ids.x }, '2026-05-01T00:07:00Z', JUNE, 'from'],
    ];
    for (const [scope, from, to, field] of cases) {
      const answer = await ask(scope, from, to);
      expect(answer.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
      expect(answer.errors?.[0].message).toContain(field);
    }
    expect(world.requests.length).toBe(before);
  });

  it('is for those who see the agent’s team or center: another team’s lead and the agent are refused', async () => {
    const lead = (teams: string[]) =>
      authorizationFor(kpi.url, {
        subject: 'lead',
        roles: ['TEAM_LEAD'],
        centers: [],
        teams,
        employeeNo: 'L',
      });
    const own = await ask({ type: 'AGENT', id: ids.x }, MAY, JUNE, await lead(['T']));
    expect(own.data?.salesGuardrail).toMatchObject({ breach: true });
    const other = await ask({ type: 'AGENT', id: ids.x }, MAY, JUNE, await lead(['O']));
    expect(other.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect(other.data).toBeNull();
    const otherTeam = await ask({ type: 'TEAM', id: ids.team }, MAY, JUNE, await lead(['O']));
    expect(otherTeam.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const agent = await authorizationFor(kpi.url, {
      subject: 'x',
      roles: ['AGENT'],
      centers: [],
      teams: [],
      employeeNo: 'X',
    });
    const before = world.requests.length;
    const self = await ask({ type: 'AGENT', id: ids.x }, MAY, JUNE, agent);
    expect(self.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect(world.requests.length).toBe(before);
  });
});
