import { postGraphQL } from '@switchboard/testing';
import { startTestStack, type TestStack } from './stack';

interface Member {
  id: string;
  employeeNo: string;
}

/**
 * Statistics by team, with the team an agent had when the contact arrived: traffic keeps a copy of
 * staff's team history, refreshed through the gateway.
 */
describe('trafficStats grouped by team', () => {
  let stack: TestStack;
  beforeAll(async () => {
    stack = await startTestStack();
    process.env.SWITCHBOARD_GATEWAY_URL = stack.gatewayUrl;
  });
  afterAll(async () => {
    delete process.env.SWITCHBOARD_GATEWAY_URL;
    await stack.stop();
  });

  const gql = <T>(query: string, variables?: Record<string, unknown>) =>
    postGraphQL<T>(stack.gatewayUrl, query, variables);

  it('counts a transferred agent toward the team they had on each day', async () => {
    const teams = await gql<{ teams: { id: string; code: string; members: Member[] }[] }>(
      '{ teams { id code members { id employeeNo } } }',
    );
    const [from, to] = teams.data?.teams ?? [];
    const mover = from.members[1];
    const hired = await gql(
      `mutation($id: ID!, $input: TransferAgentInput!) { transferAgent(id: $id, input: $input) { id } }`,
      {
        id: mover.id,
        input: { teamId: to.id, effectiveDate: new Date().toISOString().slice(0, 10) },
      },
    );
    expect(hired.errors).toBeUndefined();
    // One contact yesterday (old team) and one today (new team), both answered by the mover.
    const day = (offset: number) => {
      const d = new Date();
      d.setUTCHours(3, 0, 0, 0);
      d.setUTCDate(d.getUTCDate() + offset);
      return d;
    };
    const contact = (externalId: string, arrived: Date) => ({
      source: 'team-e2e',
      externalId,
      channel: 'VOICE',
      queue: 'TEAM-Q',
      agent: mover.employeeNo,
      arrivedAt: arrived.toISOString(),
      answeredAt: new Date(arrived.getTime() + 5000).toISOString(),
      endedAt: new Date(arrived.getTime() + 65_000).toISOString(),
      outcome: 'ANSWERED',
    });
    await gql('mutation($c: [ContactInput!]!) { ingestContacts(contacts: $c) { inserted } }', {
      c: [contact('yesterday', day(-1)), contact('today', day(0))],
    });
    const sync = await gql<{ syncTeamDirectory: { agents: number; periods: number } }>(
      'mutation { syncTeamDirectory { agents periods } }',
    );
    expect(sync.errors).toBeUndefined();
    expect(sync.data?.syncTeamDirectory.agents).toBe(200);
    expect(sync.data?.syncTeamDirectory.periods).toBeGreaterThan(200);

    const start = day(-1);
    start.setUTCHours(0);
    const stats = await gql<{
      trafficStats: { intervalStart: string; answered: number; team: { code: string } | null }[];
    }>(
      `query($f: StatsFilter!) { trafficStats(filter: $f, granularity: DAY, groupBy: [TEAM]) { intervalStart answered team { code } } }`,
      {
        f: {
          from: start.toISOString(),
          to: new Date(start.getTime() + 2 * 86_400_000).toISOString(),
          queueCodes: ['TEAM-Q'],
        },
      },
    );
    expect(stats.errors).toBeUndefined();
    expect(
      stats.data?.trafficStats.map((r) => [r.intervalStart.slice(0, 10), r.team?.code, r.answered]),
    ).toEqual([
      [day(-1).toISOString().slice(0, 10), from.code, 1],
      [day(0).toISOString().slice(0, 10), to.code, 1],
    ]);
    const filtered = await gql<{ trafficStats: { answered: number }[] }>(
      `query($f: StatsFilter!) { trafficStats(filter: $f, granularity: TOTAL) { answered } }`,
      {
        f: {
          from: start.toISOString(),
          to: new Date(start.getTime() + 2 * 86_400_000).toISOString(),
          teamIds: [to.id],
        },
      },
    );
    expect(filtered.data?.trafficStats).toEqual([{ answered: 1 }]);
  });
});
