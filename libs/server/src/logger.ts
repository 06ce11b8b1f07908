import pino, { type Logger } from 'pino';

export type { Logger };

/** Structured JSON logs on stdout; `LOG_LEVEL` sets the level (default info, silent under Jest). */
export function createLogger(service: string): Logger {
  const defaultLevel = process.env.JEST_WORKER_ID ? 'silent' : 'info';
  return pino({ name: service, level: process.env.LOG_LEVEL ?? defaultLevel, base: { service } });
}
