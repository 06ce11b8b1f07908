import type { FilterQuery } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { SurveyForm } from './survey-form.entity';
import type { CreateSurveyFormInput } from './survey-form.input';

export class SurveyFormService {
  constructor(private readonly em: EntityManager) {}

  /** Newest first; `centers` null for a caller who sees every center. */
  list(centers: string[] | null, centerId: string | null, first: number): Promise<SurveyForm[]> {
    const where: FilterQuery<SurveyForm> = {};
    if (centers) where.centerId = { $in: centers };
    if (centerId) where.$and = [{ centerId: centerId.toLowerCase() }];
    return this.em.find(SurveyForm, where, { orderBy: { createdAt: 'desc', id: 'desc' }, limit: first });
  }

  async create(input: CreateSurveyFormInput, createdBy: string): Promise<SurveyForm> {
    const row = this.em.create(SurveyForm, {
      centerId: input.centerId.toLowerCase(),
      title: input.title,
      createdBy,
    });
    await this.em.persistAndFlush(row);
    return row;
  }
}
