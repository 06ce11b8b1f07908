import { randomUUID } from 'node:crypto';
import type { Identity } from '@switchboard/auth';
import { staticScopeSource, type ScopeSource } from '@switchboard/subgraph-kit';
import { caller } from '@switchboard/testing';
import { QaFactory, toAnswerInputs, type ScorecardRef } from '../testing/qa-factories';
import { QaWorldDouble } from '../testing/qa-world-double';

/**
 * Two centers, one team each: SHA-01 / SHA-CARDS-1 with agents A1 and A2, CTU-T1 / CTU-LOANS-1
 * with agent B1. Employee numbers are unique per test file. `world` is staff and traffic as QA's
 * reference checks see them: the agents, the evaluators (QA-1, the two evaluator callers, CAL-1,
 * EV-1, EV-A-<tag>, EV-B-<tag>) and the contacts handed out.
 */
export function qaAccessDirectory(tag: string) {
  const agents = { a1: `A1-${tag}`, a2: `A2-${tag}`, b1: `B1-${tag}` };
  const ids = { sha: randomUUID(), ctu: randomUUID(), teamA: randomUUID(), teamB: randomUUID() };
  const source: ScopeSource = staticScopeSource({
    centers: {
      'SHA-01': { id: ids.sha, teams: ['SHA-CARDS-1'] },
      'CTU-T1': { id: ids.ctu, teams: ['CTU-LOANS-1'] },
    },
    teams: {
      'SHA-CARDS-1': { id: ids.teamA, employeeNos: [agents.a1, agents.a2] },
      'CTU-LOANS-1': { id: ids.teamB, employeeNos: [agents.b1] },
    },
  });
  const world = new QaWorldDouble()
    .person(Object.values(agents))
    .evaluator('QA-1', `QA-${tag}`, `QC-${tag}`, 'CAL-1', 'EV-1', `EV-A-${tag}`, `EV-B-${tag}`);
  const callers = {
    admin: caller('ADMIN'),
    hr: caller('HR'),
    bi: caller('BI_READER'),
    trainer: caller('TRAINER'),
    evaluator: caller('QA_EVALUATOR', { employeeNo: `QA-${tag}` }),
    evaluatorCtu: caller('QA_EVALUATOR', { centers: ['CTU-T1'], employeeNo: `QC-${tag}` }),
    manager: caller('CENTER_MANAGER', { centers: ['SHA-01'] }),
    lead: caller('TEAM_LEAD', { teams: ['SHA-CARDS-1'] }),
    agent: caller('AGENT', { employeeNo: agents.a1 }),
  } satisfies Record<string, Identity>;
  return { agents, ids, source, callers, world };
}

export const FULL_MARKS = { GREETING: 1, VERIFY: 1, LISTEN: 4, EMPATHY: 4, RESOLVED: 1 };

/** A published scorecard and a DRAFT evaluation of `agent` by `evaluator` (for workflow mutations). */
export async function draftEvaluation(
  factory: QaFactory,
  scorecard: ScorecardRef,
  agent: string,
  evaluator = 'QA-1',
): Promise<string> {
  const draft = await factory.mutate<{ id: string }>(
    'mutation($i: CreateEvaluationInput!) { createEvaluation(input: $i) { id } }',
    {
      i: {
        scorecardId: scorecard.id,
        agentEmployeeNo: agent,
        evaluatorEmployeeNo: evaluator,
        contact: factory.contactOf(agent),
        answers: toAnswerInputs(FULL_MARKS),
      },
    },
  );
  return draft.id;
}

/** A calibration session on `agent` with every participant's evaluation submitted. */
export async function submittedCalibration(
  factory: QaFactory,
  scorecard: ScorecardRef,
  agent: string,
  evaluator: string,
): Promise<string> {
  const session = await factory.mutate<{ id: string; results: { evaluationId: string }[] }>(
    `mutation($i: CreateCalibrationSessionInput!) { createCalibrationSession(input: $i) {
      id results { evaluationId } } }`,
    {
      i: {
        scorecardId: scorecard.id,
        contact: factory.contactOf(agent),
        agentEmployeeNo: agent,
        calibratorEmployeeNo: 'CAL-1',
        evaluatorEmployeeNos: [evaluator],
      },
    },
  );
  for (const { evaluationId } of session.results) {
    await factory.mutate(
      'mutation($id: ID!, $i: UpdateEvaluationInput!) { updateEvaluation(id: $id, input: $i) { id } }',
      {
        id: evaluationId,
        i: { answers: toAnswerInputs(FULL_MARKS) },
      },
    );
    await factory.mutate('mutation($id: ID!) { submitEvaluation(id: $id) { id } }', { id: evaluationId });
  }
  return session.id;
}

/** Text that must never widen a filter nor cause a 500. */
