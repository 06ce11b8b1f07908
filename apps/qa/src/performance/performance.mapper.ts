import type { QaSummary } from '../summary/qa-summary.service';
import { PerformanceQaType } from './performance.type';

/** A group's QA summary -> a record's QA part (score also under the KPI catalog's name, qaScore). */
export function toPerformanceQaType(summary: QaSummary): PerformanceQaType {
  return Object.assign(new PerformanceQaType(), {
    score: summary.score,
    qaScore: summary.score,
    evaluations: summary.evaluations,
    autoFailed: summary.autoFailed,
    criticalFailRate: summary.criticalFailRate,
  });
}
