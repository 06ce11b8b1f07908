import { badUserInput, conflict, notFound, type FieldProblem } from '@switchboard/server';
import type { Scorecard } from './scorecard.entity';

const label = (s: Scorecard): string => `scorecard ${s.code} version ${s.version}`;

export const scorecardErrors = {
  notFound: (id: string) => notFound('Scorecard', 'id', id),
  invalid: (problems: FieldProblem[]) => badUserInput(problems),
  draftExists: (draft: Scorecard) =>
    conflict(
      `${label(draft)} is still a draft: change it with updateScorecardDraft or publish it first`,
      'code',
    ),
  notDraft: (scorecard: Scorecard) =>
    conflict(
      `${label(scorecard)} is ${scorecard.status}: published versions never change; create a new version instead`,
      'id',
    ),
  codeChanged: () =>
    badUserInput({ field: 'code', message: 'must stay the code of the draft being changed' }),
  notPublished: (field: string, scorecard: Scorecard) =>
    badUserInput({
      field,
      message: `${label(scorecard)} is ${scorecard.status}; evaluations use the published version`,
    }),
};
