import { ApolloServer } from '@apollo/server';
import { listen, serveGraphQL, type RunningServer } from './http-server';
import { createLogger } from './logger';

/** A server whose checks fail while `state.databaseUp` / `state.migrated` are false. */
async function serverWith(state: { databaseUp: boolean; migrated: boolean }): Promise<RunningServer> {
  const server = serveGraphQL({
    apollo: new ApolloServer({ typeDefs: 'type Query { ok: Boolean }' }),
    context: () => Promise.resolve({}),
    logger: createLogger('probes-spec'),
    health: () => (state.databaseUp ? Promise.resolve() : Promise.reject(new Error('database down'))),
    ready: () =>
      state.databaseUp && state.migrated ? Promise.resolve() : Promise.reject(new Error('not ready')),
  });
  return listen(server, 0);
}

const statusOf = async (running: RunningServer, path: string): Promise<number> => {
  const response = await fetch(`http://127.0.0.1:${running.port}${path}`);
  await response.text();
  return response.status;
};

describe('probes (Kubernetes readiness and liveness)', () => {
  it('/live answers while the database is down; /health and /ready do not', async () => {
    const running = await serverWith({ databaseUp: false, migrated: true });
    try {
      expect(await statusOf(running, '/live')).toBe(200);
      expect(await statusOf(running, '/health')).toBe(503);
      expect(await statusOf(running, '/ready')).toBe(503);
    } finally {
      await running.stop(100);
    }
  });

  it('/ready runs its own check: not ready until migrated, then ready', async () => {
    const state = { databaseUp: true, migrated: false };
    const running = await serverWith(state);
    try {
      expect(await statusOf(running, '/ready')).toBe(503);
      expect(await statusOf(running, '/health')).toBe(200);
      state.migrated = true;
      expect(await statusOf(running, '/ready')).toBe(200);
    } finally {
      await running.stop(100);
    }
  });

  it('/ready falls back to the health check when no readiness check is given', async () => {
    const server = serveGraphQL({
      apollo: new ApolloServer({ typeDefs: 'type Query { ok: Boolean }' }),
      context: () => Promise.resolve({}),
      logger: createLogger('probes-spec'),
      health: () => Promise.reject(new Error('down')),
    });
    const running = await listen(server, 0);
    try {
      expect(await statusOf(running, '/ready')).toBe(503);
      expect(await statusOf(running, '/live')).toBe(200);
    } finally {
      await running.stop(100);
    }
  });
});
