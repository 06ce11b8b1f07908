import { GraphQLError } from 'graphql';
import { CallerConcurrency, callerConcurrencyFromEnv } from './caller-concurrency';

const settled = async (promise: Promise<unknown>): Promise<boolean> => {
  let done = false;
  void promise.then(
    () => (done = true),
    () => (done = true),
  );
  await new Promise((tick) => setImmediate(tick));
  return done;
};

describe('per-caller concurrency (issue 17)', () => {
  it('runs a caller`s operations two at a time, the next waiting for a slot', async () => {
    const limiter = new CallerConcurrency({ running: 2, waiting: 4 });
    const first = await limiter.acquire('heavy');
    await limiter.acquire('heavy');
    const third = limiter.acquire('heavy');
    expect(await settled(third)).toBe(false);
    expect(limiter.runningFor('heavy')).toBe(2);
    first();
    first(); // a second release changes nothing
    expect(await settled(third)).toBe(true);
    expect(limiter.runningFor('heavy')).toBe(2);
  });

  it('never makes another caller wait', async () => {
    const limiter = new CallerConcurrency({ running: 1, waiting: 4 });
    await limiter.acquire('heavy');
    void limiter.acquire('heavy');
    expect(await settled(limiter.acquire('light'))).toBe(true);
  });

  it('refuses past the queue with TOO_MANY_REQUESTS (HTTP 429)', async () => {
    const limiter = new CallerConcurrency({ running: 1, waiting: 1 });
    await limiter.acquire('heavy');
    void limiter.acquire('heavy');
    const error = await limiter.acquire('heavy').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GraphQLError);
    expect((error as GraphQLError).extensions).toMatchObject({
      code: 'TOO_MANY_REQUESTS',
      http: { status: 429 },
    });
  });

  it('forgets a caller with nothing running', async () => {
    const limiter = new CallerConcurrency({ running: 1, waiting: 1 });
    (await limiter.acquire('once'))();
    expect(limiter.runningFor('once')).toBe(0);
  });

  it('reads its settings from the environment', () => {
    expect(callerConcurrencyFromEnv({ GATEWAY_CALLER_CONCURRENCY: '3', GATEWAY_CALLER_QUEUE: '7' })).toEqual({
      running: 3,
      waiting: 7,
    });
    expect(callerConcurrencyFromEnv({ GATEWAY_CALLER_CONCURRENCY: 'lots' })).toEqual({
      running: 2,
      waiting: 16,
    });
  });
});
