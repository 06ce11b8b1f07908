import type { MikroORM } from '@mikro-orm/postgresql';
import type { Logger } from '@switchboard/server';
import { syncTeamDirectory } from './team-directory.sync';

/**
 * Refreshes the team-history copy on a timer (TEAM_SYNC_INTERVAL_MS, default 5 minutes; 0 turns it
 * off). The first refresh waits a little: at start-up the gateway comes up after the subgraphs.
 */
export function refreshTeamDirectory({ orm, logger }: { orm: MikroORM; logger: Logger }): () => void {
  const interval = Number(process.env.TEAM_SYNC_INTERVAL_MS ?? 300_000);
  if (!interval) return () => undefined;
  let running = false;
  const run = (): void => {
    if (running) return;
    running = true;
    syncTeamDirectory(orm.em.fork())
      .then((result) => logger.info(result, 'team directory refreshed'))
      .catch((error: unknown) => logger.warn({ err: error }, 'team directory refresh failed; will retry'))
      .finally(() => {
        running = false;
      });
  };
  const first = setTimeout(run, Number(process.env.TEAM_SYNC_FIRST_DELAY_MS ?? 15_000));
  const timer = setInterval(run, interval);
  first.unref();
  timer.unref();
  return () => {
    clearTimeout(first);
    clearInterval(timer);
  };
}
