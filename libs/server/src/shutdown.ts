import type { Logger } from './logger';

/**
 * Runs `stop` once on SIGINT or SIGTERM (or when the parent process goes away), then exits. A second signal exits at once,
 * so a stuck drain never traps the operator.
 */
export function onShutdown(logger: Logger, stop: () => Promise<void>): void {
  let stopping = false;
  const handler = (signal: NodeJS.Signals): void => {
    if (stopping) {
      logger.warn({ signal }, 'second signal: exiting now');
      process.exit(1);
    }
    stopping = true;
    logger.info({ signal }, 'shutting down');
    stop().then(
      () => process.exit(0),
      (error: unknown) => {
        logger.error({ err: error }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', handler);
  process.on('SIGTERM', handler);
  // Started by `npm start` with an IPC channel: if that parent dies (even by SIGKILL), stop too
  // rather than live on as an orphan holding the port and database connections.
  if (process.send) process.once('disconnect', () => handler('SIGTERM'));
}
