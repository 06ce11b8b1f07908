import type { EntityManager } from '@mikro-orm/postgresql';
import { calibrationDeviation, meanAbsoluteDeviation } from '@switchboard/metrics';
import { badUserInput } from '@switchboard/server';
import { visibleAgentSql, type QaActor } from '../access/qa-access';
import { checkPeriod, isUuid } from '../common/validation';
import { Evaluation } from '../evaluation/evaluation.entity';
import { evaluationErrors } from '../evaluation/evaluation.errors';
import { Scorecard } from '../scorecard/scorecard.entity';
import { gatewayReferences, type QaReferences } from '../references/qa-references';
import { checkContactOf, checkPeople } from '../references/reference-checks';
import { scorecardErrors } from '../scorecard/scorecard.errors';
import { CalibrationSession } from './calibration-session.entity';
import type { CreateCalibrationSessionInput } from './calibration.input';
import { EvaluationStatus, ScorecardStatus } from '../model/enums';

export interface CalibrationResult {
  evaluatorEmployeeNo: string;
  evaluationId: string;
  status: EvaluationStatus;
  reference: boolean;
  score: number | null;
  deviation: number | null;
}

export interface EvaluatorCalibration {
  evaluatorEmployeeNo: string;
  sessions: number;
  meanAbsoluteDeviation: number;
  meanDeviation: number;
  drifting: boolean;
}

interface DeviationRow {
  evaluator_employee_no: string;
  score: number;
  reference_score: number;
}

const scored = (e: Evaluation): boolean => e.status !== EvaluationStatus.DRAFT && e.overallScore !== null;

export class CalibrationService {
  constructor(
    private readonly em: EntityManager,
    private readonly references: QaReferences = gatewayReferences,
  ) {}

  async get(id: string): Promise<CalibrationSession | null> {
    return isUuid(id) ? this.em.findOne(CalibrationSession, { id }) : null;
  }

  /** Sessions created in a period; `visibleAgents` (null: all) keeps those of these agents. */
  list(from: Date, to: Date, visibleAgents: readonly string[] | null = null): Promise<CalibrationSession[]> {
    checkPeriod(from, to);
    return this.em.find(
      CalibrationSession,
      {
        createdAt: { $gte: from, $lt: to },
        ...(visibleAgents ? { agentEmployeeNo: { $in: [...visibleAgents] } } : {}),
      },
      { orderBy: { createdAt: 'asc' } },
    );
  }

  /**
   * A session and one DRAFT evaluation per participant (calibrator first), in one transaction.
   * Checked first: the evaluated agent is neither the caller nor a participant, every participant
   * is an evaluator in staff, the agent is in staff, and the contact is in traffic and was theirs.
   */
  async create(input: CreateCalibrationSessionInput, actor: QaActor): Promise<CalibrationSession> {
    const evaluators = [...new Set(input.evaluatorEmployeeNos)];
    const twice = input.evaluatorEmployeeNos.find((e, i) => input.evaluatorEmployeeNos.indexOf(e) !== i);
    if (twice !== undefined)
      throw badUserInput({ field: 'evaluatorEmployeeNos', message: `"${twice}" is named more than once` });
    if (evaluators.includes(input.calibratorEmployeeNo))
      throw badUserInput({
        field: 'evaluatorEmployeeNos',
        message: `must not include the calibratorEmployeeNo "${input.calibratorEmployeeNo}"`,
      });
    if (input.agentEmployeeNo === actor.employeeNo) throw evaluationErrors.agentIsCaller();
    if (input.calibratorEmployeeNo === input.agentEmployeeNo)
      throw badUserInput({ field: 'input.calibratorEmployeeNo', message: 'must not be the evaluated agent' });
    if (evaluators.includes(input.agentEmployeeNo))
      throw badUserInput({
        field: 'input.evaluatorEmployeeNos',
        message: 'must not include the evaluated agent',
      });
    const scorecard = isUuid(input.scorecardId)
      ? await this.em.findOne(Scorecard, { id: input.scorecardId })
      : null;
    if (!scorecard) throw evaluationErrors.unknownScorecard(input.scorecardId);
    if (scorecard.status !== ScorecardStatus.PUBLISHED)
      throw scorecardErrors.notPublished('scorecardId', scorecard);
    await checkPeople(this.references, [
      { field: 'input.agentEmployeeNo', employeeNo: input.agentEmployeeNo },
      { field: 'input.calibratorEmployeeNo', employeeNo: input.calibratorEmployeeNo, evaluator: true },
      ...evaluators.map((employeeNo, i) => ({
        field: `input.evaluatorEmployeeNos.${i}`,
        employeeNo,
        evaluator: true,
      })),
    ]);
    await checkContactOf(this.references, input.contact, input.agentEmployeeNo, 'input.contact');
    return this.em.transactional(async (tx) => {
      const session = tx.create(CalibrationSession, {
        scorecard,
        contactSource: input.contact.source,
        contactExternalId: input.contact.externalId,
        agentEmployeeNo: input.agentEmployeeNo,
        calibratorEmployeeNo: input.calibratorEmployeeNo,
      });
      for (const evaluator of [input.calibratorEmployeeNo, ...evaluators]) {
        tx.create(Evaluation, {
          scorecard,
          agentEmployeeNo: input.agentEmployeeNo,
          evaluatorEmployeeNo: evaluator,
          contactSource: input.contact.source,
          contactExternalId: input.contact.externalId,
          calibrationSession: session,
        });
      }
      return session;
    });
  }

  /** Each participant's score and deviation from the calibrator's (METRICS.md "Calibration"). */
  async results(sessionIds: readonly string[]): Promise<Map<string, CalibrationResult[]>> {
    const evaluations = await this.em.find(
      Evaluation,
      { calibrationSession: { $in: [...sessionIds] } },
      { populate: ['calibrationSession'], orderBy: { evaluatorEmployeeNo: 'asc' } },
    );
    const bySession = new Map<string, CalibrationResult[]>(sessionIds.map((id) => [id, []]));
    for (const id of sessionIds) {
      const own = evaluations.filter((e) => e.calibrationSession?.id === id);
      const referenceEvaluation = own.find(
        (e) => e.evaluatorEmployeeNo === e.calibrationSession?.calibratorEmployeeNo,
      );
      const reference =
        referenceEvaluation && scored(referenceEvaluation) ? referenceEvaluation.overallScore : null;
      const results = own.map((e) => ({
        evaluatorEmployeeNo: e.evaluatorEmployeeNo,
        evaluationId: e.id,
        status: e.status,
        reference: e === referenceEvaluation,
        score: scored(e) ? e.overallScore : null,
        deviation:
          e !== referenceEvaluation && scored(e) && reference !== null
            ? calibrationDeviation(e.overallScore as number, reference)
            : null,
      }));
      bySession.set(
        id,
        results.sort((a, b) => Number(b.reference) - Number(a.reference)),
      );
    }
    return bySession;
  }

  /**
   * Mean absolute deviation per evaluator over the sessions created in a period where both they and
   * the calibrator submitted; `drifting` when above the threshold. Worst first.
   */
  async report(
    from: Date,
    to: Date,
    driftThreshold: number,
    visibleAgentsJson: string | null = null,
  ): Promise<EvaluatorCalibration[]> {
    checkPeriod(from, to);
    if (!Number.isFinite(driftThreshold) || driftThreshold < 0 || driftThreshold > 100)
      throw badUserInput({
        field: 'driftThreshold',
        message: 'must be between 0 and 100 (percentage points)',
      });
    const rows = await this.em.execute<DeviationRow[]>(
      `select e.evaluator_employee_no, e.overall_score as score, r.overall_score as reference_score
         from calibration_session s
         join evaluation r on r.calibration_session_id = s.id and r.evaluator_employee_no = s.calibrator_employee_no
         join evaluation e on e.calibration_session_id = s.id and e.evaluator_employee_no <> s.calibrator_employee_no
        where s.created_at >= ? and s.created_at < ? and ${visibleAgentSql('s.agent_employee_no')}
          and r.status <> 'DRAFT' and e.status <> 'DRAFT'
          and r.overall_score is not null and e.overall_score is not null`,
      [from, to, visibleAgentsJson, visibleAgentsJson],
    );
    const deviations = new Map<string, number[]>();
    for (const row of rows) {
      const list = deviations.get(row.evaluator_employee_no) ?? [];
      list.push(calibrationDeviation(Number(row.score), Number(row.reference_score)));
      deviations.set(row.evaluator_employee_no, list);
    }
    return [...deviations.entries()]
      .map(([evaluatorEmployeeNo, list]) => {
        const mad = meanAbsoluteDeviation(list) as number;
        return {
          evaluatorEmployeeNo,
          sessions: list.length,
          meanAbsoluteDeviation: mad,
          meanDeviation: list.reduce((sum, d) => sum + d, 0) / list.length,
          drifting: mad > driftThreshold,
        };
      })
      .sort(
        (a, b) =>
          b.meanAbsoluteDeviation - a.meanAbsoluteDeviation ||
          a.evaluatorEmployeeNo.localeCompare(b.evaluatorEmployeeNo),
      );
  }
}
