import { migrationDatabaseUrlFor } from '@switchboard/postgres';
import type { Logger } from '@switchboard/server';

/** A pg-boss instance, as `setup` receives it (pg-boss is an ES module: loaded when the jobs start). */
export type JobBoss = InstanceType<(typeof import('pg-boss'))['PgBoss']>;

export interface JobQueueOptions {
  /** The subgraph whose database holds the queue (its owner's URL, or <NAME>_JOBS_DATABASE_URL). */
  subgraph: string;
  /** pg-boss's tables live in the subgraph's own database, in a schema of their own. */
  schema: string;
  logger: Logger;
  /** Names the jobs in the log. */
  component: string;
  /** Creates the queues, schedules and workers; may return what else to stop (a timer). */
  setup: (boss: JobBoss, logger: Logger) => Promise<(() => void) | void>;
}

/**
 * A subgraph's background work on pg-boss, one instance per process: started once, its errors
 * logged, stopped gracefully (also when stopped before it finished starting). Every subgraph with
 * jobs (care's escalations, traffic's alerts and contact months, voc's repeat contacts and service recovery) starts
 * them here, each registering its queues in `setup`. Returns the stop.
 */
export function startJobQueue(options: JobQueueOptions): () => void {
  const logger = options.logger.child({ component: options.component });
  let stopped = false;
  let boss: JobBoss | null = null;
  let stopExtra: (() => void) | void;
  void (async () => {
    const { PgBoss } = await import('pg-boss');
    const instance = new PgBoss({
      connectionString:
        process.env[`${options.subgraph.toUpperCase()}_JOBS_DATABASE_URL`] ||
        migrationDatabaseUrlFor(options.subgraph),
      schema: options.schema,
    });
    instance.on('error', (error) => logger.error({ err: error }, 'pg-boss error'));
    await instance.start();
    boss = instance;
    if (stopped) return void instance.stop();
    stopExtra = await options.setup(instance, logger);
    if (stopped) stopExtra?.();
  })().catch((error) => logger.error({ err: error }, `${options.component} did not start`));
  return () => {
    stopped = true;
    stopExtra?.();
    void boss?.stop({ graceful: true });
  };
}
