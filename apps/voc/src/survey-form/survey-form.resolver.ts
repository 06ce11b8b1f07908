import { checkPageSize, isUuid, type SubgraphContext } from '@switchboard/subgraph-kit';
import { Arg, Ctx, ID, Int, Mutation, Query, Resolver } from 'type-graphql';
import {
  requireVocWriter,
  requireSurveyFormCenter,
  seesSurveyForm,
  visibleCenters,
} from '../access/voc-access';
import { CreateSurveyFormInput } from './survey-form.input';
import { surveyFormById } from './survey-form.loader';
import { toSurveyFormType } from './survey-form.mapper';
import { SurveyFormService } from './survey-form.service';
import { SurveyFormType } from './survey-form.type';

@Resolver(() => SurveyFormType)
export class SurveyFormResolver {
  @Query(() => SurveyFormType, {
    nullable: true,
    description: 'One survey form revision; null if unknown or not visible to you',
  })
  async surveyForm(
    @Arg('id', () => ID) id: string,
    @Ctx() ctx: SubgraphContext,
  ): Promise<SurveyFormType | null> {
    const row = isUuid(id) ? await surveyFormById(ctx).load(id) : null;
    return row && seesSurveyForm(await ctx.scope(), row) ? toSurveyFormType(row) : null;
  }

  @Query(() => [SurveyFormType], {
    description: 'The newest survey form revisions of the centers you see (every revision of `code` with it)',
  })
  async surveyForms(
    @Arg('centerId', () => ID, { nullable: true }) centerId: string | null,
    @Arg('code', () => String, { nullable: true }) code: string | null,
    @Arg('first', () => Int, { defaultValue: 50 }) first: number,
    @Ctx() ctx: SubgraphContext,
  ): Promise<SurveyFormType[]> {
    checkPageSize(first);
    if (centerId != null && !isUuid(centerId)) return []; // an id that cannot exist: nothing
    const rows = await new SurveyFormService(ctx.em).list(
      visibleCenters(await ctx.scope()),
      centerId ?? null,
      code ?? null,
      first,
    );
    return rows.map(toSurveyFormType);
  }

  @Mutation(() => SurveyFormType, {
    description:
      'Creates a survey form in a center you see: revision 1 of a new code, or the next revision of its code',
  })
  async createSurveyForm(
    @Arg('input', () => CreateSurveyFormInput) input: CreateSurveyFormInput,
    @Ctx() ctx: SubgraphContext,
  ): Promise<SurveyFormType> {
    requireVocWriter(ctx, 'createSurveyForm');
    await requireSurveyFormCenter(ctx, input.centerId, 'createSurveyForm');
    // the center is staff's: asked through the gateway before anything is written
    await ctx.requireReferences([{ kind: 'center', field: 'input.centerId', values: [input.centerId] }]);
    return toSurveyFormType(await new SurveyFormService(ctx.em).create(input, ctx.identity.subject));
  }
}
