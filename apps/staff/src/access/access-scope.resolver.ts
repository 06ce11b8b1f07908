import { forbidden } from '@switchboard/auth';
import { badUserInput } from '@switchboard/server';
import type { SubgraphContext } from '@switchboard/subgraph-kit';
import { Arg, Ctx, Query, Resolver } from 'type-graphql';
import { membersOfScope } from './access-scope.source';
import { AccessScopeType } from './access-scope.type';

const MAX_CODES = 500;

@Resolver()
export class AccessScopeResolver {
  /**
   * How other subgraphs turn a caller's center and team codes into rows. Only a caller who sees
   * every center may ask (the subgraphs' own service token): anyone else would learn who works where.
   */
  @Query(() => AccessScopeType, {
    description:
      "Ids and today's members of centers and teams by code (for subgraphs' scoping; callers who see every center only)",
  })
  async accessScope(
    @Arg('centers', () => [String]) centers: string[],
    @Arg('teams', () => [String]) teams: string[],
    @Ctx() ctx: SubgraphContext,
  ): Promise<AccessScopeType> {
    if (!(await ctx.scope()).all) throw forbidden('accessScope: only for callers who see every center');
    if (centers.length + teams.length > MAX_CODES)
      throw badUserInput({ field: 'centers', message: `at most ${MAX_CODES} center and team codes` });
    return membersOfScope(ctx.em, centers, teams);
  }
}
