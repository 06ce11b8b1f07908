import { forbidden } from '@switchboard/auth';
import { badUserInput, conflict, notFound, type FieldProblem } from '@switchboard/server';

export const evaluationErrors = {
  notFound: (id: string) => notFound('Evaluation', 'id', id),
  invalidAnswers: (problems: FieldProblem[]) => badUserInput(problems),
  unknownScorecard: (id: string) =>
    badUserInput({ field: 'scorecardId', message: `no scorecard with id "${id}"` }),
  /** Names no one: the caller may not see who the evaluated agent is. */
  notTheAgent: () =>
    badUserInput({ field: 'employeeNo', message: 'is not the evaluated agent; only they can do this' }),
  evaluatesThemself: () =>
    badUserInput({ field: 'input.evaluatorEmployeeNo', message: 'must not be the evaluated agent' }),
  agentIsCaller: () =>
    badUserInput({ field: 'input.agentEmployeeNo', message: 'must not be you: nobody evaluates themself' }),
  alreadyEvaluated: (scorecardCode: string) =>
    conflict(
      `the contact already has an evaluation on scorecard ${scorecardCode} (one per contact and scorecard, calibrations aside)`,
      'input.contact',
    ),
  ofYourself: (action: string) => forbidden(`${action}: not on an evaluation of yourself`),
  notYourDraft: (action: string) => forbidden(`${action}: only the evaluator who drafted it may change it`),
  resolvesOwnScore: () => forbidden('resolveDispute: the evaluator who scored it cannot resolve its dispute'),
  answersWithUpheld: () =>
    badUserInput({ field: 'input.answers', message: 'must be empty when the resolution is UPHELD' }),
  answersRequired: () =>
    badUserInput({ field: 'input.answers', message: 'are required when the resolution is RESCORED' }),
};
