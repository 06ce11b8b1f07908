import fc from 'fast-check';
import {
  CASE_EVENTS,
  CASE_STATES,
  CASE_TRANSITIONS,
  assertCaseTransition,
  canTransitionCase,
  nextCaseState,
  type CaseState,
} from './case-states';
import { InvalidInputError } from './validation';

describe('case state machine', () => {
  it('walks the usual life of a case', () => {
    let state: CaseState = 'NEW';
    for (const event of [
      'START',
      'AWAIT_CUSTOMER',
      'RESUME',
      'AWAIT_INTERNAL',
      'RESOLVE',
      'REOPEN',
      'RESOLVE',
      'CLOSE',
    ] as const) {
      state = nextCaseState(state, event);
    }
    expect(state).toBe('CLOSED');
  });

  it('refuses an illegal move with BAD_USER_INPUT-shaped problems naming both states', () => {
    expect(() => assertCaseTransition('CLOSED', 'PENDING_CUSTOMER')).toThrow(InvalidInputError);
    expect(() => assertCaseTransition('CLOSED', 'PENDING_CUSTOMER')).toThrow(
      'status: a case cannot move from CLOSED to PENDING_CUSTOMER (from CLOSED: no moves, it is final)',
    );
    expect(() => nextCaseState('OPEN', 'REOPEN')).toThrow(
      'status: a case cannot move from OPEN to REOPENED (from OPEN: PENDING_CUSTOMER, PENDING_INTERNAL, RESOLVED)',
    );
    expect(() => nextCaseState('OPEN', 'SHRUG' as never)).toThrow(/event: "SHRUG"/);
    expect(() => assertCaseTransition('LIMBO' as never, 'OPEN')).toThrow(/"LIMBO" is not a case state/);
    const problems = ((): unknown => {
      try {
        assertCaseTransition('RESOLVED', 'OPEN');
        return 'no error';
      } catch (error) {
        return (error as InvalidInputError).problems;
      }
    })();
    expect(problems).toEqual([
      { field: 'status', message: expect.stringContaining('from RESOLVED to OPEN') },
    ]);
  });

  it('has no move to NEW, none out of CLOSED, no self-moves, and every state reachable from NEW', () => {
    const reachable = new Set<CaseState>(['NEW']);
    for (let grew = true; grew; ) {
      grew = false;
      for (const from of [...reachable]) {
        for (const to of CASE_TRANSITIONS[from]) {
          if (!reachable.has(to)) {
            reachable.add(to);
            grew = true;
          }
        }
      }
    }
    expect([...reachable].sort()).toEqual([...CASE_STATES].sort());
    for (const s of CASE_STATES) {
      expect(canTransitionCase(s, 'NEW')).toBe(false);
      expect(canTransitionCase(s, s)).toBe(false);
      expect(canTransitionCase('CLOSED', s)).toBe(false);
    }
  });

  it('agrees between events and the table: an event either lands on an allowed state or throws', () => {
    fc.assert(
      fc.property(fc.constantFrom(...CASE_STATES), fc.constantFrom(...CASE_EVENTS), (from, event) => {
        try {
          return CASE_TRANSITIONS[from].includes(nextCaseState(from, event));
        } catch (error) {
          return error instanceof InvalidInputError && error.message.includes(from);
        }
      }),
    );
  });
});
