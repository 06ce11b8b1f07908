import { outsideScope } from '@switchboard/auth';
import { GUARDRAIL_CONVERSION_RISE, salesGuardrail } from '@switchboard/metrics';
import { badUserInput } from '@switchboard/server';
import { queryGateway, type SubgraphContext } from '@switchboard/subgraph-kit';
import { requirePerformanceScope } from '../access/kpi-access';
import type { PerformanceScopeType } from '../model/enums';
import { checkPeriod, isUuid, periodDay } from '../common/periods';
import { targetKey, targetsInForce } from '../target/targets-in-force.loader';
import { targetScopes } from '../performance/performance.service';
import {
  SalesGuardrailReason,
  type SalesGuardrailBandType,
  type SalesGuardrailPeriodType,
  type SalesGuardrailType,
} from './sales-guardrail.type';

/** The KPIs whose amber bands bound the guardrail's rises, and the bands used without a target. */
export const GUARDRAIL_BANDS = {
  complaints: { kpiCode: 'COMPLAINTS_PER_10K', defaultBand: 15 },
  criticalFails: { kpiCode: 'CRITICAL_FAIL_RATE', defaultBand: 0.05 },
} as const;

/**
 * Both periods' figures in one request through the gateway: traffic's conversion, qa's critical
 * fails, care's complaints per 10k and staff's enclosing scopes, as the service's identity reads
 * them (the caller's scope is checked here first, and for an agent against its team and center).
 */
export const GUARDRAIL_INPUTS = `query SalesGuardrailInputs($scope: PerformanceScopeInput!, $from: DateTimeISO!, $to: DateTimeISO!, $previousFrom: DateTimeISO!) {
  current: performance(scope: $scope, from: $from, to: $to) { ...guardrailFigures }
  previous: performance(scope: $scope, from: $previousFrom, to: $from) { ...guardrailFigures }
}
fragment guardrailFigures on Performance {
  ancestors { type id }
  traffic { conversionRate answered }
  qa { criticalFailRate evaluations }
  complaints { complaintsPer10k }
}`;

interface Figures {
  ancestors: { type: PerformanceScopeType; id: string }[];
  traffic: { conversionRate: number | null; answered: number } | null;
  qa: { criticalFailRate: number | null; evaluations: number } | null;
  complaints: { complaintsPer10k: number | null } | null;
}

const isMonthStart = (d: Date): boolean =>
  d.getUTCDate() === 1 && d.getUTCHours() === 0 && d.getUTCMinutes() === 0 && d.getUTCSeconds() === 0;

/** The period before [from, to): the same calendar months before a whole-month period, else the same length. */
export function previousPeriodStart(from: Date, to: Date): Date {
  if (isMonthStart(from) && isMonthStart(to)) {
    const months =
      (to.getUTCFullYear() - from.getUTCFullYear()) * 12 + (to.getUTCMonth() - from.getUTCMonth());
    return new Date(Date.UTC(from.getUTCFullYear(), from.getUTCMonth() - months, 1));
  }
  return new Date(from.getTime() - (to.getTime() - from.getTime()));
}

const periodOf = (from: Date, to: Date, f: Figures | null): SalesGuardrailPeriodType => ({
  from,
  to,
  conversionRate: f?.traffic?.conversionRate ?? null,
  answered: f?.traffic?.answered ?? null,
  complaintsPer10k: f?.complaints?.complaintsPer10k ?? null,
  criticalFailRate: f?.qa?.criticalFailRate ?? null,
  evaluations: f?.qa?.evaluations ?? null,
});

/** Refuses an agent's guardrail to a caller who sees neither the agent's team nor its center. */
async function requireAgentScope(ctx: SubgraphContext, ancestors: Figures['ancestors']): Promise<void> {
  const scope = await ctx.scope();
  const seen = ancestors.some((a) =>
    a.type === 'TEAM'
      ? scope.seesTeam(a.id.toLowerCase())
      : a.type === 'CENTER' && scope.seesCenter(a.id.toLowerCase()),
  );
  if (!scope.all && !seen) throw outsideScope('salesGuardrail');
}

export async function salesGuardrailOf(
  ctx: SubgraphContext,
  scopeType: PerformanceScopeType,
  scopeId: string,
  from: Date,
  to: Date,
): Promise<SalesGuardrailType> {
  if (scopeType !== 'AGENT' && scopeType !== 'TEAM')
    throw badUserInput({ field: 'scope.type', message: 'the guardrail is for an AGENT or a TEAM' });
  if (!isUuid(scopeId)) throw badUserInput({ field: 'scope.id', message: `"${scopeId}" is not an id` });
  checkPeriod(from, to);
  await requirePerformanceScope(ctx, scopeType, scopeId, 'salesGuardrail');
  const scope = await ctx.scope();
  // a caller who sees no team or center (an agent) can see no agent's guardrail: refused unasked
  if (scopeType === 'AGENT' && !scope.all && !scope.teamIds?.length && !scope.centerIds?.length)
    throw outsideScope('salesGuardrail');
  const previousFrom = previousPeriodStart(from, to);
  const data = await queryGateway<{ current: Figures | null; previous: Figures | null }>(
    GUARDRAIL_INPUTS,
    {
      scope: { type: scopeType, id: scopeId },
      from: from.toISOString(),
      to: to.toISOString(),
      previousFrom: previousFrom.toISOString(),
    },
    { purpose: 'sales guardrail' },
  );
  const ancestors = data.current?.ancestors ?? [];
  if (scopeType === 'AGENT') await requireAgentScope(ctx, ancestors);
  const current = periodOf(from, to, data.current);
  const previous = periodOf(previousFrom, from, data.previous);
  const [complaintsBand, criticalFailBand] = await bandsOf(ctx, scopeType, scopeId, to, ancestors);
  const verdict = salesGuardrail(current, previous, {
    complaintsPer10k: complaintsBand.amberBand,
    criticalFailRate: criticalFailBand.amberBand,
  });
  return {
    scopeType,
    scopeId,
    breach: verdict.breach,
    reasons: verdict.reasons.map((r) => SalesGuardrailReason[r]),
    current,
    previous,
    conversionChange: verdict.conversionChange,
    conversionRiseThreshold: GUARDRAIL_CONVERSION_RISE,
    complaintsPer10kChange: verdict.complaintsPer10kChange,
    criticalFailRateChange: verdict.criticalFailRateChange,
    complaintsBand,
    criticalFailBand,
  };
}

/** The amber bands of the targets in force on the period's last day, most specific scope first. */
async function bandsOf(
  ctx: SubgraphContext,
  scopeType: PerformanceScopeType,
  scopeId: string,
  to: Date,
  ancestors: Figures['ancestors'],
): Promise<[SalesGuardrailBandType, SalesGuardrailBandType]> {
  const day = periodDay(to);
  const scopes = targetScopes({ scopeType, scopeId, ancestors });
  const lists = await Promise.all(scopes.map((s) => targetsInForce(ctx).load(targetKey(day, s.type, s.id))));
  const band = ({
    kpiCode,
    defaultBand,
  }: {
    kpiCode: string;
    defaultBand: number;
  }): SalesGuardrailBandType => {
    const target = lists.map((list) => list.find((t) => t.kpiCode === kpiCode)).find(Boolean);
    return { kpiCode, amberBand: target?.amberBand ?? defaultBand, fromTarget: target !== undefined };
  };
  return [band(GUARDRAIL_BANDS.complaints), band(GUARDRAIL_BANDS.criticalFails)];
}
