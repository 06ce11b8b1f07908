import type { EntityManager } from '@mikro-orm/postgresql';
import { KpiDefinition } from '../catalog/kpi-definition.entity';
import { KpiTarget } from '../target/kpi-target.entity';

/**
 * Global targets for the demo, set where the demo month's teams and agents land on both sides of
 * them, so the demo shows GREEN, AMBER and RED side by side. Centers and teams are staff's (their
 * ids are made at seeding), so the demo sets no scope-specific target.
 */
export const DEMO_TARGETS: { kpiCode: string; target: number; amberBand: number }[] = [
  { kpiCode: 'SERVICE_LEVEL', target: 0.88, amberBand: 0.03 },
  { kpiCode: 'ASA', target: 15, amberBand: 5 },
  { kpiCode: 'AHT', target: 330, amberBand: 60 },
  { kpiCode: 'ABANDON_RATE', target: 0.05, amberBand: 0.02 },
  { kpiCode: 'FCR', target: 0.85, amberBand: 0.03 },
  { kpiCode: 'TRANSFER_RATE', target: 0.06, amberBand: 0.02 },
  { kpiCode: 'OCCUPANCY', target: 0.85, amberBand: 0.05 },
  // QA and training: the demo teams' month lands around these (QA score 74-82, critical fails
  // 6-12 %, completion 0-100 %, first-attempt passes 50-100 %, coverage 40-85 %)
  { kpiCode: 'QA_SCORE', target: 80, amberBand: 3 },
  { kpiCode: 'CRITICAL_FAIL_RATE', target: 0.075, amberBand: 0.02 },
  { kpiCode: 'TRAINING_COMPLETION', target: 0.8, amberBand: 0.1 },
  { kpiCode: 'FIRST_ATTEMPT_PASS_RATE', target: 0.8, amberBand: 0.1 },
  { kpiCode: 'CERTIFICATION_COVERAGE', target: 0.75, amberBand: 0.1 },
  // care (issue 18): the defaults its migration gives a database already holding targets
  { kpiCode: 'PROMISE_KEPT_RATE', target: 0.9, amberBand: 0.05 },
  { kpiCode: 'OVERDUE_COMMITMENTS', target: 0, amberBand: 3 },
  { kpiCode: 'ESCALATION_RATE', target: 0.1, amberBand: 0.05 },
  { kpiCode: 'CASE_REPEAT_RATE', target: 0.2, amberBand: 0.1 },
  { kpiCode: 'HANDOFF_RATE', target: 0.05, amberBand: 0.05 },
  // complaints (issue 19): regulators expect every complaint decided in time; the demo's few
  // complaints land on both sides of the rest
  { kpiCode: 'COMPLAINTS_PER_10K', target: 2, amberBand: 1 },
  { kpiCode: 'COMPLAINT_TIMELY_RATE', target: 0.95, amberBand: 0.05 },
  { kpiCode: 'UPHELD_RATE', target: 0.5, amberBand: 0.1 },
  { kpiCode: 'ESCALATED_TO_COMPLAINT_RATE', target: 0.05, amberBand: 0.03 },
];

/** Seeds the demo targets into a database with none; returns whether it did. */
export async function seedKpiDemo(em: EntityManager): Promise<boolean> {
  if ((await em.count(KpiTarget, {})) > 0) return false;
  const validFrom = '2020-01-01';
  await em.transactional(async (tx) => {
    for (const demo of DEMO_TARGETS) {
      tx.persist(
        tx.create(KpiTarget, {
          kpi: tx.getReference(KpiDefinition, demo.kpiCode),
          scopeType: 'GLOBAL',
          target: demo.target,
          amberBand: demo.amberBand,
          validFrom,
        }),
      );
    }
  });
  return true;
}
