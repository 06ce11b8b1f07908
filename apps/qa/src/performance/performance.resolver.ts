import { performancePart, performanceReference, type SubgraphContext } from '@switchboard/subgraph-kit';
import { Ctx, Directive, FieldResolver, Resolver, Root } from 'type-graphql';
import { qaSummaryLoader } from '../summary/qa-summary.loader';
import { toPerformanceQaType } from './performance.mapper';
import { PerformanceQaType, QaPerformanceType } from './performance.type';

@Resolver(() => QaPerformanceType)
export class QaPerformanceResolver {
  @FieldResolver(() => PerformanceQaType, {
    // nullable: a failure here leaves the other sources' parts of the record standing
    nullable: true,
    description:
      "QA of the record's agents (submitted in the period); null for a queue, which has no agents of its own, and outside your access scope",
  })
  @Directive('@requires(fields: "agentSet { id agents { employeeNo } }")')
  async qa(
    @Root() performance: QaPerformanceType,
    @Ctx() ctx: SubgraphContext,
  ): Promise<PerformanceQaType | null> {
    return performancePart(ctx, performance, async (employeeNos) =>
      // The summary fields' loader: a batch of records of one period costs one statement.
      toPerformanceQaType(
        await qaSummaryLoader(ctx, performance.from, performance.to).load({
          key: `performance:${performance.scopeType}:${performance.scopeId}`,
          employeeNos,
        }),
      ),
    );
  }
}

/** A Performance representation from the gateway as this subgraph's type (the kit's protocol). */
export const qaPerformanceFromReference = performanceReference(QaPerformanceType);
