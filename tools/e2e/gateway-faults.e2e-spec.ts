import { postGraphQL } from '@switchboard/testing';
import { FaultProxy } from './fault-proxy';
import { startTestStack, type TestStack } from './stack';

const TIMEOUT_MS = 2_000;
const SLOW_MS = TIMEOUT_MS + 3_000;

/** One nullable root field per subgraph: a failed subgraph's field is null, the others answer. */
const QUERY = `query($course: ID!, $scorecard: ID!) {
  agent(employeeNo: "E10001") { displayName }
  queue(code: "FAULT-Q") { code }
  course(id: $course) { code }
  scorecard(id: $scorecard) { code }
  kpiDefinition(code: "AHT") { code }
}`;
const FIELD_OF: Record<string, string> = {
  staff: 'agent',
  traffic: 'queue',
  training: 'course',
  qa: 'scorecard',
  kpi: 'kpiDefinition',
};
type Answer = Record<string, Record<string, string> | null>;

describe('gateway when a subgraph fails', () => {
  let stack: TestStack;
  const proxies: Record<string, FaultProxy> = {};
  const ids = { course: '', scorecard: '' };

  beforeAll(async () => {
    stack = await startTestStack({
      subgraphTimeoutMs: TIMEOUT_MS,
      routeSubgraph: (name, url) => (proxies[name] = new FaultProxy(new URL(url), SLOW_MS)).start(),
    });
    const mutate = async <T>(document: string, variables: Record<string, unknown>): Promise<T> => {
      const response = await postGraphQL<Record<string, T>>(stack.gatewayUrl, document, variables);
      if (!response.data) throw new Error(JSON.stringify(response.errors));
      return Object.values(response.data)[0];
    };
    await mutate('mutation($c: [ContactInput!]!) { ingestContacts(contacts: $c) { inserted } }', {
      c: [
        {
          source: 'faults',
          externalId: '1',
          channel: 'VOICE',
          queue: 'FAULT-Q',
          arrivedAt: '2026-05-04T02:00:00Z',
          endedAt: '2026-05-04T02:01:00Z',
          outcome: 'ABANDONED',
        },
      ],
    });
    ids.course = (
      await mutate<{ id: string }>('mutation($i: CreateCourseInput!) { createCourse(input: $i) { id } }', {
        i: { code: 'FAULT-C', title: 'Faults', category: 'SYSTEMS', hours: 1 },
      })
    ).id;
    ids.scorecard = (
      await mutate<{ id: string }>('mutation($i: ScorecardInput!) { createScorecard(input: $i) { id } }', {
        i: {
          code: 'FAULT-SC',
          name: 'Faults',
          sections: [
            {
              key: 'S',
              title: 'S',
              weight: 1,
              criteria: [{ key: 'C', label: 'C', type: 'YES_NO', points: 1, category: 'COURTESY' }],
            },
          ],
        },
      })
    ).id;
  });
  afterAll(async () => {
    await stack.stop();
    await Promise.all(Object.values(proxies).map((p) => p.stop()));
  });

  const ask = () => postGraphQL<Answer>(stack.gatewayUrl, QUERY, ids);

  const expectWhole = async () => {
    const response = await ask();
    expect(response.errors).toBeUndefined();
    expect(response.data).toEqual({
      agent: { displayName: expect.any(String) as string },
      queue: { code: 'FAULT-Q' },
      course: { code: 'FAULT-C' },
      scorecard: { code: 'FAULT-SC' },
      kpiDefinition: { code: 'AHT' },
    });
  };

  const expectPartial = async (failed: string, maxMs: number, reason: RegExp) => {
    const started = Date.now();
    const response = await ask();
    expect(Date.now() - started).toBeLessThan(maxMs);
    // The failed subgraph's field is null; every other subgraph's is there.
    for (const [name, field] of Object.entries(FIELD_OF))
      expect({ name, present: response.data?.[field] != null }).toEqual({ name, present: name !== failed });
    expect(response.errors).toHaveLength(1);
    expect(response.errors?.[0].message).toMatch(reason);
    expect(response.errors?.[0].extensions).toMatchObject({
      code: 'SUBGRAPH_UNAVAILABLE',
      serviceName: failed,
    });
  };

  it('answers whole when every subgraph is up', () => expectWhole());

  describe.each(Object.keys(FIELD_OF))('%s', (name) => {
    it('down: the others answer with an error naming it; whole again when it returns, without a restart', async () => {
      const proxy = proxies[name];
      const port = proxy.port;
      await proxy.stop();
      try {
        await expectPartial(name, TIMEOUT_MS + 2_000, new RegExp(`^Subgraph "${name}" is unreachable`));
      } finally {
        await proxy.start(port);
      }
      await expectWhole();
    });

    it('slow: the gateway gives up at its timeout', async () => {
      proxies[name].mode = 'slow';
      try {
        await expectPartial(
          name,
          TIMEOUT_MS + 1_500,
          new RegExp(`^Subgraph "${name}" did not answer within ${TIMEOUT_MS} ms$`),
        );
      } finally {
        proxies[name].mode = 'ok';
      }
      await expectWhole();
    });

    it('HTTP 500: partial data and an error naming it', async () => {
      proxies[name].mode = 'error';
      try {
        await expectPartial(name, TIMEOUT_MS + 1_000, new RegExp(`^Subgraph "${name}" answered HTTP 500$`));
      } finally {
        proxies[name].mode = 'ok';
      }
      await expectWhole();
    });
  });
});
