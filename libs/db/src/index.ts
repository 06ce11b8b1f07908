export {
  createOrm,
  migrate,
  statementTimeoutMs,
  DEFAULT_STATEMENT_TIMEOUT_MS,
  type SubgraphOrmOptions,
} from './orm';
export type { MikroORM } from './orm';
