import { randomUUID } from 'node:crypto';
import type { MutationCall } from '@switchboard/testing';

/**
 * One call of each calendar and commitment mutation, with valid input, aimed at `centerId` (a center
 * the refused callers do not see), for the mutation guards of the access tests.
 */
export function promiseMutationCalls(
  centerId: string,
  commitmentId: () => string = randomUUID,
): Record<string, MutationCall> {
  return {
    setBusinessCalendar: {
      query: 'mutation($i: SetBusinessCalendarInput!) { setBusinessCalendar(input: $i) { centerId } }',
      variables: () => ({
        i: { centerId, timeZone: 'Asia/Shanghai', periods: [{ weekday: 1, start: '09:00', end: '18:00' }] },
      }),
    },
    setEscalationPolicy: {
      query: 'mutation($i: SetEscalationPolicyInput!) { setEscalationPolicy(input: $i) { code } }',
      variables: () => ({
        i: {
          centerId,
          code: 'GUARD',
          levels: [
            { level: 0, offset: 0, basis: 'CALENDAR_MINUTES', recipients: ['OWNER'], action: 'NOTIFY' },
          ],
        },
      }),
    },
    makeCommitment: {
      query: 'mutation($i: MakeCommitmentInput!) { makeCommitment(input: $i) { id } }',
      variables: () => ({
        i: {
          clientKey: randomUUID(),
          centerId,
          contact: { source: 'CTI', externalId: 'guard' },
          customerKey: 'guard',
          kind: 'CALL_BACK',
          channel: 'VOICE',
          dueAt: new Date(Date.now() + 86_400_000).toISOString(),
        },
      }),
    },
    // voc's service identity (or ADMIN) only: service-recovery.int-spec.ts has who is accepted
    openServiceRecovery: {
      query: 'mutation($i: ServiceRecoveryInput!) { openServiceRecovery(input: $i) { id } }',
      variables: () => ({
        i: {
          responseKey: randomUUID(),
          centerId,
          contact: { source: 'CTI', externalId: 'guard' },
          agentEmployeeNo: 'guard',
          score: 1,
        },
      }),
    },
    fulfilCommitment: {
      query: 'mutation($i: FulfilCommitmentInput!) { fulfilCommitment(input: $i) { id } }',
      variables: () => ({ i: { id: commitmentId(), evidence: 'guard' } }),
    },
    reassignCommitment: {
      query: 'mutation($i: ReassignCommitmentInput!) { reassignCommitment(input: $i) { id } }',
      variables: () => ({ i: { id: commitmentId(), ownerEmployeeNo: 'guard', expectedVersion: 1 } }),
    },
  };
}
