import { postGraphQL } from '@switchboard/testing';
import { dashboardOperations } from '../bench/dashboard/mixed-workload';
import { subgraphs } from '../src/subgraphs';
import { assignDemoQueues, startTestStack, statementsPerSubgraph, type TestStack } from './stack';

const DAY_MS = 86_400_000;
const SHANGHAI_MS = 8 * 3_600_000;
const TIME_ZONE = 'Asia/Shanghai';

/**
 * Issue 23: a center's record must be summed from the center's own rows, not by expanding its agents
 * into a statement (or a gateway request) per agent or per batch of agents. The dashboard's own
 * CenterOverview operation (its trend, its record's KPIs, its teams' records, its traffic of a day)
 * on the demo's two centers, CTU-T1 (2 teams, 40 agents) and SHA-01 (8 teams, 160 agents): every
 * subgraph runs as many SQL statements for the large center as for the small one.
 */
describe('CenterOverview: SQL statements per subgraph at two center sizes (issue 23)', () => {
  let stack: TestStack;
  let centers: Map<string, string>;
  const operation = dashboardOperations().CenterOverview;

  const gql = <T>(query: string, variables?: Record<string, unknown>) =>
    postGraphQL<T>(stack.gatewayUrl, query, variables);

  beforeAll(async () => {
    // every source of a center's record seeded with its demo, so each one has rows to read
    stack = await startTestStack({
      seed: subgraphs.map((s) => s.definition.name),
      subgraphTimeoutMs: 120_000,
    });
    centers = await assignDemoQueues(stack);
  }, 900_000);
  afterAll(() => stack?.stop());

  /** The page's variables as the dashboard sends them: the demo month, a 28-day trend by day, its last day. */
  function variables(centerId: string): Record<string, unknown> {
    const midnight = Math.floor((Date.now() + SHANGHAI_MS) / DAY_MS) * DAY_MS - SHANGHAI_MS;
    const day = (instant: number) => new Date(instant + SHANGHAI_MS).toISOString().slice(0, 10);
    return {
      centerId,
      from: new Date(midnight - 30 * DAY_MS).toISOString(),
      to: new Date(midnight).toISOString(),
      fromDay: day(midnight - 28 * DAY_MS),
      toDay: day(midnight),
      granularity: 'DAY',
      timeZone: TIME_ZONE,
      dayFrom: new Date(midnight - DAY_MS).toISOString(),
      dayTo: new Date(midnight).toISOString(),
    };
  }

  /** One page load with every subgraph's statements counted (transaction control left out). */
  async function countedLoad(centerId: string): Promise<Record<string, number>> {
    const load = async (): Promise<void> => {
      const answer = await gql<{ performance: { children: unknown[] } }>(operation, variables(centerId));
      expect(answer.errors).toBeUndefined();
      expect(answer.data?.performance.children.length).toBeGreaterThan(0);
    };
    return statementsPerSubgraph(stack, load);
  }

  it('costs every subgraph as many statements for 160 agents as for 40', async () => {
    const small = centers.get('CTU-T1') as string;
    const large = centers.get('SHA-01') as string;
    const sizes = await gql<{ small: { agents: unknown[] }; large: { agents: unknown[] } }>(
      `query($from: DateTimeISO!, $to: DateTimeISO!, $s: ID!, $l: ID!) {
        small: performance(scope: { type: CENTER, id: $s }, from: $from, to: $to) { agents { employeeNo } }
        large: performance(scope: { type: CENTER, id: $l }, from: $from, to: $to) { agents { employeeNo } }
      }`,
      { from: variables(small).from, to: variables(small).to, s: small, l: large },
    );
    expect(sizes.data?.small.agents.length).toBeLessThanOrEqual(40);
    expect(sizes.data?.large.agents.length).toBeGreaterThanOrEqual(150);
    // each warmed once (what a process keeps between requests, such as staff's scopes, is then the same)
    for (const center of [small, large]) await countedLoad(center);
    const ofSmall = await countedLoad(small);
    const ofLarge = await countedLoad(large);
    expect(ofLarge).toEqual(ofSmall);
    // every source of the center's record was asked (a subgraph skipped would make the check hollow)
    for (const name of ['staff', 'traffic', 'qa', 'training', 'kpi', 'care', 'wfm', 'voc'])
      expect(ofSmall[name]).toBeGreaterThan(0);
  }, 600_000);
});
