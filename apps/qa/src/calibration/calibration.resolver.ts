import type { SubgraphContext } from '@switchboard/subgraph-kit';
import { actorOf, requireQaWriterFor, visibleAgentsJson } from '../access/qa-access';
import type DataLoader from 'dataloader';
import { DateTimeISOResolver } from 'graphql-scalars';
import { Arg, Ctx, FieldResolver, Float, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { CalibrationSession } from './calibration-session.entity';
import { CreateCalibrationSessionInput } from './calibration.input';
import { CalibrationService, type CalibrationResult } from './calibration.service';
import { CalibrationResultType, CalibrationSessionType, EvaluatorCalibrationType } from './calibration.type';

const resultsOfSession = (ctx: SubgraphContext): DataLoader<string, CalibrationResult[]> =>
  ctx.loaders.get('calibrationResults', async (ids: readonly string[]) => {
    const results = await new CalibrationService(ctx.em).results(ids);
    return ids.map((id) => results.get(id) ?? []);
  });

function toSessionType(session: CalibrationSession): CalibrationSessionType {
  return Object.assign(new CalibrationSessionType(), {
    id: session.id,
    scorecardId: session.scorecard.id,
    contact: { source: session.contactSource, externalId: session.contactExternalId },
    agent: { employeeNo: session.agentEmployeeNo },
    calibratorEmployeeNo: session.calibratorEmployeeNo,
    createdAt: session.createdAt,
  });
}

@Resolver(() => CalibrationSessionType)
export class CalibrationResolver {
  @Query(() => CalibrationSessionType, { nullable: true })
  async calibrationSession(
    @Arg('id', () => ID) id: string,
    @Ctx() ctx: SubgraphContext,
  ): Promise<CalibrationSessionType | null> {
    const [scope, session] = await Promise.all([ctx.scope(), new CalibrationService(ctx.em).get(id)]);
    if (!session) return null;
    scope.requireAgent(session.agentEmployeeNo, 'calibrationSession');
    return toSessionType(session);
  }

  @Query(() => [CalibrationSessionType], {
    description: 'Sessions created in a period (from inclusive, to exclusive)',
  })
  async calibrationSessions(
    @Arg('from', () => DateTimeISOResolver) from: Date,
    @Arg('to', () => DateTimeISOResolver) to: Date,
    @Ctx() ctx: SubgraphContext,
  ): Promise<CalibrationSessionType[]> {
    const visible = (await ctx.scope()).employeeNos;
    return (await new CalibrationService(ctx.em).list(from, to, visible)).map(toSessionType);
  }

  @Query(() => [EvaluatorCalibrationType], {
    description:
      'Mean absolute deviation from the reference per evaluator, worst first; drifting above the threshold',
  })
  async calibrationReport(
    @Arg('from', () => DateTimeISOResolver) from: Date,
    @Arg('to', () => DateTimeISOResolver) to: Date,
    @Arg('driftThreshold', () => Float, { defaultValue: 10, description: 'Percentage points' })
    driftThreshold: number,
    @Ctx() ctx: SubgraphContext,
  ): Promise<EvaluatorCalibrationType[]> {
    const visible = await visibleAgentsJson(ctx);
    return (await new CalibrationService(ctx.em).report(from, to, driftThreshold, visible)).map((r) =>
      Object.assign(new EvaluatorCalibrationType(), r),
    );
  }

  @FieldResolver(() => Float, { nullable: true })
  async referenceScore(
    @Root() session: CalibrationSessionType,
    @Ctx() ctx: SubgraphContext,
  ): Promise<number | null> {
    const results = await resultsOfSession(ctx).load(session.id);
    return results.find((r) => r.reference)?.score ?? null;
  }

  @FieldResolver(() => [CalibrationResultType])
  async results(
    @Root() session: CalibrationSessionType,
    @Ctx() ctx: SubgraphContext,
  ): Promise<CalibrationResultType[]> {
    return (await resultsOfSession(ctx).load(session.id)).map((r) =>
      Object.assign(new CalibrationResultType(), r),
    );
  }

  @Mutation(() => CalibrationSessionType, {
    description:
      'A calibration session: a DRAFT evaluation for the calibrator and each evaluator, scored as usual; the evaluated agent takes no part',
  })
  async createCalibrationSession(
    @Arg('input', () => CreateCalibrationSessionInput) input: CreateCalibrationSessionInput,
    @Ctx() ctx: SubgraphContext,
  ): Promise<CalibrationSessionType> {
    await requireQaWriterFor(ctx, [input.agentEmployeeNo], 'createCalibrationSession');
    return toSessionType(await new CalibrationService(ctx.em).create(input, actorOf(ctx)));
  }
}
