import { buildSchema, GraphQLError, Kind, parse, type OperationDefinitionNode } from 'graphql';
import { resultOfAnswer, resultOfFailure } from './fast-path-answer';

const schema = buildSchema(`type Query { centers: [String!] agent(no: String!): String count: Int! }`);

function asked(query: string, variables: Record<string, unknown> = {}) {
  const document = parse(query);
  const operation = document.definitions.find(
    (d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION,
  ) as OperationDefinitionNode;
  return { schema, document, operation, variables };
}

describe('the fast path’s answers that are not plain data (issue 17: never sent again)', () => {
  it('keeps a subgraph’s data and errors, naming the subgraph and dropping its locations', () => {
    const result = resultOfAnswer(
      {
        data: { centers: ['A'], agent: null },
        errors: [
          { message: 'no', path: ['agent'], locations: [{ line: 1, column: 3 }], extensions: { code: 'X' } },
        ],
      },
      'staff',
      asked('{ centers agent(no: "1") }'),
    );
    expect(result.data).toEqual({ centers: ['A'], agent: null });
    expect(result.errors?.map((e) => e.toJSON())).toEqual([
      { message: 'no', path: ['agent'], extensions: { code: 'X', serviceName: 'staff' } },
    ]);
  });

  it('answers a refusal without data with each root field null, by response name, skipped ones left out', () => {
    const result = resultOfAnswer(
      { errors: [{ message: 'bad', extensions: { code: 'BAD_USER_INPUT' } }] },
      'staff',
      asked(
        'query Q($skip: Boolean!) { c: centers ...F __typename agent(no: "1") @skip(if: $skip) } fragment F on Query { agent(no: "2") }',
        {
          skip: true,
        },
      ),
    );
    expect(result.data).toEqual({ c: null, agent: null, __typename: 'Query' });
  });

  it('answers no data at all when a root field asked may not be null, and no errors when there are none', () => {
    const failure = resultOfFailure(new GraphQLError('down'), asked('{ centers count }'));
    expect(failure.data).toBeNull();
    expect(failure.errors?.map((e) => e.message)).toEqual(['down']);
    expect(resultOfAnswer({ data: { count: 1 }, errors: [] }, 'kpi', asked('{ count }'))).toEqual({
      data: { count: 1 },
    });
  });
});
