import { performancePart, performanceReference, type SubgraphContext } from '@switchboard/subgraph-kit';
import { Ctx, Directive, FieldResolver, Resolver, Root } from 'type-graphql';
import { dayPeriodOf } from '../../common/dates';
import { AGENT_PROFILE_FIELDS } from '../training/agent-training.type';
import { groupOf, loadTrainingSummary } from '../training/summary-loader';
import { toPerformanceTrainingType } from './performance.mapper';
import { PerformanceTrainingType, TrainingPerformanceType } from './performance.type';

@Resolver(() => TrainingPerformanceType)
export class TrainingPerformanceResolver {
  @FieldResolver(() => PerformanceTrainingType, {
    // nullable: a failure here leaves the other sources' parts of the record standing
    nullable: true,
    description:
      "Training of the record's agents over the period's days; null for a queue, which has no agents of its own",
  })
  @Directive(`@requires(fields: "agentSet { id agents { ${AGENT_PROFILE_FIELDS} } }")`)
  async training(
    @Root() performance: TrainingPerformanceType,
    @Ctx() ctx: SubgraphContext,
  ): Promise<PerformanceTrainingType | null> {
    return performancePart(
      ctx,
      performance,
      async () => {
        // The summary fields' loader: a batch of records of one period costs one statement.
        const summary = await loadTrainingSummary(
          ctx,
          `performance:${performance.scopeType}`,
          groupOf(performance.scopeId, performance.agents ?? []),
          dayPeriodOf(performance.from, performance.to),
        );
        return toPerformanceTrainingType(summary);
      },
      // training reads the period by whole days, and is scoped down rather than to null: its summary
      // loader counts only the members the caller sees (seenEmployeeNos; the access matrix pins it)
      { period: false, scoped: false },
    );
  }
}

/** A Performance representation from the gateway as this subgraph's type (the kit's protocol). */
export const trainingPerformanceFromReference = performanceReference(TrainingPerformanceType);
