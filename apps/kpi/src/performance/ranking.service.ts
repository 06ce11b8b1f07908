import type { SubgraphContext } from '@switchboard/subgraph-kit';
import { toKpiValueType } from './performance.mapper';
import { kpiValues, scoreOf, type KpiWeights } from './performance.service';
import type { PerformanceType } from './performance.type';
import { AgentRef } from '../extends/agent/agent-ref.type';
import { RankedAgentType } from './ranking.type';

/**
 * Agents ranked by composite score, best first; no score (nothing measured) ranks last. Equal scores
 * share a rank (1, 2, 2, 4). All agents' targets load in one batch.
 */
export async function rankAgents(
  ctx: SubgraphContext,
  agents: readonly PerformanceType[],
  weights: KpiWeights | null,
): Promise<RankedAgentType[]> {
  const scored = await Promise.all(
    agents.map(async (agent) => {
      const values = await kpiValues(ctx, agent);
      const counted = values.filter(
        (v) => (weights ? (weights.get(v.code) ?? 0) : v.definition.defaultWeight) > 0,
      );
      return { agent, score: scoreOf(values, weights), kpis: counted };
    }),
  );
  scored.sort(
    (a, b) =>
      (b.score ?? -Infinity) - (a.score ?? -Infinity) || a.agent.scopeId.localeCompare(b.agent.scopeId),
  );
  let rank = 0;
  return scored.map((entry, i) => {
    if (i === 0 || entry.score !== scored[i - 1].score) rank = i + 1;
    return Object.assign(new RankedAgentType(), {
      rank,
      agentId: entry.agent.scopeId,
      agent: Object.assign(new AgentRef(), { id: entry.agent.scopeId }),
      score: entry.score,
      kpis: entry.kpis.map(toKpiValueType),
    });
  });
}
