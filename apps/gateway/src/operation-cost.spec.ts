import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { Supergraph } from '@apollo/federation-internals';
import {
  GraphQLError,
  Kind,
  parse,
  type FragmentDefinitionNode,
  type GraphQLSchema,
  type OperationDefinitionNode,
} from 'graphql';
import { estimateOperationCost } from './operation-cost';

const schema: GraphQLSchema = Supergraph.build(
  readFileSync(resolve(__dirname, '..', 'supergraph.graphql'), 'utf8'),
)
  .apiSchema()
  .toGraphQLJSSchema();

/** Every operation of `source` estimated; the first error's code and message, or the cost. */
function estimate(
  source: string,
  variables: Record<string, unknown> = {},
): { objects?: number; error?: GraphQLError } {
  const document = parse(source);
  const fragments: Record<string, FragmentDefinitionNode> = {};
  for (const d of document.definitions) if (d.kind === Kind.FRAGMENT_DEFINITION) fragments[d.name.value] = d;
  let objects = 0;
  try {
    for (const d of document.definitions) {
      if (d.kind !== Kind.OPERATION_DEFINITION) continue;
      objects = Math.max(
        objects,
        estimateOperationCost(schema, d as OperationDefinitionNode, fragments, variables).objects,
      );
    }
  } catch (error) {
    if (error instanceof GraphQLError) return { error };
    throw error;
  }
  return { objects };
}

const STATS = `query($f: StatsFilter!, $g: Granularity!, $by: [StatsDimension!]) {
  trafficStats(filter: $f, granularity: $g, groupBy: $by) { intervalStart queueCode offered serviceLevel }
}`;

describe('operation cost (issue 17)', () => {
  it('refuses 400 days at 15 minutes by five dimensions before it runs, naming trafficStats and the limit', () => {
    const { error } = estimate(STATS, {
      f: { from: '2025-11-01T00:00:00Z', to: '2026-12-06T00:00:00Z' },
      g: 'FIFTEEN_MINUTES',
      by: ['CENTER', 'QUEUE', 'CHANNEL', 'AGENT', 'TEAM'],
    });
    expect(error?.extensions.code).toBe('QUERY_TOO_COSTLY');
    expect(error?.message).toMatch(
      /^trafficStats: an estimated [\d,]+ rows \(38,400 intervals x [\d,]+ groups\) is over the limit of 500,000/,
    );
    expect(error?.extensions).toMatchObject({ field: 'trafficStats', limit: 500_000 });
  });

  it('refuses the same written inline, without variables', () => {
    const { error } = estimate(`{ trafficStats(
      filter: { from: "2025-11-01T00:00:00Z", to: "2026-12-06T00:00:00Z" }
      granularity: FIFTEEN_MINUTES, groupBy: [CENTER, QUEUE, CHANNEL, AGENT, TEAM]) { offered } }`);
    expect(error?.extensions.code).toBe('QUERY_TOO_COSTLY');
  });

  it.each([
    [
      'a month at 30 minutes by queue (the README example)',
      'THIRTY_MINUTES',
      ['QUEUE'],
      '2026-11-01',
      '2026-12-01',
    ],
    ['a year by day by agent', 'DAY', ['AGENT'], '2025-12-01', '2026-12-01'],
    ['400 days at 15 minutes, ungrouped', 'FIFTEEN_MINUTES', [], '2025-11-01', '2026-12-06'],
    [
      'a day at 15 minutes by agent and queue',
      'FIFTEEN_MINUTES',
      ['AGENT', 'QUEUE'],
      '2026-11-01',
      '2026-11-02',
    ],
  ])('answers %s', (_what, g, by, from, to) => {
    const { error, objects } = estimate(STATS, {
      f: { from: `${from}T00:00:00Z`, to: `${to}T00:00:00Z` },
      g,
      by,
    });
    expect(error).toBeUndefined();
    expect(objects).toBeGreaterThan(0);
  });

  it('narrows a dimension to the members the filter names', () => {
    const wide = { from: '2026-01-01T00:00:00Z', to: '2026-12-01T00:00:00Z' };
    const variables = (f: Record<string, unknown>) => ({ f, g: 'FIFTEEN_MINUTES', by: ['QUEUE'] });
    expect(estimate(STATS, variables(wide)).error?.extensions.code).toBe('QUERY_TOO_COSTLY');
    expect(estimate(STATS, variables({ ...wide, queueCodes: ['SHA-CARDS'] })).error).toBeUndefined();
  });

  it('refuses an 11-level nesting of lists, naming the field where the budget runs out', () => {
    const { error } =
      estimate(`{ centers { teams { members { team { members { team { members { team { members {
      team { members { employeeNo } } } } } } } } } } } }`);
    expect(error?.extensions.code).toBe('QUERY_TOO_COSTLY');
    expect(error?.message).toMatch(/^members: the query would resolve an estimated [\d,]+ objects/);
    expect(error?.message).toContain('over the limit of 500,000');
  });

  it('counts a page by its size: first on the field, the page size on its nodes', () => {
    const page = (first: number) =>
      estimate(`{ agents(first: ${first}) { nodes { team { code } skills { proficiency } } } }`).objects ?? 0;
    // the page, its nodes, a team each and 20 skills each
    expect(page(10)).toBe(1 + 10 + 10 + 10 * 20);
    expect(page(500)).toBe(1 + 500 + 500 + 500 * 20);
  });

  it("answers the README's drill-down and every dashboard operation", () => {
    const readme = readFileSync(resolve(__dirname, '..', '..', '..', 'README.md'), 'utf8');
    const queries = [...readme.matchAll(/```graphql\n([\s\S]*?)```/g)].map((m) => m[1]);
    expect(queries.length).toBeGreaterThan(3);
    for (const query of queries) expect(estimate(query).error).toBeUndefined();
    const dashboard = readFileSync(
      resolve(__dirname, '..', '..', 'dashboard', 'src', 'api', 'operations.graphql'),
      'utf8',
    );
    expect(estimate(dashboard).error).toBeUndefined();
  });
});
