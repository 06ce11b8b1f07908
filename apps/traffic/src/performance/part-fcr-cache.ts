import type { EntityManager } from '@mikro-orm/postgresql';
import { partFcrRows, partKey, type ScopePart } from './performance-traffic.query';

export interface FcrCounts {
  resolved: number;
  eligible: number;
}

/** Parts kept per database (an agent's, a queue's or a center's counts over one period). */
export const FCR_CACHE_PARTS = 20_000;

/**
 * First-contact-resolution counts per part (an agent, a queue or a center over a period), kept
 * while the contacts they were counted from stay the same. FCR cannot be summed into the 15-minute
 * rollups as contacts arrive (a contact's resolution changes when its customer calls again, days
 * later), so it is counted from the contacts: the costliest read of a drill-down, and the same for
 * each of its levels (a team's agents are the agents' own parts) and for every manager opening it.
 * A version read in the same statement as the rollup sums (the largest contact id and the queues'
 * centers) says whether kept counts still hold; any new contact or queue move drops them all. Kept
 * per database and bounded (oldest first out).
 */
export class PartFcrCache {
  private version = '';
  private readonly counts = new Map<string, FcrCounts>();
  constructor(private readonly capacity = FCR_CACHE_PARTS) {}

  /** The counts of every part, counting (in one statement) only those not kept for `version`. */
  async countsOf(
    em: EntityManager,
    parts: readonly ScopePart[],
    version: string,
  ): Promise<Map<string, FcrCounts>> {
    if (version !== this.version) {
      this.counts.clear();
      this.version = version;
    }
    const missing = new Map<string, ScopePart>();
    for (const part of parts) {
      const key = partKey(part);
      if (!this.counts.has(key)) missing.set(key, part);
    }
    const counted = await partFcrRows(em, [...missing.values()]);
    // a newer version may have been seen while counting: keep these only if they are still current
    if (version === this.version) {
      for (const [key, value] of counted) this.keep(key, value);
    }
    const result = new Map<string, FcrCounts>();
    for (const part of parts) {
      const key = partKey(part);
      result.set(key, counted.get(key) ?? (this.counts.get(key) as FcrCounts));
    }
    return result;
  }

  private keep(key: string, value: FcrCounts): void {
    this.counts.delete(key);
    this.counts.set(key, value);
    if (this.counts.size > this.capacity) {
      this.counts.delete(this.counts.keys().next().value as string);
    }
  }
}

const caches = new WeakMap<object, PartFcrCache>();

/** The cache of the database `em` reads (one per ORM: test files run several in one process). */
export function partFcrCache(em: EntityManager): PartFcrCache {
  const driver = em.getDriver();
  let cache = caches.get(driver);
  if (!cache) caches.set(driver, (cache = new PartFcrCache()));
  return cache;
}
