import {
  contactMetrics,
  contribution,
  costPerContact,
  fcrRate,
  occupancy,
  outcomeMetrics,
  salesPerHour,
  toCents,
  utilization,
  type AgentStateTotals,
  type ServiceLevelVariant,
} from '@switchboard/metrics';
import type { SubgraphContext } from '@switchboard/subgraph-kit';
import { PerformanceScopeType } from '@switchboard/subgraph-kit';
import type DataLoader from 'dataloader';
import { agentStateIntervals, type AgentIntervalTotals } from '../agent-state/agent-state-summary';
import { isUuid } from '../common/intervals';
import { outcomeTotalsOf, totalsOf } from '../stats/traffic-stats.service';
import { SUM_COLUMNS, type StatsSqlRow } from '../stats/traffic-stats.query';
import { partFcrCache, type FcrCounts } from './part-fcr-cache';
import {
  partKey,
  performanceTrafficRows,
  type PerformanceTrafficRow,
  type ScopePart,
} from './performance-traffic.query';
import { PerformanceTrafficType, type TrafficPerformanceType } from './performance.type';

const EMPTY = {
  ...Object.fromEntries(SUM_COLUMNS.map((c) => [c, 0])),
  voice_offered: 0,
  max_wait_seconds: null,
} as unknown as StatsSqlRow;

export const performanceKey = (p: TrafficPerformanceType): string =>
  `${p.scopeType}|${p.scopeId}|${p.from.toISOString()}|${p.to.toISOString()}`;

const employeeNosOf = (p: TrafficPerformanceType): string[] => (p.agents ?? []).map((a) => a.employeeNo);

/** What a record's contacts are: a center's or a queue's queues, or the contacts its agents handled. */
function partsOf(p: TrafficPerformanceType): ScopePart[] {
  const base = { key: performanceKey(p), from: p.from, to: p.to };
  switch (p.scopeType) {
    case PerformanceScopeType.CENTER:
      return isUuid(p.scopeId) ? [{ ...base, match: 'center', ref: p.scopeId.toLowerCase() }] : [];
    case PerformanceScopeType.QUEUE:
      return isUuid(p.scopeId) ? [{ ...base, match: 'queue', ref: p.scopeId.toLowerCase() }] : [];
    case PerformanceScopeType.TEAM:
    case PerformanceScopeType.AGENT:
      return employeeNosOf(p).map((employeeNo) => ({ ...base, match: 'agent', ref: employeeNo }));
  }
}

/**
 * Summed agent-state seconds of each record's agents (null without agents): one agent-state statement
 * for the whole batch, whatever its periods, over the intervals between the periods' bounds.
 */
async function stateTotals(
  ctx: SubgraphContext,
  records: readonly TrafficPerformanceType[],
): Promise<(AgentStateTotals | null)[]> {
  const agents = [...new Set(records.flatMap((p) => employeeNosOf(p)))];
  const bounds = [...new Set(records.flatMap((p) => [p.from.getTime(), p.to.getTime()]))].sort(
    (a, b) => a - b,
  );
  const rows = await agentStateIntervals(
    ctx,
    agents,
    bounds.map((t) => new Date(t)),
  );
  const index = new Map(bounds.map((t, i) => [t, i]));
  const byAgent = new Map<string, AgentIntervalTotals[]>();
  for (const row of rows) {
    const list = byAgent.get(row.agent);
    if (list) list.push(row);
    else byAgent.set(row.agent, [row]);
  }
  return records.map((p) => {
    const employeeNos = employeeNosOf(p);
    if (employeeNos.length === 0) return null;
    const first = index.get(p.from.getTime()) as number;
    const last = index.get(p.to.getTime()) as number;
    const totals = {
      onContactSeconds: 0,
      acwSeconds: 0,
      availableSeconds: 0,
      notReadySeconds: 0,
      loggedInSeconds: 0,
    };
    for (const employeeNo of new Set(employeeNos))
      for (const row of byAgent.get(employeeNo) ?? []) {
        if (row.interval < first || row.interval >= last) continue;
        totals.onContactSeconds += row.onContactSeconds;
        totals.acwSeconds += row.acwSeconds;
        totals.availableSeconds += row.availableSeconds;
        totals.notReadySeconds += row.notReadySeconds;
        totals.loggedInSeconds += row.loggedInSeconds;
      }
    return totals;
  });
}

/** A record's first-contact-resolution counts: the sum of its parts' (each contact is in one part). */
function fcrOf(parts: readonly ScopePart[], counts: Map<string, FcrCounts>): FcrCounts {
  const total = { resolved: 0, eligible: 0 };
  for (const part of parts) {
    const own = counts.get(partKey(part));
    total.resolved += own?.resolved ?? 0;
    total.eligible += own?.eligible ?? 0;
  }
  return total;
}

/** Handling cost, cost per contact and contribution of a record's row (none while a contact is unpriced). */
function costsOf(
  row: PerformanceTrafficRow | undefined,
  revenue: string,
  handled: number,
): Pick<
  PerformanceTrafficType,
  'revenue' | 'handlingCost' | 'uncostedContacts' | 'costPerContact' | 'contribution'
> {
  const uncostedContacts = row?.uncosted ?? 0;
  const exact = uncostedContacts > 0 ? null : (row?.handling_cost ?? '0');
  const handlingCost = exact === null ? null : toCents(exact);
  const net = contribution(revenue, exact);
  return {
    revenue,
    handlingCost,
    uncostedContacts,
    costPerContact: exact === null ? null : costPerContact(exact, handled),
    contribution: net === null ? null : Number(net),
  };
}

/**
 * Per-request loader of Performance.traffic: a batch of records (a center's teams, a team's agents)
 * costs one statement for the contact sums, one for the agent states and, for the parts whose
 * first-contact resolution is not kept (PartFcrCache), one for those, whatever its size.
 */
export function performanceTrafficLoader(
  ctx: SubgraphContext,
): DataLoader<TrafficPerformanceType, PerformanceTrafficType, string> {
  return ctx.loaders.get('performanceTraffic', async (records: readonly TrafficPerformanceType[]) => {
    const partsOfRecord = records.map(partsOf);
    const parts = partsOfRecord.flat();
    const [{ rows, contactsVersion }, states] = await Promise.all([
      performanceTrafficRows(ctx.em, parts),
      stateTotals(ctx, records),
    ]);
    const fcr =
      contactsVersion === null
        ? new Map<string, FcrCounts>()
        : await partFcrCache(ctx.em).countsOf(ctx.em, parts, contactsVersion);
    const byKey = new Map(rows.map((row) => [row.perf_key, row]));
    return records.map((p, i) => {
      const row = byKey.get(performanceKey(p));
      const variant = (row?.sl_variant as ServiceLevelVariant | null) ?? undefined;
      const totals = states[i];
      const { resolved, eligible } = fcrOf(partsOfRecord[i], fcr);
      const metrics = contactMetrics(totalsOf(row ?? EMPTY), variant);
      const outcome = outcomeTotalsOf(row ?? EMPTY);
      // a team's or an agent's contacts are those they handled: abandoned calls reached none of them
      const ofQueues =
        p.scopeType === PerformanceScopeType.CENTER || p.scopeType === PerformanceScopeType.QUEUE;
      return Object.assign(new PerformanceTrafficType(), {
        ...metrics,
        queueOffered: ofQueues ? metrics.offered : null,
        handled: metrics.answered,
        abandonRate: ofQueues ? metrics.abandonRate : null,
        fcrRate: fcrRate(resolved, eligible),
        occupancy: totals ? occupancy(totals) : null,
        utilization: totals ? utilization(totals) : null,
        ...outcomeMetrics(outcome),
        salesPerHour: totals ? salesPerHour(outcome.saleOutcomes, totals.loggedInSeconds) : null,
        ...costsOf(row, outcome.revenue, metrics.answered),
        saleOutcomes: outcome.saleOutcomes,
        staffedHours: totals ? totals.loggedInSeconds / 3600 : null,
      });
    });
  }) as unknown as DataLoader<TrafficPerformanceType, PerformanceTrafficType, string>;
}
