import type { EntityManager } from '@mikro-orm/postgresql';
import { demoQa, type DemoAnswer } from '@switchboard/demo';
import { CalibrationSession } from '../calibration/calibration-session.entity';
import { Evaluation } from '../evaluation/evaluation.entity';
import { applyScores } from '../evaluation/evaluation.service';
import { SamplingAssignment, SamplingPlan } from '../sampling/sampling-plan.entity';
import { Scorecard } from '../scorecard/scorecard.entity';
import { EvaluationStatus, DisputeResolution, SamplingPeriod, ScorecardStatus } from '../model/enums';

const DAY = 86_400_000;

const stored = (answers: DemoAnswer[]) => answers.map((a) => ({ ...a, comment: null }));

/**
 * Seeds the demo QA data set (libs/demo: scorecards, the demo traffic month of evaluations,
 * calibration sessions, a weekly sampling plan) when there is no scorecard yet; returns whether it
 * seeded. Scores are computed with the same formulas as live evaluations. Every evaluation scores a
 * contact of traffic's demo seed of the same day that its agent answered: libs/demo generates
 * both (QA never reads traffic's tables).
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
    // Scorecards first (the evaluations reference them), then the quarter of evaluations in one
    // statement: thousands of rows through the unit of work would cost seconds at every first start.
    await tx.flush();
    const rows = demo.evaluations.map((e) => {
      const scorecard = scorecards.get(`${e.scorecardCode}:${e.scorecardVersion}`) as Scorecard;
      const submitted = e.submittedAt;
      const evaluation = Object.assign(new Evaluation(), {
        scorecard,
        answers: stored(e.answers),
      });
      if (submitted) applyScores(evaluation, scorecard);
      const after = (days: number) =>
        submitted ? new Date(submitted.getTime() + days * DAY).toISOString() : null;
      return {
        id: evaluation.id,
        scorecard_id: scorecard.id,
        agent_employee_no: e.agentEmployeeNo,
        evaluator_employee_no: e.evaluatorEmployeeNo,
        contact_source: e.contactSource,
        contact_external_id: e.contactExternalId,
        status: e.status,
        answers: evaluation.answers,
        overall_score: evaluation.overallScore,
        auto_failed: evaluation.autoFailed,
        section_scores: submitted ? evaluation.sectionScores : null,
        category_scores: submitted ? evaluation.categoryScores : null,
        created_at: e.createdAt.toISOString(),
        submitted_at: submitted?.toISOString() ?? null,
        acknowledged_at: e.status === 'ACKNOWLEDGED' ? after(1) : null,
        disputed_at: e.disputeReason ? after(1) : null,
        dispute_reason: e.disputeReason,
        resolved_at: e.resolutionReason ? after(3) : null,
        resolution: e.resolutionReason ? DisputeResolution.UPHELD : null,
        resolution_reason: e.resolutionReason,
      };
    });
    await tx.execute(
      `insert into evaluation (id, scorecard_id, agent_employee_no, evaluator_employee_no, contact_source,
         contact_external_id, status, answers, overall_score, auto_failed, section_scores, category_scores,
         created_at, submitted_at, acknowledged_at, disputed_at, dispute_reason, resolved_at, resolution,
         resolution_reason)
       select id, scorecard_id, agent_employee_no, evaluator_employee_no, contact_source, contact_external_id,
         status::evaluation_status, answers, overall_score, auto_failed, section_scores, category_scores,
         created_at, submitted_at, acknowledged_at, disputed_at, dispute_reason, resolved_at,
         resolution::dispute_resolution, resolution_reason
       from jsonb_to_recordset(?::jsonb) as r(id uuid, scorecard_id uuid, agent_employee_no text,
         evaluator_employee_no text, contact_source text, contact_external_id text, status text, answers jsonb,
         overall_score float8, auto_failed boolean, section_scores jsonb, category_scores jsonb,
         created_at timestamptz, submitted_at timestamptz, acknowledged_at timestamptz, disputed_at timestamptz,
         dispute_reason text, resolved_at timestamptz, resolution text, resolution_reason text)`,
      [JSON.stringify(rows)],
    );
    for (const c of demo.calibrations) {
      const scorecard = scorecards.get(`${c.scorecardCode}:${c.scorecardVersion}`) as Scorecard;
      const session = tx.create(CalibrationSession, {
        scorecard,
        contactSource: c.contactSource,
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
          contactSource: c.contactSource,
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
