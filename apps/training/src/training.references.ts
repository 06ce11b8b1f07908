import type { SubgraphContext } from '@switchboard/subgraph-kit';
import { toCertificationType } from './certification/certification.mapper';
import type { CertificationType } from './certification/certification.type';
import { certificationById, courseById, examById } from './training.loaders';
import { toCourseType } from './course/course.mapper';
import type { CourseType } from './course/course.type';
import { toExamType } from './exam/exam.mapper';
import type { ExamType } from './exam/exam.type';
import { AgentTrainingType } from './extends/training/agent-training.type';
import { CenterTrainingType, TeamTrainingType } from './extends/training/group-training.type';
import { trainingPerformanceFromReference } from './extends/performance/performance.resolver';

type Representation<T> = Partial<T> & { id: string };

/** Reference resolvers, batched through the request's loaders (one statement per batch). */
export const trainingReferenceResolvers = {
  Course: {
    __resolveReference: async (ref: { id: string }, ctx: SubgraphContext): Promise<CourseType | null> => {
      const course = await courseById(ctx).load(ref.id);
      return course ? toCourseType(course) : null;
    },
  },
  Exam: {
    __resolveReference: async (ref: { id: string }, ctx: SubgraphContext): Promise<ExamType | null> => {
      const exam = await examById(ctx).load(ref.id);
      return exam ? toExamType(exam) : null;
    },
  },
  Certification: {
    __resolveReference: async (
      ref: { id: string },
      ctx: SubgraphContext,
    ): Promise<CertificationType | null> => {
      const certification = await certificationById(ctx).load(ref.id);
      // another agent's certification: null, as for an unknown id
      return certification && (await ctx.scope()).seesAgent(certification.employeeNo)
        ? toCertificationType(certification)
        : null;
    },
  },
  // Any employee number may have training (possibly none): the fields are computed, nothing to look up.
  Agent: {
    __resolveReference: (ref: Partial<AgentTrainingType> & { employeeNo: string }): AgentTrainingType =>
      Object.assign(new AgentTrainingType(), ref),
  },
  // Teams and centers carry their agents (from staff, @requires); the summary is computed from them.
  Team: {
    __resolveReference: (ref: Representation<TeamTrainingType>): TeamTrainingType =>
      Object.assign(new TeamTrainingType(), ref),
  },
  Center: {
    __resolveReference: (ref: Representation<CenterTrainingType>): CenterTrainingType =>
      Object.assign(new CenterTrainingType(), ref),
  },
  // The key and staff's agents (@requires) are all the training part needs.
  Performance: { __resolveReference: trainingPerformanceFromReference },
};
