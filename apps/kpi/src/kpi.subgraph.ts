import { resolve } from 'node:path';
import {
  buildFederatedSchema,
  type FederatedSchema,
  type SubgraphContext,
  type SubgraphDefinition,
} from '@switchboard/subgraph-kit';
import { seesTargetScope } from './access/kpi-access';
import { kpiDefinitionByCode } from './catalog/kpi-catalog.loader';
import { KpiDefinition } from './catalog/kpi-definition.entity';
import { toKpiDefinitionType } from './catalog/kpi-definition.mapper';
import { KpiDefinitionResolver } from './catalog/kpi-definition.resolver';
import type { KpiDefinitionType } from './catalog/kpi-definition.type';
import { SalesGuardrailResolver } from './guardrail/sales-guardrail.resolver';
import { kpiMigrations } from './migrations';
import { AgentPerformanceResolver } from './extends/agent/agent-performance.resolver';
import { AgentRef } from './extends/agent/agent-ref.type';
import { performanceFromReference } from './performance/performance.mapper';
import { PerformanceResolver } from './performance/performance.resolver';
import { SegmentKpisResolver } from './performance/segment-kpis';
import type { PerformanceType } from './performance/performance.type';
import { SourceKpisResolver } from './performance/source-kpis.resolver';
import { seedKpiDemo } from './seed/demo-seed';
import { KpiTarget } from './target/kpi-target.entity';
import { toKpiTargetType } from './target/kpi-target.mapper';
import { KpiTargetResolver } from './target/kpi-target.resolver';
import type { KpiTargetType } from './target/kpi-target.type';
import { kpiTargetById } from './target/kpi-target.loader';

export const KPI_SUBGRAPH = 'kpi';

export const kpiDatabase = {
  entities: [KpiDefinition, KpiTarget],
  migrations: kpiMigrations,
  migrationsPath: resolve(__dirname, 'migrations'),
  snapshotName: '.snapshot-kpi',
};

export function buildKpiSchema(): Promise<FederatedSchema> {
  return buildFederatedSchema({
    resolvers: [
      KpiDefinitionResolver,
      KpiTargetResolver,
      PerformanceResolver,
      SegmentKpisResolver,
      AgentPerformanceResolver,
      SalesGuardrailResolver,
      SourceKpisResolver,
    ],
    referenceResolvers: {
      KpiDefinition: {
        __resolveReference: async (
          ref: { code: string },
          ctx: SubgraphContext,
        ): Promise<KpiDefinitionType | null> => {
          const definition = await kpiDefinitionByCode(ctx).load(ref.code);
          return definition ? toKpiDefinitionType(definition) : null;
        },
      },
      KpiTarget: {
        __resolveReference: async (
          ref: { id: string },
          ctx: SubgraphContext,
        ): Promise<KpiTargetType | null> => {
          const target = await kpiTargetById(ctx).load(ref.id);
          // a target of a scope the caller does not see: null, as for an unknown id
          return target && seesTargetScope(await ctx.scope(), target.scopeType, target.scopeId)
            ? toKpiTargetType(target)
            : null;
        },
      },
      // staff's id is all kpi needs of an agent (its trend records are keyed by it)
      Agent: {
        __resolveReference: (ref: { id: string }): AgentRef =>
          Object.assign(new AgentRef(), { id: ref.id.toLowerCase() }),
      },
      // Its key is all there is to a Performance here; kpis and score compute from the required fields.
      Performance: {
        __resolveReference: (ref: Record<string, unknown>): PerformanceType => performanceFromReference(ref),
      },
    },
  });
}

export const kpiSubgraph: SubgraphDefinition = {
  name: KPI_SUBGRAPH,
  database: kpiDatabase,
  buildSchema: buildKpiSchema,
  seedDemo: seedKpiDemo,
};
