import { conflict } from '@switchboard/server';
import type { GraphQLError } from 'graphql';
import { EvaluationStatus } from '../model/enums';

/**
 * The evaluation workflow: DRAFT -> SUBMITTED -> ACKNOWLEDGED by the agent, or
 * SUBMITTED -> DISPUTED -> RESOLVED (re-scored or upheld). ACKNOWLEDGED and RESOLVED are final.
 */
export type EvaluationAction = 'EDIT' | 'SUBMIT' | 'ACKNOWLEDGE' | 'DISPUTE' | 'RESOLVE';

const TRANSITIONS: Record<EvaluationAction, { from: EvaluationStatus; to: EvaluationStatus; verb: string }> =
  {
    EDIT: { from: EvaluationStatus.DRAFT, to: EvaluationStatus.DRAFT, verb: 'change' },
    SUBMIT: { from: EvaluationStatus.DRAFT, to: EvaluationStatus.SUBMITTED, verb: 'submit' },
    ACKNOWLEDGE: { from: EvaluationStatus.SUBMITTED, to: EvaluationStatus.ACKNOWLEDGED, verb: 'acknowledge' },
    DISPUTE: { from: EvaluationStatus.SUBMITTED, to: EvaluationStatus.DISPUTED, verb: 'dispute' },
    RESOLVE: { from: EvaluationStatus.DISPUTED, to: EvaluationStatus.RESOLVED, verb: 'resolve' },
  };

/** The status after `action`, or the CONFLICT error saying why the transition is illegal. */
export function transition(
  current: EvaluationStatus,
  action: EvaluationAction,
): EvaluationStatus | GraphQLError {
  const rule = TRANSITIONS[action];
  if (rule.from === current) return rule.to;
  return conflict(
    `cannot ${rule.verb} an evaluation that is ${current}: only a ${rule.from} evaluation can be ${
      action === 'EDIT' ? 'changed' : `${rule.verb}${rule.verb.endsWith('e') ? 'd' : 'ted'}`
    }`,
    'status',
  );
}
