import { randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import { staticScopeSource } from '@switchboard/subgraph-kit';
import {
  caller,
  KnownReferences,
  postGraphQL,
  startGatewayDouble,
  startTestSubgraph,
  subgraphToken,
  type GatewayDouble,
  type TestSubgraph,
} from '@switchboard/testing';
import { careSubgraph } from '../care.subgraph';
import { configureCare, gatewayRecipientDirectory, type CareContact } from '../care-services';
import { sweepEscalations } from './escalation.sweeper';

/*
 * The lead notified is the one the team had at the due time (issue 18): care's real gateway
 * directory against a staff double that keeps a dated lead history. The team's lead changes at
 * 08:30 on the due day; the sweep runs after the change, so neither "today's lead" nor "the lead of
 * the due day" would be right for the promise due at 08:00.
 */
const center = randomUUID();
const team = randomUUID();
const tag = randomUUID().slice(0, 6).toUpperCase();
const code = { center: `C-${tag}`, team: `T-${tag}` };
const no = { agent: `A${tag}`, before: `LB${tag}`, after: `LA${tag}` };
const CHANGE = '2027-03-09T08:30:00.000Z';

interface Request {
  query: string;
  variables: Record<string, unknown>;
}
const requests: Request[] = [];
let gateway: GatewayDouble;
let care: TestSubgraph;
let restore: () => void;
let now = new Date('2027-03-09T02:00:00Z');

/** staff as the gateway answers care's two questions: the owner's team history, the lead at an instant. */
function staffAnswer({ query, variables }: Request): Record<string, unknown> {
  if (query.includes('teamLeadsAt')) {
    const asks = variables.asks as Array<{ teamId: string; at: string }>;
    return {
      teamLeadsAt: asks.map((a) =>
        a.teamId !== team
          ? null
          : { employeeNo: Date.parse(a.at) < Date.parse(CHANGE) ? no.before : no.after },
      ),
    };
  }
  if (query.includes('agentsByEmployeeNo')) {
    return {
      agentsByEmployeeNo: (variables.nos as string[]).map((n) =>
        n === no.agent
          ? { employeeNo: n, teamHistory: [{ validFrom: '2027-01-01', validTo: null, team: { id: team } }] }
          : null,
      ),
    };
  }
  throw new Error(`the staff double does not answer ${query}`);
}

beforeAll(async () => {
  gateway = await startGatewayDouble({
    resolve: (request) => {
      requests.push(request);
      return staffAnswer(request);
    },
  });
  const contact: CareContact = {
    source: 'CTI',
    externalId: 'c-1',
    channel: 'VOICE',
    direction: 'INBOUND',
    outcome: 'ANSWERED',
    arrivedAt: new Date('2027-03-09T01:50:00Z'),
    agentNo: no.agent,
  };
  restore = configureCare({
    clock: () => now,
    contacts: async (keys) => keys.map(() => contact),
    directory: gatewayRecipientDirectory,
    webhookUrl: null,
  });
  care = await startTestSubgraph(careSubgraph, {
    scopeSource: staticScopeSource({
      centers: { [code.center]: { id: center, teams: [code.team] } },
      teams: { [code.team]: { id: team, employeeNos: [no.agent, no.before, no.after] } },
    }),
    referenceSource: new KnownReferences().add('center', center).source,
  });
});
afterAll(async () => {
  await care?.stop();
  restore?.();
  await gateway?.close();
});

it('notifies the lead the team had at the due time, asking staff in one batch per question', async () => {
  const make = async (dueAt: string) => {
    const token = await subgraphToken('care', caller('AGENT', { employeeNo: no.agent }));
    const answer = await postGraphQL<{ makeCommitment: { id: string; teamId: string } }>(
      care.url,
      'mutation($i: MakeCommitmentInput!) { makeCommitment(input: $i) { id teamId } }',
      {
        i: {
          clientKey: randomUUID(),
          centerId: center,
          contact: { source: 'CTI', externalId: 'c-1' },
          customerKey: `cust-${tag}`,
          kind: 'CALL_BACK',
          channel: 'VOICE',
          dueAt,
        },
      },
      { authorization: `Bearer ${token}` },
    );
    expect(answer.errors).toBeUndefined();
    expect(answer.data?.makeCommitment.teamId).toBe(team);
    return answer.data?.makeCommitment.id as string;
  };
  const early = await make('2027-03-09T08:00:00Z'); // due before the change: the outgoing lead
  const late = await make('2027-03-09T08:45:00Z'); // due after it: the incoming one
  requests.length = 0;

  now = new Date('2027-03-09T09:00:00Z'); // swept after the change, the same day
  const result = await sweepEscalations(care.orm.em as EntityManager);
  expect(result.commitments).toBe(2);
  const rows = (await care.orm.em.getConnection().execute(
    `select commitment_id, level, address_employee_no from care_notification
        where recipient = 'TEAM_LEAD' and commitment_id in (?, ?) order by level`,
    [early, late],
  )) as Array<{ commitment_id: string; level: number; address_employee_no: string }>;
  expect(rows.filter((r) => r.commitment_id === early).map((r) => r.address_employee_no)).toEqual(
    rows.filter((r) => r.commitment_id === early).map(() => no.before),
  );
  expect(rows.filter((r) => r.commitment_id === early).length).toBeGreaterThan(0);
  expect(rows.filter((r) => r.commitment_id === late).map((r) => r.address_employee_no)).toEqual([no.after]);

  // the sweep asked staff twice, whatever the number of commitments: the teams, then the leads at the due times
  expect(requests.map((r) => (r.query.includes('teamLeadsAt') ? 'leads' : 'teams'))).toEqual([
    'teams',
    'leads',
  ]);
  const asks = requests[1].variables.asks as Array<{ teamId: string; at: string }>;
  expect(asks).toEqual(
    expect.arrayContaining([
      { teamId: team, at: '2027-03-09T08:00:00.000Z' },
      { teamId: team, at: '2027-03-09T08:45:00.000Z' },
    ]),
  );
});
