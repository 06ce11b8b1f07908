import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Kind, parse, print, type ObjectTypeDefinitionNode } from 'graphql';
import { SEGMENT_METRICS } from '@switchboard/contracts';

// kpi reads every segment metric of the contract through `@requires` on traffic's per-segment figures:
// traffic's committed schema must answer each of them (a number, null where nothing was offered).
describe('PerformanceSegmentTraffic', () => {
  const sdl = parse(readFileSync(join(__dirname, '..', '..', 'schema.graphql'), 'utf8'));
  const type = sdl.definitions.find(
    (d): d is ObjectTypeDefinitionNode =>
      d.kind === Kind.OBJECT_TYPE_DEFINITION && d.name.value === 'PerformanceSegmentTraffic',
  );

  it.each(SEGMENT_METRICS)('answers the segment metric %s as a nullable Float', (metric) => {
    const field = type?.fields?.find((f) => f.name.value === metric);
    expect(field && print(field.type)).toBe('Float');
  });
});
