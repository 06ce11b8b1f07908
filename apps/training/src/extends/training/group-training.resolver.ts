import { GraphQLLocalDate } from '@switchboard/subgraph-kit';
import type { SubgraphContext } from '@switchboard/subgraph-kit';
import { Arg, Ctx, Directive, FieldResolver, Resolver, Root } from 'type-graphql';
import { AGENT_PROFILE_FIELDS } from './agent-training.type';
import { CenterTrainingType, TeamTrainingType } from './group-training.type';
import { groupOf, loadTrainingSummary } from './summary-loader';
import { TrainingSummaryType } from './training-summary.type';

const REQUIRES = `@requires(fields: "agents { ${AGENT_PROFILE_FIELDS} }")`;
const DESCRIPTION = 'Training of the agents in it today, for days from (inclusive) to (exclusive)';

@Resolver(() => TeamTrainingType)
export class TeamTrainingResolver {
  @FieldResolver(() => TrainingSummaryType, { description: DESCRIPTION })
  @Directive(REQUIRES)
  trainingSummary(
    @Root() team: TeamTrainingType,
    @Arg('from', () => GraphQLLocalDate) from: string,
    @Arg('to', () => GraphQLLocalDate) to: string,
    @Ctx() ctx: SubgraphContext,
  ): Promise<TrainingSummaryType> {
    return loadTrainingSummary(ctx, 'team', groupOf(team.id, team.agents ?? []), { from, to });
  }
}

@Resolver(() => CenterTrainingType)
export class CenterTrainingResolver {
  @FieldResolver(() => TrainingSummaryType, { description: DESCRIPTION })
  @Directive(REQUIRES)
  trainingSummary(
    @Root() center: CenterTrainingType,
    @Arg('from', () => GraphQLLocalDate) from: string,
    @Arg('to', () => GraphQLLocalDate) to: string,
    @Ctx() ctx: SubgraphContext,
  ): Promise<TrainingSummaryType> {
    return loadTrainingSummary(ctx, 'center', groupOf(center.id, center.agents ?? []), { from, to });
  }
}
