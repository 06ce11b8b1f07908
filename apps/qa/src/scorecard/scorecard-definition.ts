import type { QaCritical, QaCriterionType } from '@switchboard/metrics';

/** The categories METRICS.md names; a scorecard may also use its own (custom) codes. */
export const STANDARD_CATEGORIES = [
  'ACCURACY',
  'COMPLIANCE',
  'LISTENING',
  'EMPATHY',
  'FLEXIBILITY',
  'PROBLEM_SOLVING',
  'COURTESY',
] as const;

/** A criterion as stored in a scorecard version (immutable once the version is published). */
export interface CriterionDefinition {
  key: string;
  label: string;
  description: string | null;
  type: QaCriterionType;
  points: number;
  /** 1 for YES_NO. */
  scaleMax: number;
  allowNa: boolean;
  critical: QaCritical;
  category: string;
}

export interface SectionDefinition {
  key: string;
  title: string;
  weight: number;
  criteria: CriterionDefinition[];
}
