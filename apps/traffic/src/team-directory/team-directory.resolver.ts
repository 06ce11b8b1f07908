import { requireRole, WRITERS } from '@switchboard/auth';
import type { SubgraphContext } from '@switchboard/subgraph-kit';
import { Ctx, Field, Int, Mutation, ObjectType, Resolver } from 'type-graphql';
import { syncTeamDirectory } from './team-directory.sync';

@ObjectType('TeamDirectorySync')
class TeamDirectorySyncType {
  @Field(() => Int) agents!: number;
  @Field(() => Int, { description: 'Team assignment periods now held by traffic' }) periods!: number;
}

@Resolver()
export class TeamDirectoryResolver {
  @Mutation(() => TeamDirectorySyncType, {
    description: "Refreshes traffic's copy of staff's team history now (it also refreshes on a timer)",
  })
  async syncTeamDirectory(@Ctx() ctx: SubgraphContext): Promise<TeamDirectorySyncType> {
    requireRole(ctx.identity, WRITERS.traffic, 'syncTeamDirectory');
    return Object.assign(new TeamDirectorySyncType(), await syncTeamDirectory(ctx.em));
  }
}
