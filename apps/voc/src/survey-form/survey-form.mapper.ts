import type { SurveyForm } from './survey-form.entity';
import { SurveyFormType } from './survey-form.type';

export function toSurveyFormType(row: SurveyForm): SurveyFormType {
  return Object.assign(new SurveyFormType(), {
    id: row.id,
    centerId: row.centerId,
    title: row.title,
    createdBy: row.createdBy,
    createdAt: row.createdAt,
    version: row.version,
  });
}
