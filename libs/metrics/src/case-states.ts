/**
 * The case state machine (METRICS.md, care): a transition table, so the care subgraph, the importer
 * and the dashboard agree on which moves exist. A case resolved by mistake is REOPENED; a CLOSED case
 * is final (a new contact opens a new case, linked to it).
 */
import { InvalidInputError } from './validation';

export const CASE_STATES = [
  'NEW',
  'OPEN',
  'PENDING_CUSTOMER',
  'PENDING_INTERNAL',
  'RESOLVED',
  'CLOSED',
  'REOPENED',
] as const;
export type CaseState = (typeof CASE_STATES)[number];

export const CASE_EVENTS = [
  'START',
  'AWAIT_CUSTOMER',
  'AWAIT_INTERNAL',
  'RESUME',
  'RESOLVE',
  'CLOSE',
  'REOPEN',
] as const;
export type CaseEvent = (typeof CASE_EVENTS)[number];

const WORKING: readonly CaseState[] = ['OPEN', 'PENDING_CUSTOMER', 'PENDING_INTERNAL', 'RESOLVED'];

/** from → the states it may move to. */
export const CASE_TRANSITIONS: Readonly<Record<CaseState, readonly CaseState[]>> = {
  NEW: WORKING,
  OPEN: ['PENDING_CUSTOMER', 'PENDING_INTERNAL', 'RESOLVED'],
  PENDING_CUSTOMER: ['OPEN', 'PENDING_INTERNAL', 'RESOLVED'],
  PENDING_INTERNAL: ['OPEN', 'PENDING_CUSTOMER', 'RESOLVED'],
  RESOLVED: ['CLOSED', 'REOPENED'],
  CLOSED: [],
  REOPENED: WORKING,
};

/** event → the state it leads to (RESUME and START both lead to OPEN). */
const EVENT_TARGET: Readonly<Record<CaseEvent, CaseState>> = {
  START: 'OPEN',
  AWAIT_CUSTOMER: 'PENDING_CUSTOMER',
  AWAIT_INTERNAL: 'PENDING_INTERNAL',
  RESUME: 'OPEN',
  RESOLVE: 'RESOLVED',
  CLOSE: 'CLOSED',
  REOPEN: 'REOPENED',
};

export function isCaseState(value: unknown): value is CaseState {
  return typeof value === 'string' && (CASE_STATES as readonly string[]).includes(value);
}

export function canTransitionCase(from: CaseState, to: CaseState): boolean {
  return isCaseState(from) && isCaseState(to) && CASE_TRANSITIONS[from].includes(to);
}

/** Throws InvalidInputError on field `status`, naming both states and the moves allowed. */
export function assertCaseTransition(from: CaseState, to: CaseState, field = 'status'): void {
  if (canTransitionCase(from, to)) return;
  const allowed = isCaseState(from) ? CASE_TRANSITIONS[from] : [];
  const why = !isCaseState(from)
    ? `"${from}" is not a case state`
    : !isCaseState(to)
      ? `"${to}" is not a case state`
      : `a case cannot move from ${from} to ${to} (from ${from}: ${allowed.length ? allowed.join(', ') : 'no moves, it is final'})`;
  throw new InvalidInputError([{ field, message: why }]);
}

/** The state `event` leads to from `from`, or InvalidInputError naming both states. */
export function nextCaseState(from: CaseState, event: CaseEvent): CaseState {
  if (!(CASE_EVENTS as readonly string[]).includes(event)) {
    throw new InvalidInputError([
      { field: 'event', message: `"${event}" is not one of ${CASE_EVENTS.join(', ')}` },
    ]);
  }
  const to = EVENT_TARGET[event];
  assertCaseTransition(from, to);
  return to;
}
