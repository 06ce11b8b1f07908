import {
  checkPeriod,
  performanceFromReference,
  PerformanceScopeType,
  resolveAgentSet,
  seesPerformanceRecord,
  type SubgraphContext,
} from '@switchboard/subgraph-kit';
import { Ctx, Directive, FieldResolver, Resolver, Root } from 'type-graphql';
import { careNow } from '../care-services';
import {
  customerPerformance,
  type CustomerPerformance,
  type CustomerPerformanceGroup,
} from './performance-customer.service';
import { CarePerformanceType, PerformanceCustomerType } from './performance.type';

@Resolver(() => CarePerformanceType)
export class CarePerformanceResolver {
  @FieldResolver(() => PerformanceCustomerType, {
    // nullable: a failure here leaves the other sources' parts of the record standing
    nullable: true,
    description:
      "Follow-up promises and cases of the record's agents (commitments due, cases opened in the period); " +
      'null for a queue, which has no agents of its own, and outside your access scope',
  })
  @Directive('@requires(fields: "agentSet { id agents { employeeNo } }")')
  async customer(
    @Root() performance: CarePerformanceType,
    @Ctx() ctx: SubgraphContext,
  ): Promise<PerformanceCustomerType | null> {
    checkPeriod(performance.from, performance.to);
    resolveAgentSet(ctx, performance);
    if (performance.scopeType === PerformanceScopeType.QUEUE) return null;
    if (!seesPerformanceRecord(await ctx.scope(), performance)) return null;
    // One loader per request: every record of a gateway batch, whatever its period, costs the same two statements.
    const loader = ctx.loaders.get<CustomerPerformanceGroup, CustomerPerformance>(
      'performanceCustomer',
      (groups) => customerPerformance(ctx.em, groups, careNow()),
    );
    const part = await loader.load({
      employeeNos: (performance.agents ?? []).map((a) => a.employeeNo),
      from: performance.from,
      to: performance.to,
    });
    return Object.assign(new PerformanceCustomerType(), part);
  }
}

/** A Performance representation from the gateway as this subgraph's type (the kit's protocol). */
export function carePerformanceFromReference(
  reference: Record<string, unknown>,
  ctx?: object,
): CarePerformanceType {
  return performanceFromReference(CarePerformanceType, reference, ctx);
}
