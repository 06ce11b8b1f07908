import { performancePart, performanceReference, type SubgraphContext } from '@switchboard/subgraph-kit';
import { Ctx, Directive, FieldResolver, Resolver, Root } from 'type-graphql';
import { fetchAgentStateSpans } from '../../adherence/agent-states.client';
import { PerformanceWorkforceType, WfmPerformanceType } from './performance.type';
import { workforceLoader } from './workforce.loader';

/** The longest record period wfm measures (a year and a day: a leap year's record). */
const MAX_PERIOD_DAYS = 367;

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
    const { from, to } = performance;
    return performancePart(
      ctx,
      performance,
      (employeeNos) =>
        workforceLoader(ctx, fetchAgentStateSpans).load({
          key: `${performance.scopeType}:${performance.scopeId}:${from.toISOString()}:${to.toISOString()}`,
          from,
          to,
          employeeNos,
        }),
      { period: { maxDays: MAX_PERIOD_DAYS } },
    );
  }
}

/** A Performance representation from the gateway as this subgraph's type (the kit's protocol). */
export const wfmPerformanceFromReference = performanceReference(WfmPerformanceType);
