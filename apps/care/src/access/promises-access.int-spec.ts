import { randomUUID } from 'node:crypto';
import { WRITERS } from '@switchboard/auth';
import { staticScopeSource } from '@switchboard/subgraph-kit';
import {
  accessLayout,
  accessMatrix,
  cellsPerCaller,
  KnownReferences,
  postGraphQL,
  startTestSubgraph,
  subgraphToken,
  type AccessLevel,
  type TestSubgraph,
} from '@switchboard/testing';
import { careSubgraph } from '../care.subgraph';
import { configureCare } from '../care-services';
import { promiseMutationCalls } from '../testing/promise-calls';

/*
 * Calendars, commitments and escalations by role: agents see their own commitments, leads their
 * team's, managers their center's, bank-wide roles (CASE_HANDLER...) all; a calendar is set by its
 * center's manager or ADMIN; a commitment is made by whoever has an employee number (as themself);
 * kept by hand by those who see it among AGENT, TEAM_LEAD, CENTER_MANAGER, CASE_HANDLER, ADMIN.
 */
const { code, no, callers } = accessLayout(WRITERS.care);
const id = { A: randomUUID(), B: randomUUID(), A1: randomUUID(), A2: randomUUID(), B1: randomUUID() };
const teamOf: Record<string, string> = { [no.a1]: id.A1, [no.lead]: id.A1, [no.a2]: id.A2, [no.b1]: id.B1 };
const made: Record<string, string> = {};
/** b1's further commitments: one per caller of the fulfil cells (an allowed caller keeps one). */
const b1Pool: string[] = [];
let care: TestSubgraph;
let restore: () => void;

beforeAll(async () => {
  restore = configureCare({
    contacts: async (keys) =>
      keys.map((k) => ({
        ...k,
        channel: 'VOICE',
        direction: 'INBOUND' as const,
        outcome: 'ANSWERED',
        arrivedAt: new Date(),
        agentNo: null,
      })),
    directory: async (asks) =>
      asks.map((a) => ({ teamId: teamOf[a.ownerEmployeeNo] ?? null, teamLead: null })),
  });
  care = await startTestSubgraph(careSubgraph, {
    scopeSource: staticScopeSource({
      centers: {
        [code.A]: { id: id.A, teams: [code.A1, code.A2] },
        [code.B]: { id: id.B, teams: [code.B1] },
      },
      teams: {
        [code.A1]: { id: id.A1, employeeNos: [no.a1, no.lead] },
        [code.A2]: { id: id.A2, employeeNos: [no.a2] },
        [code.B1]: { id: id.B1, employeeNos: [no.b1] },
      },
    }),
    referenceSource: new KnownReferences().add('center', id.A, id.B).source,
  });
  // one commitment of each agent, made by themself
  for (const [owner, center] of [
    [no.a1, id.A],
    [no.lead, id.A],
    [no.a2, id.A],
    ...callers.map(() => [no.b1, id.B]),
    [no.b1, id.B],
  ]) {
    const token = await subgraphToken('care', {
      subject: owner,
      roles: ['AGENT'],
      centers: [],
      teams: [],
      employeeNo: owner,
    });
    const call = promiseMutationCalls(center).makeCommitment;
    const answer = await postGraphQL<{ makeCommitment: { id: string } }>(
      care.url,
      call.query,
      call.variables?.(),
      {
        authorization: `Bearer ${token}`,
      },
    );
    if (!answer.data?.makeCommitment) throw new Error(JSON.stringify(answer.errors));
    if (made[owner] && owner === no.b1) b1Pool.push(made[owner]);
    made[owner] = answer.data.makeCommitment.id;
  }
});
afterAll(async () => {
  await care?.stop();
  restore?.();
});

const perCaller = cellsPerCaller(callers);
/** Whose commitments each level sees. */
const seen: Record<AccessLevel, () => string[]> = {
  all: () => [no.a1, no.lead, no.a2, no.b1], // (and b1's pool, checked apart)
  center: () => [no.a1, no.lead, no.a2],
  team: () => [no.a1, no.lead],
  self: () => [no.a1],
};
const ids = (list: unknown) => ((list ?? []) as { id: string }[]).map((r) => r.id).sort();

describe('care access: commitments read', () => {
  accessMatrix(
    () => care.url,
    [
      ...perCaller('commitments', '{ commitments(first: 200) { id } }', undefined, (level) => ({
        scoped: (data) =>
          expect(ids(data.commitments)).toEqual(
            [...seen[level]().map((n) => made[n]), ...(level === 'all' ? b1Pool : [])].sort(),
          ),
      })),
      ...perCaller(
        "b1's commitment by id",
        'query($id: ID!) { commitment(id: $id) { id } }',
        () => ({ id: made[no.b1] }),
        (level) => ({
          scoped: (data) => expect(data.commitment).toEqual(level === 'all' ? { id: made[no.b1] } : null),
        }),
      ),
      ...perCaller(
        "b1's commitment by reference",
        'query($r: [_Any!]!) { _entities(representations: $r) { ... on Commitment { id } } }',
        () => ({ r: [{ __typename: 'Commitment', id: made[no.b1] }] }),
        (level) => ({
          scoped: (data) => expect(data._entities).toEqual([level === 'all' ? { id: made[no.b1] } : null]),
        }),
      ),
      ...perCaller(
        "center B's calendar",
        'query($c: ID!) { businessCalendar(centerId: $c) { centerId } }',
        () => ({ c: id.B }),
        () => ({ scoped: (data) => expect(data.businessCalendar).toBeNull() }),
      ),
    ],
  );
});

describe('care access: calendar and commitment writes', () => {
  const calls = () => promiseMutationCalls(id.B, () => made[no.b1]);
  const roleOf = (who: string) => callers.find((c) => c.who === who)?.identity.roles[0];
  const hasNo = (who: string) => !!callers.find((c) => c.who === who)?.identity.employeeNo;
  accessMatrix(
    () => care.url,
    [
      // center B's calendar: ADMIN only (A's manager is not B's)
      ...perCaller(
        'setBusinessCalendar in center B',
        calls().setBusinessCalendar.query,
        calls().setBusinessCalendar.variables,
        (_l, who) => (roleOf(who) === 'ADMIN' ? { allow: true } : { deny: true }),
      ),
      ...perCaller(
        'setBusinessCalendar in center A',
        calls().setBusinessCalendar.query,
        () => ({ i: { ...(calls().setBusinessCalendar.variables?.().i as object), centerId: id.A } }),
        (level, who) =>
          roleOf(who) === 'ADMIN' || (roleOf(who) === 'CENTER_MANAGER' && level === 'center')
            ? { allow: true }
            : { deny: true },
      ),
      // escalation policies: as calendars
      ...perCaller(
        'setEscalationPolicy in center B',
        calls().setEscalationPolicy.query,
        calls().setEscalationPolicy.variables,
        (_l, who) => (roleOf(who) === 'ADMIN' ? { allow: true } : { deny: true }),
      ),
      // made as themself by a caller with an employee number; refused to one without
      ...perCaller(
        'makeCommitment',
        calls().makeCommitment.query,
        calls().makeCommitment.variables,
        (_l, who) => (hasNo(who) ? { allow: true } : { deny: true }),
      ),
      // b1's commitment kept by hand: those of the five roles who see it (bank-wide CASE_HANDLER, ADMIN)
      ...perCaller(
        'fulfilCommitment of b1',
        calls().fulfilCommitment.query,
        () => ({ i: { id: b1Pool.pop(), evidence: 'x' } }),
        (level, who) =>
          level === 'all' && ['ADMIN', 'CASE_HANDLER'].includes(roleOf(who) ?? '')
            ? { allow: true }
            : { deny: true },
      ),
    ],
  );
});
