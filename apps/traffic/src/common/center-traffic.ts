import type { SubgraphContext } from '@switchboard/subgraph-kit';
import { DateTimeISOResolver } from 'graphql-scalars';
import { Arg, Ctx, Directive, Field, FieldResolver, ID, ObjectType, Resolver, Root } from 'type-graphql';
import { checkPeriod, loadSummary } from '../stats/summary-loader';
import { TrafficSummaryType } from '../stats/traffic-stats.type';

/** Staff's Center, extended with the traffic of the queues assigned to it. */
@ObjectType('Center')
@Directive('@key(fields: "id")')
export class CenterTrafficType {
  @Field(() => ID)
  id!: string;
}

@Resolver(() => CenterTrafficType)
export class CenterTrafficResolver {
  @FieldResolver(() => TrafficSummaryType, {
    nullable: true,
    description:
      'Contacts of the queues assigned to the center, for a period (from inclusive, to exclusive); null outside your access scope',
  })
  async trafficSummary(
    @Root() center: CenterTrafficType,
    @Arg('from', () => DateTimeISOResolver) from: Date,
    @Arg('to', () => DateTimeISOResolver) to: Date,
    @Ctx() ctx: SubgraphContext,
  ): Promise<TrafficSummaryType | null> {
    checkPeriod({ from, to });
    if (!(await ctx.scope()).seesCenter(center.id)) return null;
    return Object.assign(new TrafficSummaryType(), await loadSummary(ctx, 'center', center.id, { from, to }));
  }
}
