import {
  demoHandledContacts,
  demoQa,
  demoTraining,
  type DemoHandledContact,
  type DemoRoster,
} from '@switchboard/demo';

/** Staff's roster import (apps/staff roster-csv.ts): today's team of each agent, with skills. */
export function* rosterCsvLines(roster: DemoRoster, today: string): Generator<string> {
  yield 'employee_no,display_name,team,role,career_level,status,hire_date,email,phone,national_id,skills\n';
  for (const agent of roster.agents) {
    const team = agent.teams.at(-1);
    const current = team && (team.to === null || team.to > today) ? team.teamCode : '';
    const skills = agent.skills.map((s) => `${s.code}:${s.proficiency}`).join(';');
    yield `${agent.employeeNo},${agent.displayName},${current},${agent.role},${agent.careerLevel},${agent.status},${agent.hireDate},${agent.email},${agent.phone},${agent.nationalId},${skills}\n`;
  }
}

/** Training's LMS export import (apps/training lms-csv.ts): every exam sitting of the year. */
export function* lmsCsvLines(roster: DemoRoster, today: string): Generator<string> {
  yield 'attempt_id,employee_no,exam,score,taken_on\n';
  for (const attempt of demoTraining(roster, today).attempts) {
    yield `LMS-${attempt.employeeNo}-${attempt.examCode}-${attempt.sequence},${attempt.employeeNo},${attempt.examCode},${attempt.score},${attempt.takenOn}\n`;
  }
}

const handledByDay = new Map<number, Map<string, DemoHandledContact[]>>();

/** The demo month's answered contacts (a few seconds to generate), once per day asked. */
function handledOn(today: Date): Map<string, DemoHandledContact[]> {
  let handled = handledByDay.get(today.getTime());
  if (!handled) handledByDay.set(today.getTime(), (handled = demoHandledContacts(today)));
  return handled;
}

/**
 * QA evaluations as the QA subgraph's createEvaluation takes them (one JSON object a line; the
 * scorecard named by code and version, as its id is the QA database's), with the workflow state
 * each reached, each of a contact of the demo traffic month (libs/demo's, not the generated contacts).
 * The demo's QA plan samples the first site's agents.
 */
export function* qaEvaluationLines(seed: number, today: Date): Generator<string> {
  for (const e of demoQa(seed, today, handledOn(today)).evaluations) {
    yield `${JSON.stringify({
      scorecard: { code: e.scorecardCode, version: e.scorecardVersion },
      agentEmployeeNo: e.agentEmployeeNo,
      evaluatorEmployeeNo: e.evaluatorEmployeeNo,
      contact: { source: e.contactSource, externalId: e.contactExternalId },
      answers: e.answers,
      status: e.status,
      createdAt: e.createdAt.toISOString(),
      submittedAt: e.submittedAt?.toISOString() ?? null,
      disputeReason: e.disputeReason,
      resolutionReason: e.resolutionReason,
    })}\n`;
  }
}
