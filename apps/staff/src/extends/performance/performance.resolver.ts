import { createHash } from 'node:crypto';
import { PerformanceScopeType, seenAgents, type SubgraphContext } from '@switchboard/subgraph-kit';
import type { GraphQLResolveInfo } from 'graphql';
import { Ctx, Directive, FieldResolver, Info, Resolver, Root } from 'type-graphql';
import { toAgentType } from '../../agent/agent.mapper';
import { AgentType } from '../../agent/agent.type';
import { AgentRole, type Agent } from '../../agent/agent.entity';
import { toCenterType } from '../../center/center.mapper';
import { CenterType } from '../../center/center.type';
import { staffLoaders } from '../../staff.loaders';
import { isUuid } from '../../common/validation';
import { toTeamType } from '../../team/team.mapper';
import { TeamType } from '../../team/team.type';
import { periodDay, toStaffPerformance } from './performance.mapper';
import { PerformanceAgentSetType, PerformanceScopeRef, StaffPerformanceType } from './performance.type';

/** A set of agents' name: its members' ids, sorted, hashed (the same members, the same id). */
function agentSetId(agents: readonly Agent[]): string {
  const ids = agents.map((a) => a.id).sort();
  return createHash('sha256').update(ids.join(',')).digest('base64url').slice(0, 22);
}

/** The sets each request has sent, by place and id. */
const sentSets = new WeakMap<SubgraphContext, Set<string>>();

/** A field's place in the answer without list indexes: records at one place go to one fetch. */
function placeOf(info: GraphQLResolveInfo): string {
  const keys: (string | number)[] = [];
  for (let path = info.path.prev; path; path = path.prev) keys.push(path.key);
  return keys
    .filter((key) => typeof key === 'string')
    .reverse()
    .join('.');
}

/** The team an agent was in on a day, from the dated history (one statement per batch of agents). */
async function teamIdOn(ctx: SubgraphContext, agentId: string, day: string): Promise<string | null> {
  const history = await staffLoaders.historyOfAgent(ctx).load(agentId);
  const membership = history.find((m) => m.validFrom <= day && (m.validTo === null || m.validTo > day));
  return membership?.team.id ?? null;
}

/**
 * Staff's part of Performance is who is in it: every other source (traffic, qa, training) reads the
 * record's agents from here (@requires), so the agents, children and records are only those the
 * caller sees, and an aggregate outside the caller's scope is computed over nobody (scoped down).
 */
@Resolver(() => StaffPerformanceType)
export class StaffPerformanceResolver {
  @FieldResolver(() => [AgentType], {
    description:
      "The agents in the scope on the period's last day: a center's or team's members, the agent itself; none for a queue",
  })
  async agents(@Root() performance: StaffPerformanceType, @Ctx() ctx: SubgraphContext): Promise<AgentType[]> {
    return (await this.agentsOf(ctx, performance)).map(toAgentType);
  }

  /**
   * The agents as the other sources @require them: once per distinct set and place in this answer
   * (see PerformanceAgentSetType), not once per record: a year by day would send the same agents 365 times.
   */
  @FieldResolver(() => PerformanceAgentSetType, {
    description: "The scope's agents for the other subgraphs, each distinct set sent once per fetch",
  })
  @Directive('@inaccessible')
  async agentSet(
    @Root() performance: StaffPerformanceType,
    @Ctx() ctx: SubgraphContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<PerformanceAgentSetType> {
    const agents = await this.agentsOf(ctx, performance);
    const id = agentSetId(agents);
    const sent = sentSets.get(ctx) ?? new Set<string>();
    sentSets.set(ctx, sent);
    const key = `${placeOf(info)}|${id}`;
    const first = !sent.has(key);
    sent.add(key);
    return Object.assign(new PerformanceAgentSetType(), {
      id,
      agents: first ? agents.map(toAgentType) : null,
    });
  }

  @FieldResolver(() => [StaffPerformanceType], {
    description:
      "Drill-down: a center's teams, a team's agents (on the period's last day), each over the same period",
  })
  async children(
    @Root() performance: StaffPerformanceType,
    @Ctx() ctx: SubgraphContext,
  ): Promise<StaffPerformanceType[]> {
    const { from, to } = performance;
    if (performance.scopeType === PerformanceScopeType.CENTER && isUuid(performance.scopeId)) {
      const scope = await ctx.scope();
      const teams = (await staffLoaders.teamsByCenter(ctx).load(performance.scopeId)).filter((team) =>
        scope.seesTeam(team.id),
      );
      return teams.map((team) => toStaffPerformance(PerformanceScopeType.TEAM, team.id, from, to));
    }
    if (performance.scopeType === PerformanceScopeType.TEAM) {
      const agents = await this.agentsOf(ctx, performance);
      return agents.map((agent) => toStaffPerformance(PerformanceScopeType.AGENT, agent.id, from, to));
    }
    return [];
  }

  @FieldResolver(() => [StaffPerformanceType], {
    description:
      "Every agent in the scope (a center's or team's members on the period's last day, or the agent) as " +
      'their own record over the same period',
  })
  async agentRecords(
    @Root() performance: StaffPerformanceType,
    @Ctx() ctx: SubgraphContext,
  ): Promise<StaffPerformanceType[]> {
    const { from, to } = performance;
    return (await this.agentsOf(ctx, performance)).map((agent) =>
      toStaffPerformance(PerformanceScopeType.AGENT, agent.id, from, to),
    );
  }

  @FieldResolver(() => [StaffPerformanceType], {
    description:
      "The scope's agents of the AGENT role (those who take contacts; not team leads, trainers or managers) " +
      'as their own records over the same period: what rankings are computed over',
  })
  async contactAgentRecords(
    @Root() performance: StaffPerformanceType,
    @Ctx() ctx: SubgraphContext,
  ): Promise<StaffPerformanceType[]> {
    const { from, to } = performance;
    return (await this.agentsOf(ctx, performance))
      .filter((agent) => agent.role === AgentRole.AGENT)
      .map((agent) => toStaffPerformance(PerformanceScopeType.AGENT, agent.id, from, to));
  }

  @FieldResolver(() => [PerformanceScopeRef], {
    description:
      "The scopes enclosing this one on the period's last day, innermost first (an agent's team, then its center)",
  })
  async ancestors(
    @Root() performance: StaffPerformanceType,
    @Ctx() ctx: SubgraphContext,
  ): Promise<PerformanceScopeRef[]> {
    const { scopeType, scopeId } = performance;
    if (!isUuid(scopeId)) return [];
    if (scopeType === PerformanceScopeType.AGENT && (await this.agent(performance, ctx)) === null) return [];
    const teamId =
      scopeType === PerformanceScopeType.AGENT
        ? await teamIdOn(ctx, scopeId, periodDay(performance))
        : scopeType === PerformanceScopeType.TEAM
          ? scopeId
          : null;
    if (!teamId) return [];
    const team = await staffLoaders.teamById(ctx).load(teamId);
    const chain =
      scopeType === PerformanceScopeType.AGENT ? [{ type: PerformanceScopeType.TEAM, id: teamId }] : [];
    if (team) chain.push({ type: PerformanceScopeType.CENTER, id: team.center.id });
    return chain.map((scope) => Object.assign(new PerformanceScopeRef(), scope));
  }

  @FieldResolver(() => String, { nullable: true, description: "The center's, team's or agent's name" })
  async name(@Root() performance: StaffPerformanceType, @Ctx() ctx: SubgraphContext): Promise<string | null> {
    return (
      (await this.center(performance, ctx))?.name ??
      (await this.team(performance, ctx))?.name ??
      (await this.agent(performance, ctx))?.displayName ??
      null
    );
  }

  @FieldResolver(() => CenterType, { nullable: true, description: 'The center, for a CENTER scope' })
  async center(
    @Root() performance: StaffPerformanceType,
    @Ctx() ctx: SubgraphContext,
  ): Promise<CenterType | null> {
    if (performance.scopeType !== PerformanceScopeType.CENTER || !isUuid(performance.scopeId)) return null;
    const center = await staffLoaders.centerById(ctx).load(performance.scopeId);
    return center ? toCenterType(center) : null;
  }

  @FieldResolver(() => TeamType, { nullable: true, description: 'The team, for a TEAM scope' })
  async team(
    @Root() performance: StaffPerformanceType,
    @Ctx() ctx: SubgraphContext,
  ): Promise<TeamType | null> {
    if (performance.scopeType !== PerformanceScopeType.TEAM || !isUuid(performance.scopeId)) return null;
    const team = await staffLoaders.teamById(ctx).load(performance.scopeId);
    return team ? toTeamType(team) : null;
  }

  @FieldResolver(() => AgentType, { nullable: true, description: 'The agent, for an AGENT scope' })
  async agent(
    @Root() performance: StaffPerformanceType,
    @Ctx() ctx: SubgraphContext,
  ): Promise<AgentType | null> {
    if (performance.scopeType !== PerformanceScopeType.AGENT || !isUuid(performance.scopeId)) return null;
    const agent = await staffLoaders.agentById(ctx).load(performance.scopeId);
    return agent && (await ctx.scope()).seesAgent(agent.employeeNo) ? toAgentType(agent) : null;
  }

  /** The scope's agents on the period's last day that the caller sees (all sources' parts build on them). */
  private async agentsOf(ctx: SubgraphContext, performance: StaffPerformanceType): Promise<Agent[]> {
    return seenAgents(await ctx.scope(), await this.membersOf(ctx, performance));
  }

  private async membersOf(ctx: SubgraphContext, performance: StaffPerformanceType): Promise<Agent[]> {
    const { scopeType, scopeId } = performance;
    if (!isUuid(scopeId)) return [];
    const day = periodDay(performance);
    switch (scopeType) {
      case PerformanceScopeType.CENTER:
        return staffLoaders.membersOfCenter(ctx, day).load(scopeId);
      case PerformanceScopeType.TEAM:
        return staffLoaders.membersOfTeam(ctx, day).load(scopeId);
      case PerformanceScopeType.AGENT: {
        const agent = await staffLoaders.agentById(ctx).load(scopeId);
        return agent ? [agent] : [];
      }
      case PerformanceScopeType.QUEUE:
        return [];
    }
  }
}
