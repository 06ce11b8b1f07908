import type { EntityManager } from '@mikro-orm/postgresql';
import { DEMO_QA_CONTACT_SOURCE, demoQa, type DemoAnswer } from '@switchboard/demo';
import { CalibrationSession } from '../calibration/calibration-session.entity';
import { Evaluation, EvaluationStatus, DisputeResolution } from '../evaluation/evaluation.entity';
import { applyScores } from '../evaluation/evaluation.service';
import { SamplingAssignment, SamplingPeriod, SamplingPlan } from '../sampling/sampling-plan.entity';
import { Scorecard, ScorecardStatus } from '../scorecard/scorecard.entity';

const DAY = 86_400_000;

const stored = (answers: DemoAnswer[]) => answers.map((a) => ({ ...a, comment: null }));

/**
 * Seeds the demo QA data set (libs/demo: scorecards, a quarter of evaluations, calibration sessions,
 * a weekly sampling plan) when there is no scorecard yet; returns whether it seeded. Scores are
 * computed with the same formulas as live evaluations.
 */
export async function seedQaDemo(em: EntityManager): Promise<boolean> {
  if ((await em.count(Scorecard)) > 0) return false;
  const now = new Date();
  const demo = demoQa(undefined, now);
  const today = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
  await em.transactional(async (tx) => {
    const scorecards = new Map<string, Scorecard>();
    for (const s of demo.scorecards) {
      const scorecard = tx.create(Scorecard, {
        code: s.code,
        version: s.version,
        name: s.name,
        status: s.status === 'RETIRED' ? ScorecardStatus.RETIRED : ScorecardStatus.PUBLISHED,
        sections: s.sections,
        createdAt: new Date(today - (s.publishedDaysAgo + 7) * DAY),
        publishedAt: new Date(today - s.publishedDaysAgo * DAY),
        retiredAt: s.retiredDaysAgo === null ? null : new Date(today - s.retiredDaysAgo * DAY),
      });
      scorecards.set(`${s.code}:${s.version}`, scorecard);
    }
    for (const e of demo.evaluations) {
      const scorecard = scorecards.get(`${e.scorecardCode}:${e.scorecardVersion}`) as Scorecard;
      const submitted = e.submittedAt;
      const evaluation = tx.create(Evaluation, {
        scorecard,
        agentEmployeeNo: e.agentEmployeeNo,
        evaluatorEmployeeNo: e.evaluatorEmployeeNo,
        contactSource: DEMO_QA_CONTACT_SOURCE,
        contactExternalId: e.contactExternalId,
        status: e.status as EvaluationStatus,
        answers: stored(e.answers),
        createdAt: e.createdAt,
        submittedAt: submitted,
        acknowledgedAt: e.status === 'ACKNOWLEDGED' && submitted ? new Date(submitted.getTime() + DAY) : null,
        disputedAt: e.disputeReason && submitted ? new Date(submitted.getTime() + DAY) : null,
        disputeReason: e.disputeReason,
        resolvedAt: e.resolutionReason && submitted ? new Date(submitted.getTime() + 3 * DAY) : null,
        resolution: e.resolutionReason ? DisputeResolution.UPHELD : null,
        resolutionReason: e.resolutionReason,
      });
      if (submitted) applyScores(evaluation, scorecard);
    }
    for (const c of demo.calibrations) {
      const scorecard = scorecards.get(`${c.scorecardCode}:${c.scorecardVersion}`) as Scorecard;
      const session = tx.create(CalibrationSession, {
        scorecard,
        contactSource: DEMO_QA_CONTACT_SOURCE,
        contactExternalId: c.contactExternalId,
        agentEmployeeNo: c.agentEmployeeNo,
        calibratorEmployeeNo: c.calibratorEmployeeNo,
        createdAt: c.createdAt,
      });
      for (const score of c.scores) {
        const evaluation = tx.create(Evaluation, {
          scorecard,
          agentEmployeeNo: c.agentEmployeeNo,
          evaluatorEmployeeNo: score.evaluatorEmployeeNo,
          contactSource: DEMO_QA_CONTACT_SOURCE,
          contactExternalId: c.contactExternalId,
          status: EvaluationStatus.SUBMITTED,
          answers: stored(score.answers),
          createdAt: c.createdAt,
          submittedAt: new Date(c.createdAt.getTime() + 2 * 3_600_000),
          calibrationSession: session,
        });
        applyScores(evaluation, scorecard);
      }
    }
    const plan = tx.create(SamplingPlan, {
      code: 'WEEKLY-2',
      name: 'Two random contacts per agent per week',
      period: SamplingPeriod.WEEK,
      evaluationsPerAgent: 2,
      seed: 'demo',
    });
    for (const a of demo.assignments)
      for (const agent of a.agentEmployeeNos)
        tx.create(SamplingAssignment, {
          plan,
          agentEmployeeNo: agent,
          evaluatorEmployeeNo: a.evaluatorEmployeeNo,
        });
  });
  return true;
}
