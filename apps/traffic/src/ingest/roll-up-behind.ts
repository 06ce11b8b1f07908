import type { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import type { Logger } from '@switchboard/server';
import { inPgTransaction } from './pg-client';
import { rollUpCommitted } from './roll-up';

/**
 * Rolls committed contacts up on a connection of its own, so a writer goes on with its next batch
 * meanwhile. `request()` after each commit: one roll-up runs at a time, and the next one covers every
 * commit requested while it ran (a roll-up that falls behind takes several batches in one statement).
 */
export class RollUpBehind {
  private running: Promise<void> | null = null;
  private requested = false;
  private failure: unknown = null;

  constructor(private readonly em: EntityManager) {}

  /** Asks for the contacts committed so far to be rolled up (soon; see `caughtUp`). */
  request(): void {
    this.requested = true;
    this.running ??= this.run();
  }

  /** Resolves once every contact committed before the call is rolled up; rejects if a roll-up failed. */
  async caughtUp(): Promise<void> {
    this.request();
    while (this.running) await this.running;
    if (this.failure !== null) throw this.failure;
  }

  private async run(): Promise<void> {
    try {
      while (this.requested) {
        this.requested = false;
        await inPgTransaction(this.em, rollUpCommitted);
      }
    } catch (error) {
      this.requested = false;
      this.failure ??= error;
    } finally {
      this.running = null;
    }
  }
}

/**
 * Background work at start: rolls up contacts a stopped server committed but had not rolled up yet
 * (it died between a batch's COPY and its roll-up), so trafficStats is whole again without waiting
 * for the next write.
 */
export function catchUpRollups({ orm, logger }: { orm: MikroORM; logger: Logger }): () => void {
  new RollUpBehind(orm.em.fork() as EntityManager)
    .caughtUp()
    .then(() => logger.info('rollups caught up with the stored contacts'))
    .catch((error: unknown) => logger.warn({ err: error }, 'rollup catch-up failed; the next write retries'));
  return () => undefined;
}
