import { byKeys, isUuid, type SubgraphContext } from '@switchboard/subgraph-kit';
import type DataLoader from 'dataloader';
import { SurveyForm } from './survey-form.entity';

/** SurveyForms by id, one query per batch (reference resolvers and lookups). */
export function surveyFormById(ctx: SubgraphContext): DataLoader<string, SurveyForm | null> {
  return ctx.loaders.get('surveyFormById', async (ids: readonly string[]) =>
    byKeys(
      ids.map((id) => id.toLowerCase()),
      await ctx.em.find(SurveyForm, { id: { $in: ids.filter(isUuid).map((id) => id.toLowerCase()) } }),
      (row) => row.id,
    ),
  );
}
