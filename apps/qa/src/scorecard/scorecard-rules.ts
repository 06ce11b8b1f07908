import type { FieldProblem } from '@switchboard/server';
import type { CriterionDefinition, SectionDefinition } from './scorecard-definition';
import type { ScorecardInput } from './scorecard.input';

const MAX_SCALE = 10;

/**
 * The rules a scorecard's sections must follow beyond each field's own validation: unique keys,
 * weights >= 0 with a positive total, positive points, a scale for SCALE criteria. Returns every
 * problem, each naming its field path.
 */
export function checkSections(input: ScorecardInput): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const sectionKeys = new Set<string>();
  const criterionKeys = new Set<string>();
  let totalWeight = 0;
  input.sections.forEach((section, i) => {
    const at = `sections[${i}]`;
    if (sectionKeys.has(section.key))
      problems.push({ field: `${at}.key`, message: `"${section.key}" is used twice` });
    sectionKeys.add(section.key);
    // capped like points: weights of 1e308 overflow the weighted sum of the scores
    if (!Number.isFinite(section.weight) || section.weight < 0 || section.weight > 1000)
      problems.push({ field: `${at}.weight`, message: 'must be a number >= 0 and <= 1000' });
    else totalWeight += section.weight;
    section.criteria.forEach((criterion, j) => {
      const c = `${at}.criteria[${j}]`;
      if (criterionKeys.has(criterion.key))
        problems.push({ field: `${c}.key`, message: `"${criterion.key}" is used twice in the scorecard` });
      criterionKeys.add(criterion.key);
      if (!Number.isFinite(criterion.points) || criterion.points <= 0 || criterion.points > 1000)
        problems.push({ field: `${c}.points`, message: 'must be a number > 0 and <= 1000' });
      const scale = criterion.scaleMax;
      if (
        criterion.type === 'SCALE' &&
        (scale == null || !Number.isInteger(scale) || scale < 1 || scale > MAX_SCALE)
      )
        problems.push({
          field: `${c}.scaleMax`,
          message: `is required for SCALE: an integer 1-${MAX_SCALE}`,
        });
      if (criterion.type === 'YES_NO' && scale != null && scale !== 1)
        problems.push({ field: `${c}.scaleMax`, message: 'must be empty (or 1) for YES_NO' });
    });
  });
  if (problems.length === 0 && totalWeight <= 0)
    problems.push({ field: 'sections', message: 'at least one section must have a weight > 0' });
  return problems;
}

export function toSectionDefinitions(input: ScorecardInput): SectionDefinition[] {
  return input.sections.map((section) => ({
    key: section.key,
    title: section.title.trim(),
    weight: section.weight,
    criteria: section.criteria.map(
      (c): CriterionDefinition => ({
        key: c.key,
        label: c.label.trim(),
        description: c.description ?? null,
        type: c.type,
        points: c.points,
        scaleMax: c.type === 'YES_NO' ? 1 : (c.scaleMax as number),
        allowNa: c.allowNa,
        critical: c.critical,
        category: c.category,
      }),
    ),
  }));
}
