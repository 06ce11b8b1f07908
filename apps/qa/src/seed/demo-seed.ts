import type { EntityManager } from '@mikro-orm/postgresql';

/** Placeholder until the demo generator lands. */
export async function seedQaDemo(_em: EntityManager): Promise<boolean> {
  return false;
}
