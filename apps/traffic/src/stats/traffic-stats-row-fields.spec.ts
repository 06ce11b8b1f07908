import { isObjectType } from 'graphql';
import { buildTrafficSchema } from '../traffic.subgraph';

describe('TrafficStatsRow fields', () => {
  it('reads every field but the entity ones straight off the row: no resolver call per field of tens of thousands of rows', async () => {
    const { schema } = await buildTrafficSchema();
    const row = schema.getType('TrafficStatsRow');
    if (!isObjectType(row)) throw new Error('TrafficStatsRow is not an object type');
    const withResolver = Object.values(row.getFields())
      .filter((f) => f.resolve !== undefined)
      .map((f) => f.name)
      .sort();
    // the metrics inherited from ContactMetrics included (type-graphql wrapped those despite simpleResolvers)
    expect(withResolver).toEqual(['agent', 'center', 'queue', 'team']);
  });
});
