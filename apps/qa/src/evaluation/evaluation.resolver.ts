import { byKeys, type SubgraphContext } from '@switchboard/subgraph-kit';
import {
  actorOf,
  evaluatedAgentGuard,
  evaluatorOf,
  requireQaWriter,
  requireQaWriterFor,
} from '../access/qa-access';
import type DataLoader from 'dataloader';
import { Length } from 'class-validator';
import {
  Arg,
  Args,
  ArgsType,
  Ctx,
  Field,
  FieldResolver,
  ID,
  Int,
  Mutation,
  Query,
  Resolver,
  Root,
} from 'type-graphql';
import { toScorecardType } from '../scorecard/scorecard.mapper';
import { scorecardById } from '../scorecard/scorecard.resolver';
import { ScorecardType } from '../scorecard/scorecard.type';
import type { Evaluation } from './evaluation.entity';
import {
  CreateEvaluationInput,
  EvaluationFilter,
  ResolveDisputeInput,
  UpdateEvaluationInput,
} from './evaluation.input';
import { toEvaluationType } from './evaluation.mapper';
import { EvaluationService } from './evaluation.service';
import { EvaluationPageType, EvaluationType } from './evaluation.type';

export const evaluationById = (ctx: SubgraphContext): DataLoader<string, Evaluation | null> =>
  ctx.loaders.get('evaluationById', async (ids: readonly string[]) =>
    byKeys(ids, await new EvaluationService(ctx.em).findByIds(ids), (e) => e.id),
  );

/** An evaluation by id for a reference: null when unknown or outside the caller's scope. */
export async function visibleEvaluation(ctx: SubgraphContext, id: string): Promise<Evaluation | null> {
  const [scope, evaluation] = await Promise.all([ctx.scope(), evaluationById(ctx).load(id)]);
  return evaluation && scope.seesAgent(evaluation.agentEmployeeNo) ? evaluation : null;
}

/**
 * A workflow step's service: the caller must write QA and see the evaluation's agent; a restricted
 * caller is refused alike for a missing evaluation (see DataScope.requireRecordOf).
 */
async function stepService(ctx: SubgraphContext, action: string): Promise<EvaluationService> {
  requireQaWriter(ctx, action);
  const scope = await ctx.scope();
  return new EvaluationService(ctx.em, (e) => scope.requireRecordOf(e?.agentEmployeeNo ?? null, action));
}

@ArgsType()
class DisputeArgs {
  @Field(() => ID) id!: string;
  @Field(() => String, { description: 'The evaluated agent' }) employeeNo!: string;
  @Field(() => String) @Length(1, 4000) reason!: string;
}

@Resolver(() => EvaluationType)
export class EvaluationResolver {
  @Query(() => EvaluationType, { nullable: true })
  async evaluation(
    @Arg('id', () => ID) id: string,
    @Ctx() ctx: SubgraphContext,
  ): Promise<EvaluationType | null> {
    const [scope, evaluation] = await Promise.all([ctx.scope(), evaluationById(ctx).load(id)]);
    if (!evaluation) return null;
    scope.requireAgent(evaluation.agentEmployeeNo, 'evaluation');
    return toEvaluationType(evaluation);
  }

  // Nullable (a compatible change) so that through the gateway a QA outage blanks this field, not
  // the whole answer of a page that also asks other subgraphs.
  @Query(() => EvaluationPageType, {
    nullable: true,
    description: 'Evaluations, newest first (null only when the QA service did not answer the gateway)',
  })
  async evaluations(
    @Arg('filter', () => EvaluationFilter, { nullable: true }) filter: EvaluationFilter | null,
    @Arg('first', () => Int, { defaultValue: 50 }) first: number,
    @Arg('after', () => String, { nullable: true }) after: string | null,
    @Ctx() ctx: SubgraphContext,
  ): Promise<EvaluationPageType> {
    const visible = (await ctx.scope()).employeeNos;
    const page = await new EvaluationService(ctx.em).list(filter ?? {}, first, after, visible);
    return Object.assign(new EvaluationPageType(), { ...page, nodes: page.nodes.map(toEvaluationType) });
  }

  @FieldResolver(() => ScorecardType, { description: 'The scorecard version it was scored on' })
  async scorecard(@Root() evaluation: EvaluationType, @Ctx() ctx: SubgraphContext): Promise<ScorecardType> {
    const scorecard = await scorecardById(ctx).load(evaluation.scorecardId);
    if (!scorecard) throw new Error(`evaluation ${evaluation.id} has no scorecard`);
    return toScorecardType(scorecard);
  }

  @Mutation(() => EvaluationType, {
    description:
      'A DRAFT evaluation, by the caller, of a contact traffic holds that the agent handled, on a published scorecard version',
  })
  async createEvaluation(
    @Arg('input', () => CreateEvaluationInput) input: CreateEvaluationInput,
    @Ctx() ctx: SubgraphContext,
  ): Promise<EvaluationType> {
    await requireQaWriterFor(ctx, [input.agentEmployeeNo], 'createEvaluation');
    const evaluator = evaluatorOf(ctx, input.evaluatorEmployeeNo, 'createEvaluation');
    return toEvaluationType(await new EvaluationService(ctx.em).create(input, evaluator, actorOf(ctx)));
  }

  @Mutation(() => EvaluationType, {
    description: "Changes a DRAFT's answers or comment (its evaluator's own)",
  })
  async updateEvaluation(
    @Arg('id', () => ID) id: string,
    @Arg('input', () => UpdateEvaluationInput) input: UpdateEvaluationInput,
    @Ctx() ctx: SubgraphContext,
  ): Promise<EvaluationType> {
    return toEvaluationType(
      await (await stepService(ctx, 'updateEvaluation')).update(id, input, actorOf(ctx)),
    );
  }

  @Mutation(() => EvaluationType, {
    description: 'DRAFT -> SUBMITTED; every criterion answered; scores computed',
  })
  async submitEvaluation(
    @Arg('id', () => ID) id: string,
    @Ctx() ctx: SubgraphContext,
  ): Promise<EvaluationType> {
    return toEvaluationType(await (await stepService(ctx, 'submitEvaluation')).submit(id, actorOf(ctx)));
  }

  @Mutation(() => EvaluationType, { description: 'SUBMITTED -> ACKNOWLEDGED, by the evaluated agent' })
  async acknowledgeEvaluation(
    @Arg('id', () => ID) id: string,
    @Arg('employeeNo', () => String, { description: 'The evaluated agent' }) employeeNo: string,
    @Ctx() ctx: SubgraphContext,
  ): Promise<EvaluationType> {
    const guard = evaluatedAgentGuard(ctx, employeeNo, 'acknowledgeEvaluation');
    return toEvaluationType(await new EvaluationService(ctx.em, guard).acknowledge(id));
  }

  @Mutation(() => EvaluationType, {
    description: 'SUBMITTED -> DISPUTED, by the evaluated agent, with a reason',
  })
  async disputeEvaluation(
    @Args(() => DisputeArgs) args: DisputeArgs,
    @Ctx() ctx: SubgraphContext,
  ): Promise<EvaluationType> {
    const guard = evaluatedAgentGuard(ctx, args.employeeNo, 'disputeEvaluation');
    return toEvaluationType(await new EvaluationService(ctx.em, guard).dispute(args.id, args.reason));
  }

  @Mutation(() => EvaluationType, {
    description:
      'DISPUTED -> RESOLVED: upheld, or re-scored with new answers; by someone other than its evaluator',
  })
  async resolveDispute(
    @Arg('id', () => ID) id: string,
    @Arg('input', () => ResolveDisputeInput) input: ResolveDisputeInput,
    @Ctx() ctx: SubgraphContext,
  ): Promise<EvaluationType> {
    return toEvaluationType(
      await (await stepService(ctx, 'resolveDispute')).resolve(id, input, actorOf(ctx)),
    );
  }
}
