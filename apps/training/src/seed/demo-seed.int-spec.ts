import { DEMO_COURSES, demoTraining } from '@switchboard/demo';
import { postGraphQL, startTestSubgraph, type TestSubgraph } from '@switchboard/testing';
import { Assignment } from '../assignment/assignment.entity';
import { ExamAttempt } from '../exam/exam-attempt.entity';
import { trainingSubgraph } from '../training.subgraph';
import { seedTrainingDemo } from './demo-seed';

describe('training demo seed', () => {
  let training: TestSubgraph;
  beforeAll(async () => {
    training = await startTestSubgraph(trainingSubgraph, { seedDemo: true });
  });
  afterAll(() => training.stop());

  it('stores the demo year once', async () => {
    const year = demoTraining();
    const em = training.orm.em.fork();
    expect(await em.count(Assignment)).toBe(year.assignments.length);
    expect(await em.count(ExamAttempt)).toBe(year.attempts.length);
    expect(await seedTrainingDemo(em)).toBe(false);
    const courses = await postGraphQL<{ courses: { code: string }[] }>(training.url, '{ courses { code } }');
    expect(courses.data?.courses.map((c) => c.code).sort()).toEqual(DEMO_COURSES.map((c) => c.code).sort());
  });

  it('answers the HR questions from it', async () => {
    const response = await postGraphQL<{
      overdueAssignments: unknown[];
      expiringCertifications: unknown[];
      onboardingProgress: { assigned: number }[];
    }>(
      training.url,
      `{ overdueAssignments { id } expiringCertifications(withinDays: 31) { id }
         onboardingProgress(assignedSince: "2000-01-01") { assigned } }`,
    );
    expect(response.errors).toBeUndefined();
    expect(response.data?.overdueAssignments.length).toBeGreaterThan(0);
    expect(response.data?.expiringCertifications.length).toBeGreaterThan(0);
    expect(response.data?.onboardingProgress.length).toBeGreaterThan(0);
  });
});
