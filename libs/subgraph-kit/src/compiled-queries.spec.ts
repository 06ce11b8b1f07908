import { ApolloServer } from '@apollo/server';
import {
  buildSchema,
  GraphQLError,
  parse,
  type ExecutionResult,
  type GraphQLFieldResolver,
  type GraphQLObjectType,
  type GraphQLScalarType,
} from 'graphql';
import { compileQuery, isCompiledQuery } from 'graphql-jit';
import {
  compiledQueries,
  jitCompiler,
  lastObjectSerializers,
  leavesAlreadySerialized,
  unserializedLeaves,
  type ErrorFormatter,
  variablesWithDefaults,
  type QueryCompiler,
} from './compiled-queries';

const typeDefs = /* GraphQL */ `
  input Window {
    from: Int!
    zone: String! = "UTC"
    step: Int = 15
  }
  type Row {
    at: Int!
    zone: String!
    step: Int
    label: String!
  }
  type Query {
    rows(window: Window!, count: Int!): [Row!]!
    broken: Row
    missing: Row!
  }
  type Mutation {
    bump: Int!
  }
`;

interface Calls {
  rows: number;
  bumps: number;
  broken: number;
  missing: number;
}

type RowsArgs = { window: { from: number; zone: string; step: number | null }; count: number };

function schemaWith(calls: Calls) {
  const schema = buildSchema(typeDefs);
  const resolvers: Record<string, Record<string, GraphQLFieldResolver<unknown, unknown>>> = {
    Query: {
      rows: (_, args) => {
        const { window, count } = args as RowsArgs;
        calls.rows += 1;
        return Array.from({ length: count }, (_, i) => ({
          at: window.from + i,
          zone: window.zone,
          step: window.step,
          label: `row ${i}`,
        }));
      },
      broken: () => {
        calls.broken += 1;
        throw new GraphQLError('broken on purpose', { extensions: { code: 'BAD_USER_INPUT' } });
      },
      missing: () => {
        calls.missing += 1;
        return null;
      },
    },
    Mutation: {
      bump: () => {
        calls.bumps += 1;
        return calls.bumps;
      },
    },
  };
  for (const type of [schema.getQueryType(), schema.getMutationType()]) {
    for (const field of Object.values(type?.getFields() ?? {}))
      field.resolve = resolvers[type?.name ?? ''][field.name];
  }
  return schema;
}

interface Harness {
  server: ApolloServer;
  calls: Calls;
  compiles: number;
  compiledRuns: number;
  /** Compiled runs that ended without errors: the answers the plugin gave itself. */
  compiledAnswers: number;
}

async function harness(withPlugin: boolean): Promise<Harness> {
  const state: Harness = {
    server: undefined as never,
    calls: { rows: 0, bumps: 0, broken: 0, missing: 0 },
    compiles: 0,
    compiledRuns: 0,
    compiledAnswers: 0,
  };
  const counting: QueryCompiler = (schema, document, operationName) => {
    state.compiles += 1;
    const compiled = compileQuery(schema, document, operationName);
    if (!isCompiledQuery(compiled)) return null;
    return {
      query: async (root, context, variables) => {
        state.compiledRuns += 1;
        const result: ExecutionResult = await compiled.query(root, context, variables);
        if (!result.errors) state.compiledAnswers += 1;
        return result;
      },
    };
  };
  const formatError: ErrorFormatter = (formatted) => ({
    ...formatted,
    extensions: { ...formatted.extensions, formatted: true },
  });
  state.server = new ApolloServer({
    schema: schemaWith(state.calls),
    plugins: withPlugin ? [compiledQueries({ compile: counting, formatError })] : [],
    formatError,
  });
  await state.server.start();
  return state;
}

async function run(h: Harness, query: string, variables?: Record<string, unknown>): Promise<unknown> {
  const response = await h.server.executeOperation({ query, variables });
  if (response.body.kind !== 'single') throw new Error('expected a single result');
  return response.body.singleResult;
}

const ROWS = `query Rows($w: Window!, $n: Int!) { rows(window: $w, count: $n) { at zone step label } }`;

describe('compiledQueries', () => {
  let compiled: Harness;
  let plain: Harness;

  beforeEach(async () => {
    compiled = await harness(true);
    plain = await harness(false);
  });

  afterEach(async () => {
    await compiled.server.stop();
    await plain.server.stop();
  });

  it('answers a query through the compiled operation with the same data as graphql-js', async () => {
    const variables = { w: { from: 100, zone: 'Asia/Shanghai', step: 30 }, n: 3 };
    const answer = await run(compiled, ROWS, variables);
    expect(answer).toEqual(await run(plain, ROWS, variables));
    expect(answer).toEqual({
      data: {
        rows: [
          { at: 100, zone: 'Asia/Shanghai', step: 30, label: 'row 0' },
          { at: 101, zone: 'Asia/Shanghai', step: 30, label: 'row 1' },
          { at: 102, zone: 'Asia/Shanghai', step: 30, label: 'row 2' },
        ],
      },
    });
    expect(compiled.compiledAnswers).toBe(1);
    expect(compiled.calls.rows).toBe(1);
  });

  it('compiles an operation once and runs it compiled every time after', async () => {
    for (const from of [1, 2, 3]) await run(compiled, ROWS, { w: { from }, n: 1 });
    expect(compiled.compiles).toBe(1);
    expect(compiled.compiledAnswers).toBe(3);
  });

  it("applies an input object's field defaults, non-null ones included, as graphql-js does", async () => {
    const variables = { w: { from: 7 }, n: 1 };
    const answer = await run(compiled, ROWS, variables);
    expect(answer).toEqual({ data: { rows: [{ at: 7, zone: 'UTC', step: 15, label: 'row 0' }] } });
    expect(answer).toEqual(await run(plain, ROWS, variables));
    expect(compiled.compiledAnswers).toBe(1);
    expect(compiled.calls.rows).toBe(1);
  });

  it("answers a resolver's error from the compiled run, once, formatted as Apollo Server formats it (issue 17)", async () => {
    const query = '{ broken { at } }';
    const answer = await run(compiled, query);
    expect(answer).toEqual(await run(plain, query));
    expect(answer).toMatchObject({
      data: { broken: null },
      errors: [
        {
          message: 'broken on purpose',
          path: ['broken'],
          extensions: { code: 'BAD_USER_INPUT', formatted: true },
        },
      ],
    });
    expect(compiled.compiledRuns).toBe(1);
    // The resolver ran once: the compiled run's errors are the answer, not a reason to run again.
    expect(compiled.calls.broken).toBe(1);
  });

  it('answers a null in a non-null field and a bad variable exactly as graphql-js does, each run once', async () => {
    expect(await run(compiled, '{ missing { at } }')).toEqual(await run(plain, '{ missing { at } }'));
    expect(compiled.calls.missing).toBe(1);
    const bad = { w: { from: 'soon' }, n: 1 };
    const answer = await run(compiled, ROWS, bad);
    expect(answer).toEqual(await run(plain, ROWS, bad));
    expect(answer).toMatchObject({ errors: [{ extensions: { code: 'BAD_USER_INPUT' } }] });
    // Refused before any resolver ran, by graphql-js: the compiled operation was not run.
    expect(compiled.compiledRuns).toBe(1);
    expect(compiled.calls.rows).toBe(0);
  });

  it('never compiles or repeats a mutation', async () => {
    expect(await run(compiled, 'mutation { bump }')).toEqual({ data: { bump: 1 } });
    expect(compiled.compiles).toBe(0);
    expect(compiled.calls.bumps).toBe(1);
  });

  it('lets graphql-js answer what the compiler refuses', async () => {
    const calls = { rows: 0, bumps: 0, broken: 0, missing: 0 };
    const server = new ApolloServer({
      schema: schemaWith(calls),
      plugins: [compiledQueries({ compile: () => null })],
    });
    await server.start();
    try {
      const response = await server.executeOperation({ query: ROWS, variables: { w: { from: 5 }, n: 1 } });
      expect(response.body).toMatchObject({
        singleResult: { data: { rows: [{ at: 5, zone: 'UTC', step: 15, label: 'row 0' }] } },
      });
      expect(calls.rows).toBe(1);
    } finally {
      await server.stop();
    }
  });
});

describe('variablesWithDefaults', () => {
  const schema = schemaWith({ rows: 0, bumps: 0, broken: 0, missing: 0 });
  const operation = (query: string) => {
    const definition = parse(query).definitions[0];
    if (definition.kind !== 'OperationDefinition') throw new Error('expected an operation');
    return definition;
  };

  it('writes out left-out fields with defaults and keeps given ones, nulls included', () => {
    expect(variablesWithDefaults(schema, operation(ROWS), { w: { from: 1, step: null }, n: 2 })).toEqual({
      w: { from: 1, zone: 'UTC', step: null },
      n: 2,
    });
  });

  it('gives a left-out variable its own default, as graphql-js does (a non-null one too)', () => {
    const query = `query($w: Window! = { from: 3 }, $n: Int! = 30, $m: Int) { rows(window: $w, count: $n) { at } }`;
    expect(variablesWithDefaults(schema, operation(query), {})).toEqual({
      w: { from: 3, zone: 'UTC', step: 15 },
      n: 30,
    });
    expect(variablesWithDefaults(schema, operation(query), { n: 5, m: null })).toEqual({
      w: { from: 3, zone: 'UTC', step: 15 },
      n: 5,
      m: null,
    });
  });

  it('leaves variables that are not input objects, and absent ones, as they are', () => {
    expect(variablesWithDefaults(schema, operation(ROWS), { n: 2 })).toEqual({ n: 2 });
    expect(variablesWithDefaults(schema, operation(ROWS), { w: 'not an object', n: 2 })).toEqual({
      w: 'not an object',
      n: 2,
    });
  });
});

describe('lastObjectSerializers', () => {
  const schema = buildSchema('scalar Stamp type Query { at: Stamp, n: Int }');
  let calls = 0;
  const stamp = schema.getType('Stamp') as GraphQLScalarType;
  stamp.serialize = (value: unknown) => {
    calls += 1;
    return value instanceof Date ? value.toISOString() : String(value);
  };
  const serialize = lastObjectSerializers(schema).Stamp;

  beforeEach(() => {
    calls = 0;
  });

  it("serializes an object shared by many rows once, with the scalar's own answer", () => {
    const shared = new Date('2026-11-23T08:30:00Z');
    expect([serialize(shared), serialize(shared), serialize(shared)]).toEqual(
      Array(3).fill('2026-11-23T08:30:00.000Z'),
    );
    expect(calls).toBe(1);
  });

  it('serializes equal but distinct objects, and every primitive, each time', () => {
    const a = new Date('2026-11-23T08:30:00Z');
    const b = new Date('2026-11-23T08:30:00Z');
    expect([serialize(a), serialize(b), serialize(a)]).toEqual(Array(3).fill('2026-11-23T08:30:00.000Z'));
    expect([serialize('x'), serialize('x')]).toEqual(['x', 'x']);
    expect(calls).toBe(5);
  });

  it('leaves the built-in scalars to graphql-jit', () => {
    expect(Object.keys(lastObjectSerializers(schema))).toEqual(['Stamp']);
  });
});

describe('jitCompiler with types whose leaves are already serialized', () => {
  const schema = buildSchema(/* GraphQL */ `
    scalar Stamp
    enum Mood {
      GLAD
    }
    type Figure {
      value: Float
      n: Int!
      label: String
      mood: Mood
      at: Stamp
    }
    type Other {
      n: Int!
      mood: Mood
    }
    type Query {
      figures: [Figure]!
      other: Other!
    }
  `);
  (schema.getType('Stamp') as GraphQLScalarType).serialize = (value) => `stamp ${String(value)}`;
  const fields = schema.getQueryType()?.getFields() ?? {};
  // what a resolver that breaks the promise would give: texts for numbers, an internal enum value
  fields.figures.resolve = () => [
    { value: 0.25, n: '7', label: 'a "b"', mood: 'glad', at: 1 },
    { value: null, n: null, label: null, mood: null, at: null },
  ];
  fields.other.resolve = () => ({ n: '7', mood: 'GLAD' });
  const answer = async (query: string, serialized: string[]) => {
    const compiled = jitCompiler(new Set(serialized))(schema, parse(query), undefined);
    if (!compiled) throw new Error('not compiled');
    return JSON.parse(JSON.stringify(await compiled.query(undefined, {}, {}))) as unknown;
  };

  it('copies the built-in scalar and enum leaves of the listed types as they are, nulls still checked', async () => {
    expect(await answer('{ figures { value n label mood __typename } }', ['Figure'])).toEqual({
      data: {
        figures: [{ value: 0.25, n: '7', label: 'a "b"', mood: 'glad', __typename: 'Figure' }, null],
      },
      errors: [expect.objectContaining({ message: 'Cannot return null for non-nullable field Figure.n.' })],
    });
  });

  it('still serializes a custom scalar leaf, and copies the others beside it', async () => {
    expect(await answer('{ figures { n at } }', ['Figure'])).toMatchObject({
      data: { figures: [{ n: '7', at: 'stamp 1' }, null] },
    });
  });

  it('serializes every leaf when one is of a type not listed, or nothing is listed', async () => {
    const serialized = { figures: [{ value: 0.25, n: 7 }, null] };
    expect(await answer('{ figures { value n } }', [])).toMatchObject({ data: serialized });
    expect(await answer('{ figures { value n } other { n } }', ['Figure'])).toMatchObject({
      data: { ...serialized, other: { n: 7 } },
    });
  });

  it('tells which selections have only such leaves', () => {
    const types = new Set(['Figure']);
    const only = (query: string) => leavesAlreadySerialized(schema, parse(query), types);
    expect(only('{ figures { value n label mood at } }')).toBe(true);
    expect(only('{ figures { ...F } } fragment F on Figure { n __typename }')).toBe(true);
    expect(only('{ other { n } }')).toBe(false);
    expect(only('{ other { mood } }')).toBe(false);
    expect(leavesAlreadySerialized(schema, parse('{ figures { n } }'), new Set())).toBe(false);
  });

  it('finds the leaves a listed type gives otherwise than GraphQL writes them', () => {
    const figure = schema.getType('Figure') as GraphQLObjectType;
    const good = { value: 0.25, n: 7, label: 'a', mood: 'GLAD', at: new Date(0) };
    expect(unserializedLeaves(figure, [good, { ...good, value: null, label: null, mood: null }])).toEqual([]);
    expect(
      unserializedLeaves(figure, [
        { ...good, label: 12.5, n: 1.5 },
        { ...good, n: null, value: Number.NaN, mood: 'glad' },
        { n: 7 },
      ]),
    ).toEqual([
      'row 0 Figure.n: 1.5 (number) is not how Int writes it',
      'row 0 Figure.label: 12.5 (number) is not how String writes it',
      'row 1 Figure.value: NaN (number) is not how Float writes it',
      'row 1 Figure.n: null in a non-null field',
      'row 1 Figure.mood: "glad" (string) is not how Mood writes it',
      'row 2 Figure.value: missing',
      'row 2 Figure.label: missing',
      'row 2 Figure.mood: missing',
    ]);
    expect(unserializedLeaves(figure, [{ n: 7 }], ['n'])).toEqual([]);
  });
});
