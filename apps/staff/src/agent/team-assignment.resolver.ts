import type { SubgraphContext } from '@switchboard/subgraph-kit';
import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { staffLoaders } from '../staff.loaders';
import { toTeamType } from '../team/team.mapper';
import { TeamType } from '../team/team.type';
import { TeamAssignmentType } from './agent.type';

@Resolver(() => TeamAssignmentType)
export class TeamAssignmentResolver {
  @FieldResolver(() => TeamType, { description: 'The team of this period' })
  async team(@Root() assignment: TeamAssignmentType, @Ctx() ctx: SubgraphContext): Promise<TeamType> {
    const team = await staffLoaders.teamById(ctx).load(assignment.teamId);
    if (!team) throw new Error(`team ${assignment.teamId} of an assignment does not exist`);
    return toTeamType(team);
  }
}
