import { resolve } from 'node:path';
import {
  buildFederatedSchema,
  type FederatedSchema,
  type SubgraphContext,
  type SubgraphDefinition,
} from '@switchboard/subgraph-kit';
import { SurveyForm } from './survey-form/survey-form.entity';
import { SurveyInvitation } from './survey/survey-invitation.entity';
import { SurveyResponse } from './survey/survey-response.entity';
import { VerbatimAccess } from './survey/verbatim-access.entity';
import { SurveyVerbatimResolver } from './survey/survey-verbatim.resolver';
import { SurveyResolver } from './survey/survey.resolver';
import { Feedback } from './feedback/feedback.entity';
import { FeedbackRuleSet } from './feedback-rules/feedback-rule-set.entity';
import { FeedbackRuleSetResolver } from './feedback-rules/feedback-rule-set.resolver';
import { ImprovementEvidence, ImprovementItem } from './improvement/improvement-item.entity';
import { ImprovementItemResolver } from './improvement/improvement-item.resolver';
import { VocViewResolver } from './feedback/voc-view.resolver';
import { SurveyRollup } from './rollup/survey-rollup.entity';
import { SurveyStatsResolver } from './stats/survey-stats.resolver';
import { surveyImportRoute } from './survey/survey.route';
import { surveyFormById } from './survey-form/survey-form.loader';
import { toSurveyFormType } from './survey-form/survey-form.mapper';
import { SurveyFormResolver } from './survey-form/survey-form.resolver';
import type { SurveyFormType } from './survey-form/survey-form.type';
import { seesSurveyForm } from './access/voc-access';
import { vocMigrations } from './migrations';
import { VoicePerformanceResolver, vocPerformanceFromReference } from './extends/performance/voice.resolver';
import { VocPerformanceType } from './extends/performance/voice.type';
import { seedVocDemo } from './seed/demo-seed';
import { ServiceRecoveryRequest } from './service-recovery/service-recovery.entity';
import { startVocJobs } from './voc.jobs';
import { SERIALIZED_STATS_TYPES } from './stats/survey-stats.type';

export const VOC_SUBGRAPH = 'voc';

export const vocDatabase = {
  entities: [
    SurveyForm,
    SurveyInvitation,
    SurveyResponse,
    SurveyRollup,
    Feedback,
    FeedbackRuleSet,
    ImprovementItem,
    ImprovementEvidence,
    ServiceRecoveryRequest,
    VerbatimAccess,
  ],
  migrations: vocMigrations,
  migrationsPath: resolve(__dirname, 'migrations'),
  snapshotName: '.snapshot-voc',
};

export function buildVocSchema(): Promise<FederatedSchema> {
  return buildFederatedSchema({
    resolvers: [
      SurveyFormResolver,
      SurveyResolver,
      SurveyStatsResolver,
      VoicePerformanceResolver,
      VocViewResolver,
      ImprovementItemResolver,
      FeedbackRuleSetResolver,
      SurveyVerbatimResolver,
    ],
    // kpi's Performance is reached only through _entities: listed so it is in the schema
    orphanedTypes: [VocPerformanceType],
    referenceResolvers: {
      Performance: { __resolveReference: vocPerformanceFromReference },
      SurveyForm: {
        // outside the caller's scope: null, as for an unknown id
        __resolveReference: async (
          ref: { id: string },
          ctx: SubgraphContext,
        ): Promise<SurveyFormType | null> => {
          const row = await surveyFormById(ctx).load(ref.id);
          return row && seesSurveyForm(await ctx.scope(), row) ? toSurveyFormType(row) : null;
        },
      },
    },
  });
}

export const vocSubgraph: SubgraphDefinition = {
  name: VOC_SUBGRAPH,
  database: vocDatabase,
  buildSchema: buildVocSchema,
  seedDemo: seedVocDemo,
  background: startVocJobs,
  routes: surveyImportRoute,
  // surveyStats answers thousands of rows (a year by agent and month: 12,000): run compiled
  compiledQueries: true,
  // ... and copies its stats' leaves as they are (the figures are finite numbers or null)
  serializedTypes: SERIALIZED_STATS_TYPES,
};
