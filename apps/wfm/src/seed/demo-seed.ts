import type { EntityManager } from '@mikro-orm/postgresql';
import { SpecialDay } from '../special-day/special-day.entity';

/**
 * The demo's wfm data. Centers are staff's (their ids are made at seeding): a subgraph that
 * needs them reads them through the gateway (see traffic's and qa's seeds). Until then: nothing.
 */
export async function seedWfmDemo(em: EntityManager): Promise<boolean> {
  return (await em.count(SpecialDay, {})) === 0 && false;
}
