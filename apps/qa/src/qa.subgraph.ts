import { resolve } from 'node:path';
import {
  buildFederatedSchema,
  type FederatedSchema,
  type SubgraphDefinition,
} from '@switchboard/subgraph-kit';
import { CalibrationSession } from './calibration/calibration-session.entity';
import { CalibrationResolver } from './calibration/calibration.resolver';
import { Evaluation } from './evaluation/evaluation.entity';
import { EvaluationResolver } from './evaluation/evaluation.resolver';
import { qaMigrations } from './migrations';
import { QaPerformanceResolver } from './performance/performance.resolver';
import { QaPerformanceType } from './performance/performance.type';
import { qaReferenceResolvers } from './qa.references';
import { SampledContact, SamplingAssignment, SamplingPlan } from './sampling/sampling-plan.entity';
import { SamplingResolver } from './sampling/sampling.resolver';
import { Scorecard } from './scorecard/scorecard.entity';
import { ScorecardResolver } from './scorecard/scorecard.resolver';
import { seedQaDemo } from './seed/demo-seed';
import {
  AgentQaResolver,
  CenterQaResolver,
  CenterQaType,
  TeamQaResolver,
  TeamQaType,
} from './summary/qa-summary.resolver';

export const QA_SUBGRAPH = 'qa';

export const qaDatabase = {
  entities: [Scorecard, Evaluation, CalibrationSession, SamplingPlan, SamplingAssignment, SampledContact],
  migrations: qaMigrations,
  migrationsPath: resolve(__dirname, 'migrations'),
  snapshotName: '.snapshot-qa',
};

export function buildQaSchema(): Promise<FederatedSchema> {
  return buildFederatedSchema({
    resolvers: [
      ScorecardResolver,
      EvaluationResolver,
      CalibrationResolver,
      SamplingResolver,
      AgentQaResolver,
      TeamQaResolver,
      CenterQaResolver,
      QaPerformanceResolver,
    ],
    // Staff's Team and Center and kpi's Performance are reached only through _entities: listed so
    // they are in the schema.
    orphanedTypes: [TeamQaType, CenterQaType, QaPerformanceType],
    referenceResolvers: qaReferenceResolvers,
  });
}

export const qaSubgraph: SubgraphDefinition = {
  name: QA_SUBGRAPH,
  database: qaDatabase,
  buildSchema: buildQaSchema,
  seedDemo: seedQaDemo,
};
