import type { FilterQuery } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { SpecialDay } from './special-day.entity';
import type { CreateSpecialDayInput } from './special-day.input';

export class SpecialDayService {
  constructor(private readonly em: EntityManager) {}

  /** Newest first; `centers` null for a caller who sees every center. */
  list(centers: string[] | null, centerId: string | null, first: number): Promise<SpecialDay[]> {
    const where: FilterQuery<SpecialDay> = {};
    if (centers) where.centerId = { $in: centers };
    if (centerId) where.$and = [{ centerId: centerId.toLowerCase() }];
    return this.em.find(SpecialDay, where, { orderBy: { createdAt: 'desc', id: 'desc' }, limit: first });
  }

  async create(input: CreateSpecialDayInput, createdBy: string): Promise<SpecialDay> {
    const row = this.em.create(SpecialDay, {
      centerId: input.centerId.toLowerCase(),
      title: input.title,
      createdBy,
    });
    await this.em.persistAndFlush(row);
    return row;
  }
}
