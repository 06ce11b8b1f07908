import { SURVEY_SCALES } from '@switchboard/metrics';
import type { SurveyForm } from './survey-form.entity';
import { SurveyFormType } from './survey-form.type';

export function toSurveyFormType(row: SurveyForm): SurveyFormType {
  return Object.assign(new SurveyFormType(), {
    id: row.id,
    centerId: row.centerId,
    code: row.code,
    revision: row.revision,
    kind: row.kind,
    title: row.title,
    scaleMin: SURVEY_SCALES[row.kind].min,
    scaleMax: SURVEY_SCALES[row.kind].max,
    topBoxMin: row.topBoxMin,
    createdBy: row.createdBy,
    createdAt: row.createdAt,
    version: row.version,
  });
}
