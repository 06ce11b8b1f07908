import { randomUUID } from 'node:crypto';
import { postGraphQL, startTestSubgraph, type TestSubgraph } from '@switchboard/testing';
import { kpiSubgraph } from '../../kpi.subgraph';

interface TrendRecord {
  scopeType: string;
  scopeId: string;
  from: string;
  to: string;
}

const RECORD = '{ scopeType scopeId from to }';
const AGENT_TREND = `query($r: [_Any!]!, $i: TrendPeriodInput!) { _entities(representations: $r) {
  ... on Agent { id performanceTrend(input: $i) ${RECORD} } } }`;
const WEEKS = { granularity: 'WEEK', fromDay: '2026-11-01', toDay: '2026-12-01', timeZone: 'Asia/Shanghai' };

/** kpi's field on staff's Agent: the agent's trend records, as performanceTrend with scope AGENT. */
describe('Agent.performanceTrend', () => {
  let kpi: TestSubgraph;
  beforeAll(async () => {
    kpi = await startTestSubgraph(kpiSubgraph);
  });
  afterAll(() => kpi.stop());

  const agentTrends = (ids: string[], input: Record<string, unknown> = WEEKS) =>
    postGraphQL<{ _entities: { id: string; performanceTrend: TrendRecord[] }[] }>(kpi.url, AGENT_TREND, {
      r: ids.map((id) => ({ __typename: 'Agent', id })),
      i: input,
    });

  it('gives each agent reference the records performanceTrend gives for scope AGENT', async () => {
    const [a, b] = [randomUUID(), randomUUID().toUpperCase()];
    const response = await agentTrends([a, b]);
    expect(response.errors).toBeUndefined();
    const [first, second] = response.data?._entities ?? [];
    const query = await postGraphQL<{ performanceTrend: TrendRecord[] }>(
      kpi.url,
      `query($i: PerformanceTrendInput!) { performanceTrend(input: $i) ${RECORD} }`,
      { i: { ...WEEKS, scope: { type: 'AGENT', id: a } } },
    );
    expect(first.performanceTrend).toEqual(query.data?.performanceTrend);
    expect(first.performanceTrend.map((r) => r.from)).toEqual([
      '2026-10-31T16:00:00.000Z', // Sunday 1 November (Shanghai), clipped
      '2026-11-01T16:00:00.000Z',
      '2026-11-08T16:00:00.000Z',
      '2026-11-15T16:00:00.000Z',
      '2026-11-22T16:00:00.000Z',
      '2026-11-29T16:00:00.000Z',
    ]);
    expect(first.performanceTrend.at(-1)?.to).toBe('2026-11-30T16:00:00.000Z');
    // the key is staff's id, lower-cased as every Performance key is
    expect(
      second.performanceTrend.every((r) => r.scopeType === 'AGENT' && r.scopeId === b.toLowerCase()),
    ).toBe(true);
  });

  it('refuses bad input naming the field, as performanceTrend does', async () => {
    const cases: [Record<string, unknown>, string][] = [
      [{ ...WEEKS, fromDay: '2026-13-01' }, 'input.fromDay'],
      [{ ...WEEKS, toDay: '2026-10-01' }, 'input.toDay'],
      [{ ...WEEKS, timeZone: 'Mars/Olympus' }, 'input.timeZone'],
      [{ ...WEEKS, granularity: 'DAY', fromDay: '2020-01-01' }, 'input.toDay'],
    ];
    for (const [input, field] of cases) {
      const response = await agentTrends([randomUUID()], input);
      expect(response.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT' } });
      expect(response.errors?.[0].message).toContain(field);
    }
  });

  it('answers 3 or 200 agent references with no SQL at all (the records are their keys)', async () => {
    const ids = (n: number) => Array.from({ length: n }, () => randomUUID());
    const small = await kpi.sql.count(() => agentTrends(ids(3)));
    const large = await kpi.sql.count(() => agentTrends(ids(200)));
    expect(large.result.errors).toBeUndefined();
    expect(large.result.data?._entities).toHaveLength(200);
    expect(large.result.data?._entities.every((a) => a.performanceTrend.length === 6)).toBe(true);
    expect(small.statements).toEqual([]);
    expect(large.statements).toEqual([]);
  });
});
