import { clientToken, postGraphQL } from '@switchboard/testing';
import { dashboardOperations } from '../bench/dashboard/mixed-workload';
import { startTestStack, statementsPerSubgraph, type TestStack } from './stack';

const DAY_MS = 86_400_000;
const SHANGHAI_MS = 8 * 3_600_000;

/**
 * Issue 23: the agent page is most of a morning's requests, so its statements per subgraph are
 * pinned. The dashboard's own AgentPage operation, by the agent themself, over a week with a
 * 28-day trend by day: its trend asks traffic's and qa's parts, so kpi runs no statement (its
 * KPI fields would read the catalog and the targets twice) and staff does not resolve the
 * buckets' ancestors; staff reads the agent with its team and center in one statement.
 */
describe('AgentPage: SQL statements per subgraph (issue 23)', () => {
  let stack: TestStack;
  let employeeNo: string;
  const operation = dashboardOperations().AgentPage;

  beforeAll(async () => {
    stack = await startTestStack({
      seed: ['staff', 'traffic', 'qa', 'training', 'kpi'],
      subgraphTimeoutMs: 120_000,
    });
    const agents = await postGraphQL<{ agents: { nodes: { employeeNo: string; role: string }[] } }>(
      stack.gatewayUrl,
      '{ agents(first: 50) { nodes { employeeNo role } } }',
    );
    employeeNo = agents.data?.agents.nodes.find((a) => a.role === 'AGENT')?.employeeNo as string;
    expect(employeeNo).toBeDefined();
  }, 900_000);
  afterAll(() => stack?.stop());

  function variables(): Record<string, unknown> {
    const midnight = Math.floor((Date.now() + SHANGHAI_MS) / DAY_MS) * DAY_MS - SHANGHAI_MS;
    const day = (instant: number) => new Date(instant + SHANGHAI_MS).toISOString().slice(0, 10);
    return {
      employeeNo,
      from: new Date(midnight - 7 * DAY_MS).toISOString(),
      to: new Date(midnight).toISOString(),
      fromDay: day(midnight - 28 * DAY_MS),
      toDay: day(midnight),
      granularity: 'DAY',
      timeZone: 'Asia/Shanghai',
    };
  }

  async function countedLoad(token: string): Promise<Record<string, number>> {
    const load = async (): Promise<void> => {
      const answer = await postGraphQL<{ agent: { performanceTrend: unknown[] } | null }>(
        stack.gatewayUrl,
        operation,
        variables(),
        { authorization: `Bearer ${token}` },
      );
      expect(answer.errors).toBeUndefined();
      expect(answer.data?.agent?.performanceTrend).toHaveLength(28);
    };
    return statementsPerSubgraph(stack, load);
  }

  it('costs staff 3 statements, qa at most 6, traffic and training 3 each, kpi none', async () => {
    const token = await clientToken({
      subject: employeeNo,
      roles: ['AGENT'],
      centers: [],
      teams: [],
      employeeNo,
    });
    await countedLoad(token); // warmed once
    const counted = await countedLoad(token);
    // staff: the agent with its team and center, its skills (training @requires them), the trend's agent
    expect(counted).toMatchObject({ staff: 3, traffic: 3, training: 3, kpi: 0 });
    // the two evaluation lists each load their scorecards: one statement, or two when they finish apart
    expect(counted.qa).toBeGreaterThanOrEqual(4);
    expect(counted.qa).toBeLessThanOrEqual(6);
  }, 600_000);
});
