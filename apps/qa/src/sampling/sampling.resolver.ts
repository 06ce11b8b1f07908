import { groupByKeys, type SubgraphContext } from '@switchboard/subgraph-kit';
import { requireQaWriter, requireQaWriterFor, visibleAgentsJson } from '../access/qa-access';
import { DateTimeISOResolver } from 'graphql-scalars';
import { Arg, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { SamplingPlan } from './sampling-plan.entity';
import { CreateSamplingPlanInput } from './sampling.input';
import { SamplingService, type SampledContactView } from './sampling.service';
import {
  AgentSamplingDueType,
  SampleDrawType,
  SampledContactType,
  SamplingAssignmentType,
  SamplingPlanType,
  EvaluatorWorkloadType,
} from './sampling.type';

function toPlanType(plan: SamplingPlan): SamplingPlanType {
  return Object.assign(new SamplingPlanType(), {
    id: plan.id,
    code: plan.code,
    name: plan.name,
    period: plan.period,
    evaluationsPerAgent: plan.evaluationsPerAgent,
    seed: plan.seed,
    queueCodes: plan.queueCodes,
    channels: plan.channels,
  });
}

function toSampledType(s: SampledContactView): SampledContactType {
  return Object.assign(new SampledContactType(), {
    contact: { source: s.contactSource, externalId: s.contactExternalId },
    agent: { employeeNo: s.agentEmployeeNo },
    evaluatorEmployeeNo: s.evaluatorEmployeeNo,
    draw: s.draw,
    arrivedAt: s.arrivedAt,
    evaluationId: s.evaluationId,
  });
}

@Resolver(() => SamplingPlanType)
export class SamplingResolver {
  @Query(() => [SamplingPlanType])
  async samplingPlans(@Ctx() ctx: SubgraphContext): Promise<SamplingPlanType[]> {
    return (await new SamplingService(ctx.em).list()).map(toPlanType);
  }

  @FieldResolver(() => [SamplingAssignmentType])
  async assignments(
    @Root() plan: SamplingPlanType,
    @Ctx() ctx: SubgraphContext,
  ): Promise<SamplingAssignmentType[]> {
    const loader = ctx.loaders.get('assignmentsOfPlan', async (ids: readonly string[]) => {
      const visible = (await ctx.scope()).employeeNos;
      return groupByKeys(
        ids,
        await new SamplingService(ctx.em).assignmentsOf(ids, visible),
        (a) => a.plan.id,
      );
    });
    const byEvaluator = new Map<string, string[]>();
    for (const a of await loader.load(plan.id))
      byEvaluator.set(a.evaluatorEmployeeNo, [
        ...(byEvaluator.get(a.evaluatorEmployeeNo) ?? []),
        a.agentEmployeeNo,
      ]);
    return [...byEvaluator.entries()].map(([evaluatorEmployeeNo, agentEmployeeNos]) =>
      Object.assign(new SamplingAssignmentType(), { evaluatorEmployeeNo, agentEmployeeNos }),
    );
  }

  @Query(() => [EvaluatorWorkloadType], {
    description: 'What each evaluator (or one) still owes in the period containing `at` (default now)',
  })
  async evaluatorWorkload(
    @Arg('planId', () => ID) planId: string,
    @Arg('at', () => DateTimeISOResolver, { nullable: true }) at: Date | null,
    @Arg('evaluatorEmployeeNo', () => String, { nullable: true }) evaluatorEmployeeNo: string | null,
    @Ctx() ctx: SubgraphContext,
  ): Promise<EvaluatorWorkloadType[]> {
    const workloads = await new SamplingService(ctx.em).workload(
      planId,
      at ?? new Date(),
      evaluatorEmployeeNo,
      await visibleAgentsJson(ctx),
    );
    return workloads.map((w) =>
      Object.assign(new EvaluatorWorkloadType(), {
        ...w,
        agents: w.agents.map((a) =>
          Object.assign(new AgentSamplingDueType(), { ...a, agent: { employeeNo: a.agentEmployeeNo } }),
        ),
        pending: w.pending.map(toSampledType),
      }),
    );
  }

  @Mutation(() => SamplingPlanType)
  async createSamplingPlan(
    @Arg('input', () => CreateSamplingPlanInput) input: CreateSamplingPlanInput,
    @Ctx() ctx: SubgraphContext,
  ): Promise<SamplingPlanType> {
    const agents = input.assignments.flatMap((a) => a.agentEmployeeNos);
    await requireQaWriterFor(ctx, agents, 'createSamplingPlan');
    return toPlanType(await new SamplingService(ctx.em).create(input));
  }

  @Mutation(() => SampleDrawType, {
    description:
      "Draws the period's contacts (containing `at`, default now) from traffic, reproducibly, and keeps them; " +
      'calling again tops up agents with fewer than N',
  })
  async drawSample(
    @Arg('planId', () => ID) planId: string,
    @Arg('at', () => DateTimeISOResolver, { nullable: true }) at: Date | null,
    @Ctx() ctx: SubgraphContext,
  ): Promise<SampleDrawType> {
    requireQaWriter(ctx, 'drawSample');
    const service = new SamplingService(ctx.em);
    const scope = await ctx.scope();
    // A writer limited to some centers or teams draws the plan's agents they see, and only those
    // (each agent's draw is ranked by its own hash, so a part drawn now is what a whole draw would
    // give); a plan with none of theirs is refused alike for one that does not exist
    // (DataScope.requireRecordOf).
    let onlyAgents: string[] | null = null;
    if (!scope.all) {
      const plan = await service.find(planId);
      onlyAgents = plan
        ? (await service.assignmentsOf([plan.id]))
            .map((a) => a.agentEmployeeNo)
            .filter((agent) => scope.seesAgent(agent))
        : [];
      if (onlyAgents.length === 0) scope.requireRecordOf(null, 'drawSample');
    }
    const draw = await service.draw(planId, at ?? new Date(), onlyAgents);
    return Object.assign(new SampleDrawType(), {
      periodStart: draw.period.start,
      added: draw.added,
      contacts: draw.contacts.map(toSampledType),
    });
  }
}
