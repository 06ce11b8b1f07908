import { postGraphQL } from '@switchboard/testing';
import { startTestStack, type TestStack } from './stack';

const today = new Date().toISOString().slice(0, 10);
const inDays = (n: number) => new Date(Date.now() + n * 86_400_000).toISOString().slice(0, 10);

interface TeamAgents {
  team: {
    code: string;
    agents: {
      employeeNo: string;
      displayName: string;
      role: string;
      training: {
        complianceStatus: string;
        assignments: { status: string; course: { code: string } }[];
        certifications: { course: { code: string } }[];
      };
    }[];
    trainingSummary: {
      assignmentsDue: number;
      firstAttempts: number;
      passRate: number | null;
      agentsNeedingCertification: number;
      agentsCertified: number;
    };
  };
}

/** Training over staff's roster through the real gateway: bulk assignment, exams, team summaries. */
describe('training through the gateway', () => {
  let stack: TestStack;
  beforeAll(async () => {
    stack = await startTestStack();
    // Training reads the roster (bulk assignment, unknown agents) through the gateway.
    process.env.SWITCHBOARD_GATEWAY_URL = stack.gatewayUrl;
  });
  afterAll(async () => {
    delete process.env.SWITCHBOARD_GATEWAY_URL;
    await stack.stop();
  });

  const gql = <T>(query: string, variables?: Record<string, unknown>) =>
    postGraphQL<T>(stack.gatewayUrl, query, variables);

  it("assigns a course to a team, records exam results, and answers a team's agents with staff and training fields in one query", async () => {
    const teams = await gql<{ teams: { id: string; code: string; agents: { employeeNo: string }[] }[] }>(
      '{ teams { id code agents { employeeNo } } }',
    );
    const team = teams.data?.teams.find((t) => t.agents.length >= 3);
    if (!team) throw new Error('the staff demo has no team of 3 agents');
    const course = await gql<{ createCourse: { id: string } }>(
      `mutation { createCourse(input: { code: "E2E-AML", title: "Anti-money laundering", category: COMPLIANCE,
        hours: 3, validityMonths: 12, mandatoryForRoles: [AGENT, SENIOR_AGENT, TEAM_LEAD] }) { id } }`,
    );
    const courseId = course.data?.createCourse.id;
    const exam = await gql<{ createExam: { id: string } }>(
      'mutation($c: ID!) { createExam(input: { courseId: $c, code: "E2E-AML-X", passMark: 80, maxAttempts: 2 }) { id } }',
      { c: courseId },
    );
    const assigned = await gql<{ assignCourse: { matched: number; assignments: { employeeNo: string }[] } }>(
      'mutation($i: AssignCourseInput!) { assignCourse(input: $i) { matched assignments { employeeNo } } }',
      { i: { courseId, target: { teamIds: [team.id] }, dueDate: inDays(14) } },
    );
    expect(assigned.errors).toBeUndefined();
    const members = team.agents.map((a) => a.employeeNo).sort();
    expect(assigned.data?.assignCourse.assignments.map((a) => a.employeeNo).sort()).toEqual(members);

    const [passer, failer] = members;
    const csv = [
      'attempt_id,employee_no,exam,score,taken_on',
      `e2e-1,${passer},E2E-AML-X,92,${today}`,
      `e2e-2,${failer},E2E-AML-X,55,${today}`,
    ].join('\n');
    const imported = await gql<{ importExamResults: { inserted: number; certificationsGranted: number } }>(
      'mutation($csv: String!) { importExamResults(csv: $csv) { inserted certificationsGranted } }',
      { csv },
    );
    expect(imported.data?.importExamResults).toEqual({ inserted: 2, certificationsGranted: 1 });

    const answer = await gql<TeamAgents>(
      `query($id: ID!, $from: LocalDate!, $to: LocalDate!) { team(id: $id) { code
        agents { employeeNo displayName role
          training { complianceStatus assignments { status course { code } } certifications { course { code } } } }
        trainingSummary(from: $from, to: $to) { assignmentsDue firstAttempts passRate agentsNeedingCertification agentsCertified } } }`,
      { id: team.id, from: today, to: inDays(30) },
    );
    expect(answer.errors).toBeUndefined();
    const byNo = new Map(answer.data?.team.agents.map((a) => [a.employeeNo, a]));
    expect(byNo.get(passer)?.displayName).toEqual(expect.any(String));
    expect(byNo.get(passer)?.training.assignments).toContainEqual({
      status: 'COMPLETED',
      course: { code: 'E2E-AML' },
    });
    expect(byNo.get(passer)?.training.certifications).toEqual([{ course: { code: 'E2E-AML' } }]);
    expect(byNo.get(failer)?.training.assignments).toContainEqual({
      status: 'IN_PROGRESS',
      course: { code: 'E2E-AML' },
    });
    const mandatory =
      answer.data?.team.agents.filter((a) => ['AGENT', 'SENIOR_AGENT', 'TEAM_LEAD'].includes(a.role)) ?? [];
    expect(byNo.get(passer)?.training.complianceStatus).toBe(
      mandatory.some((a) => a.employeeNo === passer) ? 'COMPLIANT' : 'NOT_REQUIRED',
    );
    expect(answer.data?.team.trainingSummary).toEqual({
      assignmentsDue: members.length,
      firstAttempts: 2,
      passRate: 0.5,
      agentsNeedingCertification: mandatory.length,
      agentsCertified: mandatory.some((a) => a.employeeNo === passer) ? 1 : 0,
    });
    expect(exam.errors).toBeUndefined();
  });

  it('rejects an unknown agent and writes nothing', async () => {
    const course = await gql<{ createCourse: { id: string } }>(
      'mutation { createCourse(input: { code: "E2E-SOFT", title: "Empathy", category: SOFT_SKILLS, hours: 1 }) { id } }',
    );
    const response = await gql('mutation($i: AssignCourseInput!) { assignCourse(input: $i) { matched } }', {
      i: {
        courseId: course.data?.createCourse.id,
        target: { employeeNos: ['E10001', 'NOT-AN-AGENT'] },
        dueDate: inDays(3),
      },
    });
    expect(response.errors?.[0]).toMatchObject({
      message: 'target.employeeNos: no agent "NOT-AN-AGENT"',
      extensions: { code: 'BAD_USER_INPUT' },
    });
    const overdue = await gql<{ overdueAssignments: unknown[] }>(
      'query($c: ID) { overdueAssignments(courseId: $c) { id } }',
      {
        c: course.data?.createCourse.id,
      },
    );
    expect(overdue.data?.overdueAssignments).toEqual([]);
    const agent = await gql<{ agent: { training: { assignments: unknown[] } } }>(
      '{ agent(employeeNo: "E10001") { training { assignments { id } } } }',
    );
    expect(agent.data?.agent.training.assignments).toEqual([]);
  });
});
