import { performancePart, performanceReference, type SubgraphContext } from '@switchboard/subgraph-kit';
import { Ctx, Directive, FieldResolver, Resolver, Root } from 'type-graphql';
import { voiceLoader } from './voice.loader';
import { PerformanceVoiceType, VocPerformanceType } from './voice.type';

@Resolver(() => VocPerformanceType)
export class VoicePerformanceResolver {
  @FieldResolver(() => PerformanceVoiceType, {
    // nullable: a failure here leaves the other sources' parts of the record standing
    nullable: true,
    description:
      "CSAT, NPS, CES and survey response rate of the record's agents (contacts that arrived in the period); null for a queue and outside your access scope",
  })
  @Directive('@requires(fields: "agentSet { id agents { employeeNo } }")')
  async voice(
    @Root() performance: VocPerformanceType,
    @Ctx() ctx: SubgraphContext,
  ): Promise<PerformanceVoiceType | null> {
    return performancePart(ctx, performance, (employeeNos) =>
      voiceLoader(ctx).load({
        key: `${performance.scopeType}:${performance.scopeId}`,
        employeeNos,
        from: performance.from,
        to: performance.to,
      }),
    );
  }
}

/** A Performance representation from the gateway as this subgraph's type (the kit's protocol). */
export const vocPerformanceFromReference = performanceReference(VocPerformanceType);
