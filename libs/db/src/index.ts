export { createOrm, migrate, type SubgraphOrmOptions } from './orm';
export type { MikroORM } from './orm';
