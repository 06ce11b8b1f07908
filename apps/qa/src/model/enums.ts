import type { QaCritical, QaCriterionType } from '@switchboard/metrics';

/**
 * QA's model floor: the enums its entities, GraphQL types and services share. It imports no feature
 * (a lint rule keeps it so), so common/ and every feature may import it.
 */

export enum ScorecardStatus {
  /** Being written; cannot be used to evaluate. */
  DRAFT = 'DRAFT',
  /** The version evaluations are made on; at most one per code. Never changes. */
  PUBLISHED = 'PUBLISHED',
  /** Replaced by a newer published version; its evaluations keep their scores. */
  RETIRED = 'RETIRED',
}

export enum EvaluationStatus {
  DRAFT = 'DRAFT',
  SUBMITTED = 'SUBMITTED',
  ACKNOWLEDGED = 'ACKNOWLEDGED',
  DISPUTED = 'DISPUTED',
  RESOLVED = 'RESOLVED',
}

export enum DisputeResolution {
  /** The scores stand. */
  UPHELD = 'UPHELD',
  /** New answers, new scores; the score before is kept. */
  RESCORED = 'RESCORED',
}

export enum SamplingPeriod {
  /** Monday to Sunday, UTC. */
  WEEK = 'WEEK',
  /** Calendar month, UTC. */
  MONTH = 'MONTH',
}

export const CRITERION_TYPES = ['YES_NO', 'SCALE'] as const satisfies readonly QaCriterionType[];
export const CRITICAL_LEVELS = ['NONE', 'SECTION', 'EVALUATION'] as const satisfies readonly QaCritical[];
