import type { FilterQuery } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { Case } from './case.entity';
import type { CreateCaseInput } from './case.input';

export class CaseService {
  constructor(private readonly em: EntityManager) {}

  /** Newest first; `centers` null for a caller who sees every center. */
  list(centers: string[] | null, centerId: string | null, first: number): Promise<Case[]> {
    const where: FilterQuery<Case> = {};
    if (centers) where.centerId = { $in: centers };
    if (centerId) where.$and = [{ centerId: centerId.toLowerCase() }];
    return this.em.find(Case, where, { orderBy: { createdAt: 'desc', id: 'desc' }, limit: first });
  }

  async create(input: CreateCaseInput, createdBy: string): Promise<Case> {
    const row = this.em.create(Case, {
      centerId: input.centerId.toLowerCase(),
      title: input.title,
      createdBy,
    });
    await this.em.persistAndFlush(row);
    return row;
  }
}
