import { postGraphQL, startTestSubgraph, type TestSubgraph } from '@switchboard/testing';
import { trafficSubgraph } from '../traffic.subgraph';

/**
 * Issue 17: trafficStats refuses, before its statement runs, an answer whose period, granularity and
 * groups promise more rows than one answer may hold, even when reached without the gateway.
 */
describe('trafficStats cost guard (issue 17)', () => {
  let traffic: TestSubgraph;
  beforeAll(async () => {
    traffic = await startTestSubgraph(trafficSubgraph);
  });
  afterAll(() => traffic.stop());

  const stats = (filter: Record<string, unknown>, granularity: string, groupBy: string[]) =>
    traffic.sql.count(() =>
      postGraphQL<{ trafficStats: unknown[] | null }>(
        traffic.url,
        `query($f: StatsFilter!, $g: Granularity!, $by: [StatsDimension!]) {
          trafficStats(filter: $f, granularity: $g, groupBy: $by) { intervalStart offered } }`,
        { f: filter, g: granularity, by: groupBy },
      ),
    );

  const year = { from: '2025-11-01T00:00:00Z', to: '2026-12-06T00:00:00Z' };

  it('refuses 400 days at 15 minutes by five dimensions with QUERY_TOO_COSTLY, running no statement', async () => {
    const { result, statements } = await stats(year, 'FIFTEEN_MINUTES', [
      'CENTER',
      'QUEUE',
      'CHANNEL',
      'AGENT',
      'TEAM',
    ]);
    expect(result.errors?.[0]).toMatchObject({
      message: expect.stringMatching(
        /^trafficStats: an estimated [\d,]+ rows .* over the limit of 500,000/,
      ) as string,
      extensions: { code: 'QUERY_TOO_COSTLY', field: 'trafficStats', limit: 500_000 },
    });
    expect(statements.filter((sql) => /interval_stat/.test(sql))).toEqual([]);
  });

  it('answers the same period narrowed to two agents by day', async () => {
    const { result } = await stats({ ...year, employeeNos: ['E1', 'E2'] }, 'DAY', ['AGENT', 'QUEUE']);
    expect(result.errors).toBeUndefined();
    expect(result.data?.trafficStats).toEqual([]);
  });
});
