import { authorizationFor, postGraphQL } from '@switchboard/testing';
import { startTestStack, type TestStack } from './stack';

/** Issue 17 §2: the caller's mistakes are reported as theirs, with HTTP 400, never as an outage or a 500. */
describe('honest errors through the gateway', () => {
  let stack: TestStack;
  beforeAll(async () => {
    stack = await startTestStack();
  });
  afterAll(() => stack.stop());

  const send = async (url: string, body: string) => {
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(await authorizationFor(url)) },
      body,
    });
    const answer = (await response.json()) as { errors?: { extensions?: { code?: string } }[] };
    return { status: response.status, codes: (answer.errors ?? []).map((e) => e.extensions?.code) };
  };

  // A bad variable of each subgraph: an impossible date or a control character.
  const BAD_VARIABLES = [
    {
      subgraph: 'staff',
      query: 'query Q($d: LocalDate!) { teams { code members(asOf: $d) { employeeNo } } }',
      variables: { d: '2026-02-30' },
      field: 'd',
    },
    {
      subgraph: 'staff',
      query: 'query Q($no: String!) { agent(employeeNo: $no) { employeeNo } }',
      variables: { no: 'E1\u0001' },
      field: 'no',
    },
    {
      subgraph: 'training',
      query: 'query Q($d: LocalDate!) { onboardingProgress(assignedSince: $d) { completed } }',
      variables: { d: '2026-13-01' },
      field: 'd',
    },
    {
      subgraph: 'qa',
      query: 'query Q($f: DateTimeISO!) { calibrationSessions(from: $f, to: "2026-04-02T00:00:00Z") { id } }',
      variables: { f: '2026-02-30T00:00:00Z' },
      field: 'f',
    },
    {
      subgraph: 'qa',
      query: 'query Q($c: String) { scorecards(code: $c) { id } }',
      variables: { c: 'QA\u0007' },
      field: 'c',
    },
    {
      subgraph: 'traffic',
      query: `query Q($f: StatsFilter!) { trafficStats(filter: $f, granularity: HOUR) { offered } }`,
      variables: { f: { from: '2026-04-31T00:00:00Z', to: '2026-05-02T00:00:00Z' } },
      field: 'f.from',
    },
    {
      subgraph: 'kpi',
      query: 'query Q($c: String!) { kpiDefinition(code: $c) { code } }',
      variables: { c: 'SL\u0000' },
      field: 'c',
    },
  ];

  it.each(BAD_VARIABLES)(
    'reports a bad variable of $subgraph ($field) as BAD_USER_INPUT naming it, not SUBGRAPH_UNAVAILABLE',
    async ({ query, variables, field, subgraph }) => {
      // Twice: the first run learns the plan, the second takes the single-subgraph fast path.
      for (let run = 0; run < 2; run += 1) {
        const answer = await postGraphQL(stack.gatewayUrl, query, variables);
        expect(answer.status).toBe(200);
        expect(answer.errors).toHaveLength(1);
        expect(answer.errors?.[0].extensions).toMatchObject({
          code: 'BAD_USER_INPUT',
          serviceName: subgraph,
          fields: [expect.objectContaining({ field })],
        });
      }
    },
  );

  it('names the field of a variable the gateway itself refuses', async () => {
    const answer = await postGraphQL(
      stack.gatewayUrl,
      'query Q($n: Int!) { agents(first: $n) { nodes { employeeNo } } }',
      {
        n: 'many',
      },
    );
    expect(answer.status).toBe(400);
    expect(answer.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [{ field: 'n' }] });
  });

  const REQUEST_ERRORS = [
    { name: 'a syntax error', query: '{ centers { code ', code: 'GRAPHQL_PARSE_FAILED' },
    {
      name: 'two unnamed operations',
      query: '{ centers { code } } { teams { code } }',
      code: 'GRAPHQL_VALIDATION_FAILED',
    },
    {
      name: 'a query over the token limit',
      query: `{ ${'centers { code } '.repeat(1_500)} }`,
      code: 'GRAPHQL_PARSE_FAILED',
    },
  ];

  it.each(REQUEST_ERRORS)('answers $name with HTTP 400 at the gateway', async ({ query, code }) => {
    const answer = await send(stack.gatewayUrl, JSON.stringify({ query }));
    expect(answer).toEqual({
      status: 400,
      codes: [code, ...(code === 'GRAPHQL_VALIDATION_FAILED' ? [code] : [])],
    });
  });

  it.each(['staff', 'training', 'qa', 'traffic', 'kpi'])(
    'answers a syntax error and two unnamed operations with HTTP 400 at %s',
    async (name) => {
      const url = stack.subgraphs[name].url;
      expect((await send(url, JSON.stringify({ query: '{ _service { sdl ' }))).status).toBe(400);
      expect((await send(url, JSON.stringify({ query: '{ _service { sdl } } { __typename }' }))).status).toBe(
        400,
      );
    },
  );

  it('answers a request without a token with 401 UNAUTHENTICATED, and a body that is not JSON with 400', async () => {
    const anonymous = await fetch(stack.gatewayUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ centers { code } }' }),
    });
    const body = (await anonymous.json()) as { errors: { extensions: { code: string } }[] };
    expect([anonymous.status, body.errors.map((e) => e.extensions.code)]).toEqual([401, ['UNAUTHENTICATED']]);
    expect(await send(stack.gatewayUrl, '{"query": ')).toEqual({ status: 400, codes: ['BAD_REQUEST'] });
  });

  it('passes on a literal a subgraph’s scalar refuses as its validation error, naming the subgraph', async () => {
    const answer = await postGraphQL(
      stack.gatewayUrl,
      '{ teams { code members(asOf: "2026-02-30") { employeeNo } } }',
    );
    expect(answer.status).toBe(200);
    expect(answer.errors?.[0].extensions).toMatchObject({
      code: 'GRAPHQL_VALIDATION_FAILED',
      serviceName: 'staff',
    });
    expect(answer.errors?.[0].message).toContain('2026-02-30');
  });

  it('answers a request without a query with 400 BAD_REQUEST', async () => {
    expect(await send(stack.gatewayUrl, JSON.stringify({ variables: {} }))).toEqual({
      status: 400,
      codes: ['BAD_REQUEST'],
    });
  });

  it('answers a body over the limit with HTTP 413, never 500', async () => {
    const answer = await send(
      stack.gatewayUrl,
      JSON.stringify({ query: `{ centers { code } } #${'x'.repeat(1_100_000)}` }),
    );
    expect(answer).toEqual({ status: 413, codes: ['BAD_REQUEST'] });
  });
});
