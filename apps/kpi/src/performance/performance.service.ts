import { compositeScore, kpiAttainment } from '@switchboard/metrics';
import type { SubgraphContext } from '@switchboard/subgraph-kit';
import { kpiCatalog } from '../catalog/kpi-catalog.loader';
import type { KpiDefinition } from '../catalog/kpi-definition.entity';
import type { PerformanceScopeType, TargetScopeType } from '../model/enums';
import { periodDay } from '../common/periods';
import { targetKey, targetsInForce, type TargetInForce } from '../target/targets-in-force.loader';
import { metricValue, sourceFreshness } from './performance-sources';
import type { PerformanceType } from './performance.type';

export interface KpiValue {
  code: string;
  definition: KpiDefinition;
  value: number | null;
  target: number | null;
  amberBand: number | null;
  targetScopeType: TargetScopeType | null;
  targetScopeId: string | null;
  attainment: number | null;
  status: 'GREEN' | 'AMBER' | 'RED' | null;
  /** The time the value's data is as of, and whether its source is past its warn age. */
  asOf: Date | null;
  stale: boolean;
}

const TARGETABLE: Partial<Record<PerformanceScopeType, TargetScopeType>> = {
  CENTER: 'CENTER',
  TEAM: 'TEAM',
  QUEUE: 'QUEUE',
};

/** The scopes whose targets may apply, most specific first: the scope, its ancestors, GLOBAL. */
export function targetScopes(
  performance: Pick<PerformanceType, 'scopeType' | 'scopeId' | 'ancestors'>,
): { type: TargetScopeType; id: string | null }[] {
  const chain: { type: TargetScopeType; id: string | null }[] = [];
  const own = TARGETABLE[performance.scopeType];
  if (own) chain.push({ type: own, id: performance.scopeId });
  for (const ancestor of performance.ancestors ?? []) {
    const type = TARGETABLE[ancestor.type];
    if (type) chain.push({ type, id: ancestor.id });
  }
  chain.push({ type: 'GLOBAL', id: null });
  return chain;
}

/**
 * Every KPI of the catalog for one performance record: its value from the source subgraph's part,
 * the most specific target in force on the period's last day, attainment and status. A batch of
 * records costs one catalog read per request and one target statement per batch. With `source`, only
 * that source's KPIs (the record then holds only that source's part).
 */
export async function kpiValues(
  ctx: SubgraphContext,
  performance: PerformanceType,
  codes?: readonly string[] | null,
  source?: string,
): Promise<KpiValue[]> {
  const day = periodDay(performance.to);
  const scopes = targetScopes(performance);
  const [catalog, ...targetLists] = await Promise.all([
    kpiCatalog(ctx),
    ...scopes.map((s) => targetsInForce(ctx).load(targetKey(day, s.type, s.id))),
  ]);
  const definitions = catalog as KpiDefinition[];
  const lists = targetLists as TargetInForce[][];
  return definitions
    .filter((definition) => !codes || codes.includes(definition.code))
    .filter((definition) => !source || definition.sourceSubgraph === source)
    .map((definition) => {
      const value = metricValue(performance, definition.sourceSubgraph, definition.sourceField);
      const target =
        lists
          .map((list) => list.find((t) => t.kpiCode === definition.code && t.segment === null))
          .find(Boolean) ?? null;
      const result = target
        ? kpiAttainment(value, {
            direction: definition.direction,
            target: target.target,
            amberBand: target.amberBand,
          })
        : { attainment: null, status: null };
      return {
        code: definition.code,
        definition,
        value,
        target: target?.target ?? null,
        amberBand: target?.amberBand ?? null,
        targetScopeType: target?.scopeType ?? null,
        targetScopeId: target?.scopeId ?? null,
        ...result,
        ...sourceFreshness(performance, definition.sourceSubgraph),
      };
    });
}

/** Weights per KPI code: when given, only the KPIs named count; otherwise the catalog defaults. */
export type KpiWeights = ReadonlyMap<string, number>;

/** The balanced-scorecard score of a record: weighted mean of its KPIs' attainments (capped). */
export function scoreOf(values: readonly KpiValue[], weights?: KpiWeights | null): number | null {
  return compositeScore(
    values.map((v) => ({
      weight: weights ? (weights.get(v.code) ?? 0) : v.definition.defaultWeight,
      attainment: v.attainment,
    })),
  );
}
