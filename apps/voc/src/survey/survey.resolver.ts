import type { FilterQuery } from '@mikro-orm/core';
import { hasRole } from '@switchboard/auth';
import { checkPageSize, isUuid, type SubgraphContext } from '@switchboard/subgraph-kit';
import { Arg, Args, Ctx, ID, Int, Mutation, Query, Resolver } from 'type-graphql';
import {
  requireSurveyFormCenter,
  requireVocWriter,
  VERBATIM_READERS,
  visibleCenters,
} from '../access/voc-access';
import { reportSurveyBatch } from './survey-batch';
import { SurveyCorrectionService, type SurveyResponseChange } from './survey-correction.service';
import { SurveyImportService } from './survey-import.service';
import { SurveyInvitation } from './survey-invitation.entity';
import { SurveyResponse } from './survey-response.entity';
import { ImportSurveysArgs, SurveyImportReportType, SurveyResponseType } from './survey.type';

@Resolver()
export class SurveyResolver {
  @Mutation(() => SurveyImportReportType, {
    description:
      "Imports a survey platform's rows for a center you see: idempotent by invitation key, bad rows reported with their reason",
  })
  async importSurveys(
    @Args(() => ImportSurveysArgs) args: ImportSurveysArgs,
    @Ctx() ctx: SubgraphContext,
  ): Promise<SurveyImportReportType> {
    requireVocWriter(ctx, 'importSurveys');
    await requireSurveyFormCenter(ctx, args.centerId, 'importSurveys');
    const rows = args.rows.map((r, i) => ({
      row: i + 1,
      invitationKey: r.invitationKey,
      formCode: r.formCode,
      formRevision: r.formRevision ?? null,
      contactSource: r.contactSource,
      contactExternalId: r.contactExternalId,
      sentAt: r.sentAt,
      status: r.status,
      answeredAt: r.answeredAt ?? null,
      score: r.score ?? null,
      verbatim: r.verbatim ?? null,
    }));
    const report = await new SurveyImportService(ctx.em).import(args.centerId, rows);
    await reportSurveyBatch(
      args.centerId,
      rows,
      { read: rows.length, problems: report.problems },
      ctx.logger,
    );
    return Object.assign(new SurveyImportReportType(), report);
  }

  @Query(() => [SurveyResponseType], {
    description:
      'Survey responses of the centers you see whose contact arrived in [from, to), newest first; verbatims only for CASE_HANDLER, VOC_ANALYST, QA_EVALUATOR and ADMIN',
  })
  async surveyResponses(
    @Arg('from', () => Date) from: Date,
    @Arg('to', () => Date) to: Date,
    @Arg('centerId', () => ID, { nullable: true }) centerId: string | null,
    @Arg('first', () => Int, { defaultValue: 50 }) first: number,
    @Ctx() ctx: SubgraphContext,
  ): Promise<SurveyResponseType[]> {
    checkPageSize(first);
    if (centerId != null && !isUuid(centerId)) return [];
    const centers = visibleCenters(await ctx.scope());
    // a withdrawn response counts nowhere and is not listed
    const where: FilterQuery<SurveyResponse> = {
      contactArrivedAt: { $gte: from, $lt: to },
      withdrawnAt: null,
    };
    if (centers) where.centerId = { $in: centers };
    if (centerId) where.$and = [{ centerId: centerId.toLowerCase() }];
    const rows = await ctx.em.find(SurveyResponse, where, {
      orderBy: { contactArrivedAt: 'desc', id: 'desc' },
      limit: first,
    });
    const invitations = new Map(
      (await ctx.em.find(SurveyInvitation, { id: { $in: rows.map((r) => r.invitationId) } })).map((i) => [
        i.id,
        i,
      ]),
    );
    return rows.map((r) => toResponseType(ctx, r, invitations.get(r.invitationId)!));
  }

  @Mutation(() => SurveyResponseType, {
    description:
      "Corrects a response's score (on its form's scale) with a reason, in a center you see: every survey figure moves with it (the old answer subtracted, the new one counted); a re-import of the original row leaves it as corrected",
  })
  async correctSurveyResponse(
    @Arg('id', () => ID) id: string,
    @Arg('score', () => Int) score: number,
    @Arg('reason', () => String) reason: string,
    @Ctx() ctx: SubgraphContext,
  ): Promise<SurveyResponseType> {
    return this.change(ctx, 'correctSurveyResponse', id, { kind: 'CORRECT', score }, reason);
  }

  @Mutation(() => SurveyResponseType, {
    description:
      'Withdraws a response with a reason, in a center you see: it is kept but counts nowhere any more (its invitation stays FINISHED); withdrawing it again changes nothing',
  })
  async withdrawSurveyResponse(
    @Arg('id', () => ID) id: string,
    @Arg('reason', () => String) reason: string,
    @Ctx() ctx: SubgraphContext,
  ): Promise<SurveyResponseType> {
    return this.change(ctx, 'withdrawSurveyResponse', id, { kind: 'WITHDRAW' }, reason);
  }

  private async change(
    ctx: SubgraphContext,
    action: string,
    id: string,
    change: SurveyResponseChange,
    reason: string,
  ): Promise<SurveyResponseType> {
    requireVocWriter(ctx, action);
    const scope = await ctx.scope();
    const { response, invitation } = await new SurveyCorrectionService(ctx.em).change(
      id,
      change,
      reason,
      ctx.identity.subject,
      { action, all: scope.all, sees: (centerId) => scope.all || scope.seesCenter(centerId) },
    );
    return toResponseType(ctx, response, invitation);
  }
}

/** A response as the API gives it: the verbatim only for VERBATIM_READERS (its read audit-logged). */
function toResponseType(
  ctx: SubgraphContext,
  r: SurveyResponse,
  invitation: SurveyInvitation,
): SurveyResponseType {
  return Object.assign(new SurveyResponseType(), {
    id: r.id,
    invitationKey: invitation.invitationKey,
    kind: r.kind,
    score: r.score,
    verbatim: hasRole(ctx.identity, ...VERBATIM_READERS) ? r.verbatim : null,
    answeredAt: r.answeredAt,
    centerId: r.centerId,
    agentEmployeeNo: r.agentEmployeeNo,
    queueCode: r.queueCode,
    contactArrivedAt: r.contactArrivedAt,
    contactSource: invitation.contactSource,
    contactExternalId: invitation.contactExternalId,
  });
}
