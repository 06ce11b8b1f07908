import fc from 'fast-check';
import {
  badInputProperties,
  invalid,
  type MutationCase,
  startTestSubgraph,
  type TestSubgraph,
} from '@switchboard/testing';
import { kpiSubgraph } from './kpi.subgraph';
import { KpiFactory, knownScopes } from './testing/kpi-factories';

/** Every kpi mutation, its valid form, and what must be refused in each field (issue 9: bad input everywhere). */
describe('kpi: bad input is refused with a clear error and writes nothing', () => {
  let kpi: TestSubgraph;
  let factory: KpiFactory;
  beforeAll(async () => {
    kpi = await startTestSubgraph(kpiSubgraph, { referenceSource: knownScopes.source });
    factory = new KpiFactory(kpi.url);
  });
  afterAll(() => kpi.stop());

  const cases = (): MutationCase[] => [
    {
      name: 'setKpiTarget',
      document: 'mutation($input: SetKpiTargetInput!) { setKpiTarget(input: $input) { id } }',
      valid: () => ({
        input: {
          kpiCode: 'AHT',
          scope: { type: 'TEAM', id: factory.scopeId() },
          target: 300,
          amberBand: 30,
          validFrom: '2026-01-01',
          validTo: '2026-07-01',
        },
      }),
      fields: {
        'input.kpiCode': fc.oneof(invalid.code, fc.constant('NO_SUCH_KPI')),
        'input.scope.type': invalid.enumValue,
        // a malformed id, or one staff (center, team) or traffic (queue) does not hold (issue 17)
        'input.scope.id': fc.oneof(
          fc.uuid({ version: 4 }),
          fc.constantFrom('not-a-uuid', "1' or '1'='1", 'x'.repeat(20_000)),
        ),
        // AHT is in seconds: 0..86400
        'input.target': fc.oneof(invalid.seconds, fc.constantFrom(86_401, -1, 'NaN', true)),
        'input.amberBand': invalid.seconds,
        'input.validFrom': fc.oneof(invalid.date, fc.constant('2026-07-01')),
        'input.validTo': fc.oneof(invalid.date, fc.constant('2025-12-31')),
      },
    },
    {
      // issue 20 item 5: a segment's target (a tighter service level for VIP), every field again
      name: 'setKpiTarget for a customer segment',
      document: 'mutation($input: SetKpiTargetInput!) { setKpiTarget(input: $input) { id segment } }',
      valid: () => ({
        input: {
          kpiCode: 'SERVICE_LEVEL',
          scope: { type: 'QUEUE', id: factory.scopeId() },
          segment: 'VIP',
          target: 0.9,
          amberBand: 0.05,
          validFrom: '2026-01-01',
        },
      }),
      fields: {
        'input.segment': fc.oneof(invalid.enumValue, fc.constantFrom('GOLD', 'vip', '', 'VIP ')),
        'input.kpiCode': fc.constantFrom('QA_SCORE', 'CSAT', 'NO_SUCH_KPI'),
        'input.scope.type': fc.oneof(invalid.enumValue, fc.constant('TEAM')),
        'input.target': fc.constantFrom(1.5, -0.1, 'NaN'),
      },
    },
    {
      name: 'removeKpiTarget',
      document: 'mutation($id: ID!) { removeKpiTarget(id: $id) }',
      valid: async () => ({
        id: (
          await factory.target({
            kpiCode: 'ASA',
            scope: { type: 'CENTER', id: factory.scopeId() },
            target: 20,
            amberBand: 5,
          })
        ).id,
      }),
      fields: { id: invalid.reference },
    },
  ];

  badInputProperties(() => kpi, cases, 30);
});
