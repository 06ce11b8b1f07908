import { GraphQLError } from 'graphql';
import { transition, type EvaluationAction } from './evaluation-workflow';
import { EvaluationStatus } from '../model/enums';

const { DRAFT, SUBMITTED, ACKNOWLEDGED, DISPUTED, RESOLVED } = EvaluationStatus;

describe('evaluation workflow', () => {
  it.each<[EvaluationStatus, EvaluationAction, EvaluationStatus]>([
    [DRAFT, 'EDIT', DRAFT],
    [DRAFT, 'SUBMIT', SUBMITTED],
    [SUBMITTED, 'ACKNOWLEDGE', ACKNOWLEDGED],
    [SUBMITTED, 'DISPUTE', DISPUTED],
    [DISPUTED, 'RESOLVE', RESOLVED],
  ])('%s --%s--> %s', (from, action, to) => {
    expect(transition(from, action)).toBe(to);
  });

  const actions: EvaluationAction[] = ['EDIT', 'SUBMIT', 'ACKNOWLEDGE', 'DISPUTE', 'RESOLVE'];
  const legal = new Set([
    'DRAFT:EDIT',
    'DRAFT:SUBMIT',
    'SUBMITTED:ACKNOWLEDGE',
    'SUBMITTED:DISPUTE',
    'DISPUTED:RESOLVE',
  ]);
  const illegal = Object.values(EvaluationStatus).flatMap((status) =>
    actions.filter((a) => !legal.has(`${status}:${a}`)).map((a) => [status, a] as const),
  );

  it.each(illegal)('rejects %s --%s--> with CONFLICT', (from, action) => {
    const result = transition(from, action);
    expect(result).toBeInstanceOf(GraphQLError);
    expect((result as GraphQLError).extensions.code).toBe('CONFLICT');
    expect((result as GraphQLError).message).toMatch(new RegExp(`that is ${from}: only a `));
  });

  it('says what the action needs', () => {
    expect((transition(ACKNOWLEDGED, 'DISPUTE') as GraphQLError).message).toBe(
      'status: cannot dispute an evaluation that is ACKNOWLEDGED: only a SUBMITTED evaluation can be disputed',
    );
    expect((transition(SUBMITTED, 'SUBMIT') as GraphQLError).message).toBe(
      'status: cannot submit an evaluation that is SUBMITTED: only a DRAFT evaluation can be submitted',
    );
    expect((transition(RESOLVED, 'EDIT') as GraphQLError).message).toBe(
      'status: cannot change an evaluation that is RESOLVED: only a DRAFT evaluation can be changed',
    );
  });
});
