import { todayUtc } from '@switchboard/metrics';
import { GraphQLLocalDate, type ReferenceKind, type SubgraphContext } from '@switchboard/subgraph-kit';
import { Arg, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import { TargetScopeTypeEnum, type TargetScopeType } from '../model/enums';
import { requireKpiWriter, requireTargetScope } from '../access/kpi-access';
import { isUuid } from '../common/periods';
import { SetKpiTargetInput } from './kpi-target.input';
import { kpiTargetById } from './kpi-target.loader';
import { toKpiTargetType } from './kpi-target.mapper';
import { KpiTargetService } from './kpi-target.service';
import { KpiTargetType } from './kpi-target.type';

@Resolver(() => KpiTargetType)
export class KpiTargetResolver {
  @Query(() => [KpiTargetType], {
    description: 'KPI targets, optionally of one KPI or scope, or in force on a day',
  })
  async kpiTargets(
    @Arg('kpiCode', () => String, { nullable: true }) kpiCode: string | null,
    @Arg('scopeType', () => TargetScopeTypeEnum, { nullable: true }) scopeType: TargetScopeType | null,
    @Arg('scopeId', () => ID, { nullable: true }) scopeId: string | null,
    @Arg('asOf', () => GraphQLLocalDate, { nullable: true }) asOf: string | null,
    @Ctx() ctx: SubgraphContext,
  ): Promise<KpiTargetType[]> {
    const scope = await ctx.scope();
    const visible = scope.all ? null : { centerIds: scope.centerIds ?? [], teamIds: scope.teamIds ?? [] };
    return (await new KpiTargetService(ctx.em).list({ kpiCode, scopeType, scopeId, asOf, visible })).map(
      toKpiTargetType,
    );
  }

  @Mutation(() => KpiTargetType, {
    description:
      "Sets a KPI's target for a scope from a day on; overlapping targets of the same KPI and scope are cut back",
  })
  async setKpiTarget(
    @Arg('input', () => SetKpiTargetInput) input: SetKpiTargetInput,
    @Ctx() ctx: SubgraphContext,
  ): Promise<KpiTargetType> {
    requireKpiWriter(ctx, 'setKpiTarget');
    await requireTargetScope(ctx, input.scope.type, input.scope.id ?? null, 'setKpiTarget');
    await requireScopeExists(ctx, input.scope.type, input.scope.id ?? null);
    return toKpiTargetType(await new KpiTargetService(ctx.em).set(input, todayUtc()));
  }

  @Mutation(() => Boolean, { description: 'Deletes a target (the next most specific one then applies)' })
  async removeKpiTarget(@Arg('id', () => ID) id: string, @Ctx() ctx: SubgraphContext): Promise<boolean> {
    requireKpiWriter(ctx, 'removeKpiTarget');
    const target = await kpiTargetById(ctx).load(id);
    // unknown: NOT_FOUND for a writer who sees everything, FORBIDDEN for the rest (existence hidden)
    if (target || !(await ctx.scope()).all)
      await requireTargetScope(ctx, target?.scopeType ?? 'QUEUE', target?.scopeId ?? null, 'removeKpiTarget');
    return new KpiTargetService(ctx.em).remove(id);
  }
}

const SCOPE_KINDS: Record<TargetScopeType, ReferenceKind | null> = {
  GLOBAL: null,
  CENTER: 'center',
  TEAM: 'team',
  QUEUE: 'queue',
};

/**
 * A target's center or team is staff's, a queue traffic's: asked through the gateway before the
 * target is written (a malformed id is the service's BAD_USER_INPUT, a missing one GLOBAL's).
 */
async function requireScopeExists(
  ctx: SubgraphContext,
  type: TargetScopeType,
  id: string | null,
): Promise<void> {
  const kind = SCOPE_KINDS[type];
  if (kind && id && isUuid(id)) await ctx.requireReferences([{ kind, field: 'scope.id', values: [id] }]);
}
