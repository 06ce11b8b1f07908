import {
  resolveAgentSet,
  performanceFromReference,
  PerformanceScopeType,
  seesPerformanceRecord,
  type SubgraphContext,
} from '@switchboard/subgraph-kit';
import { badUserInput } from '@switchboard/server';
import { Ctx, Directive, FieldResolver, Resolver, Root } from 'type-graphql';
import { fetchAgentStateSpans } from '../../adherence/agent-states.client';
import { PerformanceWorkforceType, WfmPerformanceType } from './performance.type';
import { workforceLoader } from './workforce.loader';

/** The longest record period wfm measures (a year and a day: a leap year's record). */
const MAX_PERIOD_MS = 367 * 86_400_000;

@Resolver(() => WfmPerformanceType)
export class WfmPerformanceResolver {
  @FieldResolver(() => PerformanceWorkforceType, {
    // nullable: a failure here leaves the other sources' parts of the record standing
    nullable: true,
    description:
      "Schedule adherence and conformance of the record's agents in the period; null for a queue (no agents of its own) and outside your access scope",
  })
  @Directive('@requires(fields: "agentSet { id agents { employeeNo } }")')
  async workforce(
    @Root() performance: WfmPerformanceType,
    @Ctx() ctx: SubgraphContext,
  ): Promise<PerformanceWorkforceType | null> {
    const from = new Date(performance.from);
    const to = new Date(performance.to);
    if (Number.isNaN(from.getTime())) throw badUserInput({ field: 'from', message: 'must be an instant' });
    if (Number.isNaN(to.getTime()) || to <= from)
      throw badUserInput({ field: 'to', message: 'must be an instant after from' });
    if (to.getTime() - from.getTime() > MAX_PERIOD_MS)
      throw badUserInput({ field: 'to', message: 'a record covers at most 367 days' });
    resolveAgentSet(ctx, performance);
    if (performance.scopeType === PerformanceScopeType.QUEUE) return null;
    if (!seesPerformanceRecord(await ctx.scope(), performance)) return null;
    return workforceLoader(ctx, fetchAgentStateSpans).load({
      key: `${performance.scopeType}:${performance.scopeId}:${from.toISOString()}:${to.toISOString()}`,
      from,
      to,
      employeeNos: (performance.agents ?? []).map((a) => a.employeeNo),
    });
  }
}

/** A Performance representation from the gateway as this subgraph's type (the kit's protocol). */
export function wfmPerformanceFromReference(
  reference: Record<string, unknown>,
  ctx?: object,
): WfmPerformanceType {
  return performanceFromReference(WfmPerformanceType, reference, ctx);
}
