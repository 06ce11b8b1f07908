import { randomUUID } from 'node:crypto';
import { WRITERS, type Identity } from '@switchboard/auth';
import { staticScopeSource } from '@switchboard/subgraph-kit';
import {
  accessLayout,
  accessMatrix,
  cellsPerCaller,
  databaseFingerprint,
  KnownReferences,
  postGraphQL,
  startTestSubgraph,
  subgraphToken,
  type TestSubgraph,
} from '@switchboard/testing';
import { careSubgraph } from '../care.subgraph';
import { configureCare, type AgentPlacement } from '../care-services';
import { promiseMutationCalls } from '../testing/promise-calls';

/*
 * Reassigning a follow-up (issue 18): a team lead within their team, a center manager within their
 * center, CASE_HANDLER within the centers they see, ADMIN anywhere; the commitment and the new owner
 * must both be in the caller's reach (FORBIDDEN otherwise); the new owner is checked through the
 * gateway (staff) and must work in the commitment's center; an event on the commitment's log.
 */
const { code, no, callers, tag } = accessLayout(WRITERS.care);
const id = { A: randomUUID(), B: randomUUID(), A1: randomUUID(), A2: randomUUID(), B1: randomUUID() };
const b2 = `B2-${tag}`;
const placement: Record<string, AgentPlacement> = Object.fromEntries(
  (
    [
      [no.a1, id.A1, id.A],
      [no.lead, id.A1, id.A],
      [no.a2, id.A2, id.A],
      [no.b1, id.B1, id.B],
      [b2, id.B1, id.B],
    ] as const
  ).map(([employeeNo, teamId, centerId]) => [employeeNo, { employeeNo, teamId, centerId }]),
);
const REASSIGN = `mutation($i: ReassignCommitmentInput!) { reassignCommitment(input: $i) {
  id ownerEmployeeNo teamId version events { kind actor fromOwner toOwner fromTeamId toTeamId reason } } }`;
interface Reassigned {
  reassignCommitment: {
    id: string;
    ownerEmployeeNo: string;
    teamId: string | null;
    version: number;
    events: Array<Record<string, string | null>>;
  } | null;
}

let care: TestSubgraph;
let restore: () => void;
const agentAsks: string[][] = [];

async function make(owner: string, center: string): Promise<string> {
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
  return answer.data.makeCommitment.id;
}

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
      asks.map((a) => ({ teamId: placement[a.ownerEmployeeNo]?.teamId ?? null, teamLead: null })),
    agents: async (nos) => {
      agentAsks.push([...nos]);
      return nos.map((n) => placement[n] ?? null);
    },
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
        [code.B1]: { id: id.B1, employeeNos: [no.b1, b2] },
      },
    }),
    referenceSource: new KnownReferences().add('center', id.A, id.B).source,
  });
});
afterAll(async () => {
  await care?.stop();
  restore?.();
});

const perCaller = cellsPerCaller(callers);
const caller = (who: string) => callers.find((c) => c.who === who);
const roleOf = (who: string) => caller(who)?.identity.roles[0] ?? '';
const identityOf = (who: string): Identity => {
  const found = caller(who);
  if (!found) throw new Error(`no caller ${who}`);
  return found.identity;
};
const REASSIGNERS = ['TEAM_LEAD', 'CENTER_MANAGER', 'CASE_HANDLER', 'ADMIN'];
/** A fresh commitment of `owner` per cell (a reassignment that lands changes its owner). */
const pools: Record<string, string[]> = {};
beforeAll(async () => {
  for (const [row, owner, center] of [
    ['a1 to lead', no.a1, id.A],
    ['a1 to a2', no.a1, id.A],
    ['b1 to b2', no.b1, id.B],
  ] as const) {
    pools[row] = [];
    for (let i = 0; i < callers.length; i++) pools[row].push(await make(owner, center));
  }
});
const next = (row: string, to: string) => () => ({
  i: { id: pools[row].pop(), ownerEmployeeNo: to, expectedVersion: 1, reason: 'on leave' },
});

describe('care access: reassigning a follow-up', () => {
  accessMatrix(
    () => care.url,
    [
      // within team A1: its lead, A's manager, case handlers (of A or everywhere), ADMIN
      ...perCaller(
        'reassignCommitment a1 -> lead (team A1)',
        REASSIGN,
        next('a1 to lead', no.lead),
        (_l, who) =>
          REASSIGNERS.includes(roleOf(who))
            ? {
                allow: true,
                check: (data: Record<string, unknown>) =>
                  expect((data as unknown as Reassigned).reassignCommitment).toMatchObject({
                    ownerEmployeeNo: no.lead,
                    teamId: id.A1,
                    version: 2,
                    events: [{ kind: 'REASSIGNED', fromOwner: no.a1, toOwner: no.lead, reason: 'on leave' }],
                  }),
              }
            : { deny: true },
      ),
      // to another team of center A: not the lead of A1 (outside their team); the manager of A yes
      ...perCaller(
        'reassignCommitment a1 -> a2 (team A2)',
        REASSIGN,
        next('a1 to a2', no.a2),
        (level, who) =>
          REASSIGNERS.includes(roleOf(who)) && level !== 'team' ? { allow: true } : { deny: true },
      ),
      // center B: only those who see every center
      ...perCaller('reassignCommitment b1 -> b2 (center B)', REASSIGN, next('b1 to b2', b2), (level, who) =>
        REASSIGNERS.includes(roleOf(who)) && level === 'all' ? { allow: true } : { deny: true },
      ),
    ],
  );
});

describe('reassignCommitment: the rules', () => {
  const lead = () => identityOf(`TEAM_LEAD of ${code.A1}`);
  const as = async (identity: Identity, variables: Record<string, unknown>) =>
    postGraphQL<Reassigned>(care.url, REASSIGN, variables, {
      authorization: `Bearer ${await subgraphToken('care', identity)}`,
    });

  it("a lead gives their agent's follow-up to another agent of the team: checked through staff once, logged, the version moves", async () => {
    const commitment = await make(no.a1, id.A);
    agentAsks.length = 0;
    const answer = await as(lead(), { i: { id: commitment, ownerEmployeeNo: no.lead, expectedVersion: 1 } });
    expect(answer.errors).toBeUndefined();
    expect(agentAsks).toEqual([[no.lead]]);
    expect(answer.data?.reassignCommitment?.events).toEqual([
      {
        kind: 'REASSIGNED',
        actor: lead().subject,
        fromOwner: no.a1,
        toOwner: no.lead,
        fromTeamId: id.A1,
        toTeamId: id.A1,
        reason: null,
      },
    ]);
    // the same version again: someone else moved it first
    const stale = await as(lead(), { i: { id: commitment, ownerEmployeeNo: no.a1, expectedVersion: 1 } });
    expect(stale.errors?.[0]?.extensions?.code).toBe('CONFLICT');
    expect(stale.errors?.[0]?.message).toContain('expectedVersion');
    // and back, at the version read
    const back = await as(lead(), { i: { id: commitment, ownerEmployeeNo: no.a1, expectedVersion: 2 } });
    expect(back.data?.reassignCommitment?.events.map((e) => e.toOwner)).toEqual([no.lead, no.a1]);
  });

  it.each([
    ['an unknown agent', () => 'NOBODY-1', 1, 'BAD_USER_INPUT', 'ownerEmployeeNo'],
    ['an agent of another center', () => b2, 1, 'BAD_USER_INPUT', 'ownerEmployeeNo'],
    ['the owner themself', () => no.a1, 1, 'BAD_USER_INPUT', 'ownerEmployeeNo'],
    ['a version already gone', () => no.lead, 7, 'CONFLICT', 'expectedVersion'],
  ])('refuses %s naming the field and writes nothing', async (_what, target, version, code_, field) => {
    const commitment = await make(no.a1, id.A);
    const admin = identityOf('ADMIN');
    const before = await databaseFingerprint(care.orm);
    const answer = await as(admin, {
      i: { id: commitment, ownerEmployeeNo: target(), expectedVersion: version },
    });
    expect(answer.errors?.[0]?.extensions?.code).toBe(code_);
    expect(answer.errors?.[0]?.message).toContain(field);
    expect(await databaseFingerprint(care.orm)).toEqual(before);
  });

  it('refuses a kept commitment and an unknown id, naming input.id', async () => {
    const admin = identityOf('ADMIN');
    const commitment = await make(no.a1, id.A);
    const kept = await postGraphQL(
      care.url,
      'mutation($i: FulfilCommitmentInput!) { fulfilCommitment(input: $i) { id } }',
      { i: { id: commitment, evidence: 'called back' } },
      { authorization: `Bearer ${await subgraphToken('care', admin)}` },
    );
    expect(kept.errors).toBeUndefined();
    for (const target of [commitment, randomUUID(), 'not-an-id']) {
      const before = await databaseFingerprint(care.orm);
      const answer = await as(admin, { i: { id: target, ownerEmployeeNo: no.lead, expectedVersion: 1 } });
      expect(answer.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
      expect(answer.errors?.[0]?.message).toContain('input.id');
      expect(await databaseFingerprint(care.orm)).toEqual(before);
    }
  });

  it('a lead is refused a commitment of another team as if it did not exist (FORBIDDEN)', async () => {
    const other = await make(no.a2, id.A);
    for (const target of [other, randomUUID()]) {
      const answer = await as(lead(), { i: { id: target, ownerEmployeeNo: no.lead, expectedVersion: 1 } });
      expect(answer.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    }
  });
});
