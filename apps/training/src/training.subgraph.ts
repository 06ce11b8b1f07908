import { resolve } from 'node:path';
import {
  buildFederatedSchema,
  type FederatedSchema,
  type SubgraphDefinition,
} from '@switchboard/subgraph-kit';
import { Assignment } from './assignment/assignment.entity';
import { AssignmentResolver } from './assignment/assignment.resolver';
import { AssignmentFollowUpResolver } from './follow-up/assignment-follow-up.resolver';
import { Certification } from './certification/certification.entity';
import { CertificationResolver } from './certification/certification.resolver';
import { Course } from './course/course.entity';
import { CourseResolver } from './course/course.resolver';
import { ExamAttempt } from './exam/exam-attempt.entity';
import { Exam } from './exam/exam.entity';
import { ExamAttemptResolver, ExamResolver } from './exam/exam.resolver';
import {
  AgentTrainingRecordResolver,
  AgentTrainingResolver,
} from './extends/training/agent-training.resolver';
import { CenterTrainingResolver, TeamTrainingResolver } from './extends/training/group-training.resolver';
import { CenterTrainingType, TeamTrainingType } from './extends/training/group-training.type';
import { CoursePassRateResolver, HrResolver, OnboardingProgressResolver } from './hr/hr.resolver';
import { LmsImportResolver } from './lms-import/lms-import.resolver';
import { trainingMigrations } from './migrations';
import { TrainingPerformanceResolver } from './extends/performance/performance.resolver';
import { TrainingPerformanceType } from './extends/performance/performance.type';
import { seedTrainingDemo } from './seed/demo-seed';
import { trainingReferenceResolvers } from './training.references';
import { lmsImportRoute } from './lms-import/lms-import.route';

export const TRAINING_SUBGRAPH = 'training';

export const trainingDatabase = {
  entities: [Course, Exam, ExamAttempt, Assignment, Certification],
  migrations: trainingMigrations,
  migrationsPath: resolve(__dirname, 'migrations'),
  snapshotName: '.snapshot-training',
};

export function buildTrainingSchema(): Promise<FederatedSchema> {
  return buildFederatedSchema({
    resolvers: [
      CourseResolver,
      ExamResolver,
      ExamAttemptResolver,
      AssignmentResolver,
      AssignmentFollowUpResolver,
      CertificationResolver,
      AgentTrainingResolver,
      AgentTrainingRecordResolver,
      TeamTrainingResolver,
      CenterTrainingResolver,
      HrResolver,
      CoursePassRateResolver,
      OnboardingProgressResolver,
      LmsImportResolver,
      TrainingPerformanceResolver,
    ],
    // Staff's Team and Center and kpi's Performance are extended here but reached from no training query.
    orphanedTypes: [TeamTrainingType, CenterTrainingType, TrainingPerformanceType],
    referenceResolvers: trainingReferenceResolvers,
  });
}

export const trainingSubgraph: SubgraphDefinition = {
  name: TRAINING_SUBGRAPH,
  database: trainingDatabase,
  buildSchema: buildTrainingSchema,
  seedDemo: seedTrainingDemo,
  routes: lmsImportRoute,
};
