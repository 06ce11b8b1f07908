import type { FilterQuery } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { DEFAULT_CSAT_TOP_BOX_MIN } from '@switchboard/metrics';
import { SurveyForm } from './survey-form.entity';
import { surveyFormErrors } from './survey-form.errors';
import type { CreateSurveyFormInput } from './survey-form.input';

export class SurveyFormService {
  constructor(private readonly em: EntityManager) {}

  /** Newest first; `centers` null for a caller who sees every center. */
  list(
    centers: string[] | null,
    centerId: string | null,
    code: string | null,
    first: number,
  ): Promise<SurveyForm[]> {
    const where: FilterQuery<SurveyForm> = {};
    if (centers) where.centerId = { $in: centers };
    const and: FilterQuery<SurveyForm>[] = [];
    if (centerId) and.push({ centerId: centerId.toLowerCase() });
    if (code) and.push({ code });
    if (and.length) where.$and = and;
    return this.em.find(SurveyForm, where, { orderBy: { createdAt: 'desc', id: 'desc' }, limit: first });
  }

  /**
   * Revision 1 of a new code in the center, or the next revision of an existing one (same kind).
   * Revisions are never edited: an answered survey keeps the revision it was answered on.
   */
  async create(input: CreateSurveyFormInput, createdBy: string): Promise<SurveyForm> {
    if (input.kind !== 'CSAT' && input.topBoxMin != null) throw surveyFormErrors.topBoxNotCsat();
    const centerId = input.centerId.toLowerCase();
    return this.em.transactional(async (tx) => {
      // serialises revisions of one code: concurrent creates cannot pick the same number
      await tx.execute('select pg_advisory_xact_lock(hashtext(?))', [
        `voc_survey_form:${centerId}:${input.code}`,
      ]);
      const latest = await tx.findOne(
        SurveyForm,
        { centerId, code: input.code },
        { orderBy: { revision: 'desc' } },
      );
      if (latest && latest.kind !== input.kind) throw surveyFormErrors.kindChanged(input.code, latest.kind);
      const row = tx.create(SurveyForm, {
        centerId,
        code: input.code,
        revision: (latest?.revision ?? 0) + 1,
        kind: input.kind,
        title: input.title,
        topBoxMin: input.kind === 'CSAT' ? (input.topBoxMin ?? DEFAULT_CSAT_TOP_BOX_MIN) : null,
        createdBy,
      });
      tx.persist(row);
      return row;
    });
  }
}
