import type { EntityManager } from '@mikro-orm/postgresql';
import { Case } from '../case/case.entity';

/**
 * The demo's care data. Centers are staff's (their ids are made at seeding): a subgraph that
 * needs them reads them through the gateway (see traffic's and qa's seeds). Until then: nothing.
 */
export async function seedCareDemo(em: EntityManager): Promise<boolean> {
  return (await em.count(Case, {})) === 0 && false;
}
