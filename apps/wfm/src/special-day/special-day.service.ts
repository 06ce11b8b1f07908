import type { FilterQuery } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { SpecialDay, type SpecialDayKind } from './special-day.entity';
import type { CreateSpecialDayInput } from './special-day.input';

export interface SpecialDayFilter {
  centerId: string | null;
  queueId: string | null;
  from: string | null;
  to: string | null;
}

export class SpecialDayService {
  constructor(private readonly em: EntityManager) {}

  /**
   * By date, then id; `centers` null for a caller who sees every center. A queue's list holds the
   * queue's own days and its center's days for every queue.
   */
  list(centers: string[] | null, filter: SpecialDayFilter, first: number): Promise<SpecialDay[]> {
    const and: FilterQuery<SpecialDay>[] = [];
    if (centers) and.push({ centerId: { $in: centers } });
    if (filter.centerId) and.push({ centerId: filter.centerId.toLowerCase() });
    if (filter.queueId) and.push({ $or: [{ queueId: filter.queueId.toLowerCase() }, { queueId: null }] });
    if (filter.from) and.push({ date: { $gte: filter.from } });
    if (filter.to) and.push({ date: { $lt: filter.to } });
    return this.em.find(SpecialDay, and.length ? { $and: and } : {}, {
      orderBy: { date: 'asc', id: 'asc' },
      limit: first,
    });
  }

  async create(input: CreateSpecialDayInput, createdBy: string): Promise<SpecialDay> {
    const row = this.em.create(SpecialDay, {
      centerId: input.centerId.toLowerCase(),
      queueId: input.queueId?.toLowerCase() ?? null,
      date: input.date,
      kind: input.kind as SpecialDayKind,
      title: input.title,
      multiplier: input.multiplier ?? null,
      excludeFromHistory: input.excludeFromHistory,
      createdBy,
    });
    await this.em.persistAndFlush(row);
    return row;
  }
}
