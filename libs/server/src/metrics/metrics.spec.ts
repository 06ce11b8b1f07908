import { ApolloServer } from '@apollo/server';
import { GraphQLError, GraphQLObjectType, GraphQLSchema, GraphQLString } from 'graphql';
import { listen, serveGraphQL, type RunningServer } from '../http-server';
import { createLogger } from '../logger';
import { operationLabel, operationMetrics } from './operation-metrics';
import { escalationLag, lagReader, sampledGauge } from './sampled-gauge';
import type { MetricsExposure } from './metrics-endpoint';

const schema = new GraphQLSchema({
  query: new GraphQLObjectType({
    name: 'Query',
    fields: {
      hello: { type: GraphQLString, resolve: () => 'hi' },
      refused: {
        type: GraphQLString,
        resolve: () => {
          throw new GraphQLError('no', { extensions: { code: 'FORBIDDEN' } });
        },
      },
    },
  }),
});

async function startServer(service: string, metrics: MetricsExposure = {}): Promise<RunningServer> {
  const apollo = new ApolloServer({ schema, plugins: [operationMetrics(service)] });
  await apollo.start();
  const running = await listen(
    serveGraphQL({ apollo, service, metrics, logger: createLogger('test'), context: async () => ({}) }),
    0,
  );
  return {
    ...running,
    stop: async () => {
      await running.stop(100);
      await apollo.stop();
    },
  };
}

const post = (running: RunningServer, query: string): Promise<Response> =>
  fetch(running.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query }),
  });

async function scrape(port: number, headers: Record<string, string> = {}): Promise<string> {
  const response = await fetch(`http://127.0.0.1:${port}/metrics`, { headers });
  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toContain('text/plain');
  return response.text();
}

describe('/metrics', () => {
  it('counts operations by name, errors by code and HTTP requests by route, beside the process metrics', async () => {
    const running = await startServer('unit');
    try {
      await (await post(running, 'query Greeting { hello }')).text();
      await (await post(running, 'query Refused { refused }')).text();
      await (await post(running, '{ nope')).text();
      await (await post(running, 'query Misspelt { helo }')).text();
      const text = await scrape(running.port);
      expect(text).toContain(
        'switchboard_graphql_operation_duration_seconds_count{service="unit",operation="Greeting",type="query",outcome="ok"} 1',
      );
      expect(text).toContain(
        'switchboard_graphql_operation_duration_seconds_count{service="unit",operation="Refused",type="query",outcome="error"} 1',
      );
      expect(text).toContain(
        'switchboard_graphql_errors_total{service="unit",operation="Refused",code="FORBIDDEN"} 1',
      );
      expect(text).toContain(
        'switchboard_graphql_errors_total{service="unit",operation="anonymous",code="GRAPHQL_PARSE_FAILED"} 1',
      );
      expect(text).toContain(
        'switchboard_graphql_errors_total{service="unit",operation="Misspelt",code="GRAPHQL_VALIDATION_FAILED"} 1',
      );
      expect(text).toMatch(
        /switchboard_http_request_duration_seconds_count\{service="unit",route="\/graphql",method="POST",status="(200|400)"\} \d/,
      );
      expect(text).toContain('process_cpu_user_seconds_total');
      expect(text).toContain('nodejs_eventloop_lag_seconds');
    } finally {
      await running.stop();
    }
  });

  it('asks for the scrape token when METRICS_TOKEN is set', async () => {
    const running = await startServer('guarded', { token: 's3cret' });
    try {
      const refused = await fetch(`http://127.0.0.1:${running.port}/metrics`);
      expect(refused.status).toBe(401);
      expect(await scrape(running.port, { authorization: 'Bearer s3cret' })).toContain('switchboard_');
    } finally {
      await running.stop();
    }
  });

  it('moves to a listener of its own with METRICS_PORT, and leaves the service port', async () => {
    const running = await startServer('separate', { port: 0 });
    try {
      expect(running.metricsPort).toEqual(expect.any(Number));
      expect(running.metricsPort).not.toBe(running.port);
      expect((await fetch(`http://127.0.0.1:${running.port}/metrics`)).status).toBe(404);
      expect(await scrape(running.metricsPort as number)).toContain('process_cpu_user_seconds_total');
    } finally {
      await running.stop();
    }
    await expect(fetch(`http://127.0.0.1:${running.metricsPort}/metrics`)).rejects.toThrow();
  });
});

describe('sampledGauge', () => {
  it('reads each registered service at scrape time, leaves out failed readers and removed ones', async () => {
    const gauge = sampledGauge({ name: 'test_pool_connections', help: 'test', labelNames: ['state'] });
    let used = 3;
    const removeA = gauge.register('a', () => [
      { labels: { state: 'used' }, value: used },
      { labels: { state: 'free' }, value: 7 },
    ]);
    gauge.register('b', () => Promise.reject(new Error('database down')));
    const running = await startServer('gauges');
    try {
      let text = await scrape(running.port);
      expect(text).toContain('test_pool_connections{state="used",service="a"} 3');
      expect(text).toContain('test_pool_connections{state="free",service="a"} 7');
      expect(text).not.toContain('service="b"');
      used = 4;
      expect(await scrape(running.port)).toContain('test_pool_connections{state="used",service="a"} 4');
      removeA();
      text = await scrape(running.port);
      expect(text).not.toMatch(/^test_pool_connections\{/m);
    } finally {
      await running.stop();
    }
  });

  it('exposes escalation lag only once its owner registers it, with the value read', async () => {
    const running = await startServer('escalations');
    try {
      expect(await scrape(running.port)).not.toMatch(/^switchboard_escalation_lag_seconds\{/m);
      const oldest: { lagSeconds?: number } = {};
      const remove = escalationLag.register(
        'care',
        lagReader(() => Promise.resolve(oldest.lagSeconds)),
      );
      expect(await scrape(running.port)).not.toMatch(/^switchboard_escalation_lag_seconds\{/m);
      oldest.lagSeconds = 42.5;
      expect(await scrape(running.port)).toContain('switchboard_escalation_lag_seconds{service="care"} 42.5');
      remove();
      expect(await scrape(running.port)).not.toMatch(/^switchboard_escalation_lag_seconds\{/m);
    } finally {
      await running.stop();
    }
  });
});

describe('operationLabel', () => {
  it('keeps GraphQL names, and turns the unnamed, the malformed and names past the cap into fixed labels', () => {
    expect(operationLabel('AgentList')).toBe('AgentList');
    expect(operationLabel(undefined)).toBe('anonymous');
    expect(operationLabel('x'.repeat(101))).toBe('other');
    expect(operationLabel('bad name')).toBe('other');
    const labels = Array.from({ length: 600 }, (_, i) => operationLabel(`Op${i}`));
    expect(labels.filter((label) => label === 'other').length).toBeGreaterThan(0);
    expect(operationLabel('AgentList')).toBe('AgentList');
  });
});
