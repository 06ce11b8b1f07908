import { byKeys, type SubgraphContext } from '@switchboard/subgraph-kit';
import type DataLoader from 'dataloader';
import { Arg, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import { requireQaWriter } from '../access/qa-access';
import { ScorecardStatus } from '../common/enums';
import type { Scorecard } from './scorecard.entity';
import { ScorecardInput } from './scorecard.input';
import { toScorecardType } from './scorecard.mapper';
import { ScorecardService } from './scorecard.service';
import { ScorecardType } from './scorecard.type';

export const scorecardById = (ctx: SubgraphContext): DataLoader<string, Scorecard | null> =>
  ctx.loaders.get('scorecardById', async (ids: readonly string[]) =>
    byKeys(ids, await new ScorecardService(ctx.em).findByIds(ids), (s) => s.id),
  );

@Resolver(() => ScorecardType)
export class ScorecardResolver {
  @Query(() => [ScorecardType], { description: 'Scorecard versions, by code then version' })
  async scorecards(
    @Arg('code', () => String, { nullable: true }) code: string | null,
    @Arg('status', () => ScorecardStatus, { nullable: true }) status: ScorecardStatus | null,
    @Ctx() ctx: SubgraphContext,
  ): Promise<ScorecardType[]> {
    return (await new ScorecardService(ctx.em).list({ code, status })).map(toScorecardType);
  }

  @Query(() => ScorecardType, { nullable: true })
  async scorecard(
    @Arg('id', () => ID) id: string,
    @Ctx() ctx: SubgraphContext,
  ): Promise<ScorecardType | null> {
    const scorecard = await scorecardById(ctx).load(id);
    return scorecard ? toScorecardType(scorecard) : null;
  }

  @Mutation(() => ScorecardType, {
    description: 'A new DRAFT version of a scorecard code (version 1 for a new code; one draft at a time)',
  })
  async createScorecard(
    @Arg('input', () => ScorecardInput) input: ScorecardInput,
    @Ctx() ctx: SubgraphContext,
  ): Promise<ScorecardType> {
    requireQaWriter(ctx, 'createScorecard');
    return toScorecardType(await new ScorecardService(ctx.em).createVersion(input));
  }

  @Mutation(() => ScorecardType, { description: 'Changes a DRAFT version; published versions never change' })
  async updateScorecardDraft(
    @Arg('id', () => ID) id: string,
    @Arg('input', () => ScorecardInput) input: ScorecardInput,
    @Ctx() ctx: SubgraphContext,
  ): Promise<ScorecardType> {
    requireQaWriter(ctx, 'updateScorecardDraft');
    return toScorecardType(await new ScorecardService(ctx.em).updateDraft(id, input));
  }

  @Mutation(() => ScorecardType, {
    description: 'DRAFT -> PUBLISHED; the previously published version of the code is RETIRED',
  })
  async publishScorecard(
    @Arg('id', () => ID) id: string,
    @Ctx() ctx: SubgraphContext,
  ): Promise<ScorecardType> {
    requireQaWriter(ctx, 'publishScorecard');
    return toScorecardType(await new ScorecardService(ctx.em).publish(id));
  }
}
