import { buildSchema } from 'graphql';
import { nullEntitiesOf } from './failed-entities';

const SCHEMA = buildSchema(`
  type Query { performance: Performance! evaluations: [String!]! }
  type Performance { scopeId: ID! qa: PerformanceQa kpis: [String!]! note: String }
  type PerformanceQa { qaScore: Float }
  type Agent { employeeNo: String! qaSummary: PerformanceQa }
`);

const ENTITIES = `query Q($representations: [_Any!]!) {
  _entities(representations: $representations) {
    __typename
    ... on Performance { qa { qaScore } kpis aliased: note }
    ... on Agent { ...AgentParts }
  }
}
fragment AgentParts on Agent { employeeNo qaSummary { qaScore } }`;

describe('nullEntitiesOf', () => {
  it('answers each representation with the nullable fields asked of its type null, by response name', () => {
    const representations = [
      { __typename: 'Performance', scopeId: 'a', agents: [] },
      { __typename: 'Agent', employeeNo: 'E1' },
      { __typename: 'Performance', scopeId: 'b', agents: [] },
    ];
    expect(nullEntitiesOf(ENTITIES, { representations }, SCHEMA)).toEqual({
      _entities: [
        // kpis is non-null: left missing, as the failed fetch left it
        { __typename: 'Performance', qa: null, aliased: null },
        { __typename: 'Agent', qaSummary: null },
        { __typename: 'Performance', qa: null, aliased: null },
      ],
    });
  });

  it('keeps one answer per representation, and a field the API schema does not know stays missing', () => {
    const representations = [{ __typename: 'Unknown' }, null, { __typename: 'Performance' }];
    const query = `query($representations: [_Any!]!) { _entities(representations: $representations) {
      ... on Performance { hidden qa { qaScore } } } }`;
    expect(nullEntitiesOf(query, { representations }, SCHEMA)?._entities).toEqual([
      { __typename: 'Unknown' },
      null,
      { __typename: 'Performance', qa: null },
    ]);
  });

  it('is null for a root fetch, which fails as before', () => {
    expect(nullEntitiesOf('{ evaluations }', {}, SCHEMA)).toBeNull();
    expect(
      nullEntitiesOf('query($r: [_Any!]!) { performance { qa { qaScore } } }', { r: [] }, SCHEMA),
    ).toBeNull();
    expect(nullEntitiesOf('{ performance { note } }', { representations: [{}] }, SCHEMA)).toBeNull();
    expect(nullEntitiesOf(undefined, { representations: [] }, SCHEMA)).toBeNull();
  });
});
