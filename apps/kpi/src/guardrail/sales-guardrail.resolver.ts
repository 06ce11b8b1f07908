import type { SubgraphContext } from '@switchboard/subgraph-kit';
import { DateTimeISOResolver } from 'graphql-scalars';
import { Arg, Ctx, Query, Resolver } from 'type-graphql';
import { PerformanceScopeInput } from '../performance/performance.input';
import { salesGuardrailOf } from './sales-guardrail.service';
import { SalesGuardrailType } from './sales-guardrail.type';

@Resolver(() => SalesGuardrailType)
export class SalesGuardrailResolver {
  @Query(() => SalesGuardrailType, {
    description:
      'The service-to-sales guardrail of an agent or a team for [from, to) against the period before (from and to on 15-minute boundaries; a whole-month period is compared with the months before)',
  })
  salesGuardrail(
    @Arg('scope', () => PerformanceScopeInput) scope: PerformanceScopeInput,
    @Arg('from', () => DateTimeISOResolver) from: Date,
    @Arg('to', () => DateTimeISOResolver) to: Date,
    @Ctx() ctx: SubgraphContext,
  ): Promise<SalesGuardrailType> {
    return salesGuardrailOf(ctx, scope.type, scope.id, from, to);
  }
}
