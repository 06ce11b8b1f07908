import type { SubgraphContext } from '@switchboard/subgraph-kit';
import { DateTimeISOResolver } from 'graphql-scalars';
import { Arg, Ctx, Directive, Field, FieldResolver, ID, ObjectType, Resolver, Root } from 'type-graphql';
import { checkPeriod } from '../common/validation';
import { AgentQaType } from './agent-qa.type';
import { qaSummaryLoader } from './qa-summary.loader';
import { QaSummaryType } from './qa-summary.type';

/** Staff's Team: QA needs its members' employee numbers, which staff provides (@requires). */
@ObjectType('Team')
@Directive('@key(fields: "id")')
export class TeamQaType {
  @Field(() => ID) id!: string;
  @Field(() => [AgentQaType]) @Directive('@external') agents!: AgentQaType[];
}

/** Staff's Center, likewise. */
@ObjectType('Center')
@Directive('@key(fields: "id")')
export class CenterQaType {
  @Field(() => ID) id!: string;
  @Field(() => [AgentQaType]) @Directive('@external') agents!: AgentQaType[];
}

const PERIOD = 'for submissions from (inclusive) to (exclusive)';

const OUT_OF_SCOPE = '; null outside your access scope';

@Resolver(() => AgentQaType)
export class AgentQaResolver {
  @FieldResolver(() => QaSummaryType, {
    nullable: true,
    description: `The agent's QA score ${PERIOD}${OUT_OF_SCOPE}`,
  })
  async qaSummary(
    @Root() agent: AgentQaType,
    @Arg('from', () => DateTimeISOResolver) from: Date,
    @Arg('to', () => DateTimeISOResolver) to: Date,
    @Ctx() ctx: SubgraphContext,
  ): Promise<QaSummaryType | null> {
    checkPeriod(from, to);
    if (!(await ctx.scope()).seesAgent(agent.employeeNo)) return null;
    return qaSummaryLoader(ctx, from, to).load({
      key: `agent:${agent.employeeNo}`,
      employeeNos: [agent.employeeNo],
    });
  }
}

@Resolver(() => TeamQaType)
export class TeamQaResolver {
  @FieldResolver(() => QaSummaryType, {
    nullable: true,
    description: `QA of the team's current members ${PERIOD}${OUT_OF_SCOPE}`,
  })
  @Directive('@requires(fields: "agents { employeeNo }")')
  async qaSummary(
    @Root() team: TeamQaType,
    @Arg('from', () => DateTimeISOResolver) from: Date,
    @Arg('to', () => DateTimeISOResolver) to: Date,
    @Ctx() ctx: SubgraphContext,
  ): Promise<QaSummaryType | null> {
    checkPeriod(from, to);
    if (!(await ctx.scope()).seesTeam(team.id)) return null;
    return qaSummaryLoader(ctx, from, to).load({
      key: `team:${team.id}`,
      employeeNos: (team.agents ?? []).map((a) => a.employeeNo),
    });
  }
}

@Resolver(() => CenterQaType)
export class CenterQaResolver {
  @FieldResolver(() => QaSummaryType, {
    nullable: true,
    description: `QA of the center's current agents ${PERIOD}${OUT_OF_SCOPE}`,
  })
  @Directive('@requires(fields: "agents { employeeNo }")')
  async qaSummary(
    @Root() center: CenterQaType,
    @Arg('from', () => DateTimeISOResolver) from: Date,
    @Arg('to', () => DateTimeISOResolver) to: Date,
    @Ctx() ctx: SubgraphContext,
  ): Promise<QaSummaryType | null> {
    checkPeriod(from, to);
    if (!(await ctx.scope()).seesCenter(center.id)) return null;
    return qaSummaryLoader(ctx, from, to).load({
      key: `center:${center.id}`,
      employeeNos: (center.agents ?? []).map((a) => a.employeeNo),
    });
  }
}
