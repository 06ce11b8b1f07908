import type { EntityManager } from '@mikro-orm/postgresql';

export async function seedTrainingDemo(_em: EntityManager): Promise<boolean> {
  return false;
}
