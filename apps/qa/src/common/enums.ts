import { registerEnumType } from 'type-graphql';
import {
  DisputeResolution,
  EvaluationStatus,
  SamplingPeriod,
  CRITERION_TYPES,
  CRITICAL_LEVELS,
  ScorecardStatus,
} from '../model/enums';

const enumOf = <T extends string>(values: readonly T[]): Record<T, T> =>
  Object.fromEntries(values.map((v) => [v, v])) as Record<T, T>;

export const CriterionTypeEnum = enumOf(CRITERION_TYPES);
export const CriticalLevelEnum = enumOf(CRITICAL_LEVELS);

registerEnumType(ScorecardStatus, { name: 'ScorecardStatus' });
registerEnumType(EvaluationStatus, { name: 'EvaluationStatus' });
registerEnumType(DisputeResolution, { name: 'DisputeResolution' });
registerEnumType(SamplingPeriod, { name: 'SamplingPeriod' });
registerEnumType(CriterionTypeEnum, {
  name: 'CriterionType',
  description: 'YES_NO (1 = yes, 0 = no) or SCALE (0..scaleMax)',
});
registerEnumType(CriticalLevelEnum, {
  name: 'CriticalLevel',
  description: 'What a failed critical criterion sets to 0: nothing, its section, or the whole evaluation',
});

export { DisputeResolution, EvaluationStatus, SamplingPeriod, ScorecardStatus };
