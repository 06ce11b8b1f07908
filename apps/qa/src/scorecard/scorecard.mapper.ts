import type { Scorecard } from './scorecard.entity';
import { ScorecardCriterionType, ScorecardSectionType, ScorecardType } from './scorecard.type';

export function toScorecardType(scorecard: Scorecard): ScorecardType {
  return Object.assign(new ScorecardType(), {
    id: scorecard.id,
    code: scorecard.code,
    version: scorecard.version,
    name: scorecard.name,
    description: scorecard.description,
    status: scorecard.status,
    createdAt: scorecard.createdAt,
    publishedAt: scorecard.publishedAt,
    retiredAt: scorecard.retiredAt,
    sections: scorecard.sections.map((section) =>
      Object.assign(new ScorecardSectionType(), {
        key: section.key,
        title: section.title,
        weight: section.weight,
        criteria: section.criteria.map((c) => Object.assign(new ScorecardCriterionType(), c)),
      }),
    ),
  });
}
