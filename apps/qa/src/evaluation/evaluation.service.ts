import { LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { scoreEvaluation } from '@switchboard/metrics';
import type { QaActor } from '../access/qa-access';
import { isUuid } from '../common/validation';
import { gatewayReferences, type QaReferences } from '../references/qa-references';
import { checkContactOf, checkPeople } from '../references/reference-checks';
import { Scorecard } from '../scorecard/scorecard.entity';
import { scorecardErrors } from '../scorecard/scorecard.errors';
import { checkAnswers, toQaAnswers, toStoredAnswers } from './evaluation-answers';
import { listEvaluations } from './evaluation-rows';
import { transition, type EvaluationAction } from './evaluation-workflow';
import { Evaluation } from './evaluation.entity';
import { evaluationErrors } from './evaluation.errors';
import type {
  AnswerInput,
  CreateEvaluationInput,
  EvaluationFilter,
  ResolveDisputeInput,
  UpdateEvaluationInput,
} from './evaluation.input';
import { ScorecardStatus, DisputeResolution } from '../model/enums';

/** Scores the stored answers with the METRICS.md formulas and keeps the results on the row. */
export function applyScores(evaluation: Evaluation, scorecard: Scorecard): void {
  const score = scoreEvaluation(scorecard.sections, toQaAnswers(evaluation.answers));
  evaluation.overallScore = score.overall;
  evaluation.autoFailed = score.autoFailed;
  evaluation.sectionScores = score.sections;
  evaluation.categoryScores = Object.fromEntries(score.categories.map((c) => [c.category, c.score]));
}

export class EvaluationService {
  /**
   * `guard` sees what each workflow step loads, before anything else is checked (the caller's
   * scope): the evaluation, or null when there is none, so a restricted caller can be refused alike
   * for a missing one and one outside their scope (issue 17: errors reveal nothing out of scope).
   */
  constructor(
    private readonly em: EntityManager,
    private readonly guard: (evaluation: Evaluation | null) => void = () => undefined,
    private readonly references: QaReferences = gatewayReferences,
  ) {}

  findByIds(ids: readonly string[]): Promise<Evaluation[]> {
    return this.em.find(Evaluation, { id: { $in: ids.filter(isUuid) } });
  }

  async get(id: string): Promise<Evaluation> {
    const evaluation = isUuid(id) ? await this.em.findOne(Evaluation, { id }) : null;
    if (!evaluation) throw evaluationErrors.notFound(id);
    return evaluation;
  }

  /** Newest first, keyset-paginated on (createdAt, id); `visibleAgents` (null: all) scopes it down. */
  list(
    filter: EvaluationFilter,
    first: number,
    after: string | null,
    visibleAgents: readonly string[] | null = null,
  ) {
    return listEvaluations(this.em, filter, first, after, visibleAgents);
  }

  /**
   * A DRAFT by `evaluator` (the caller, or whom an ADMIN named). Checked before anything is written:
   * nobody evaluates themself, the scorecard is published, the agent is in staff and the evaluator
   * an evaluator there, the contact is in traffic and was the agent's, and no other evaluation of
   * it on this scorecard exists (calibrations aside).
   */
  async create(input: CreateEvaluationInput, evaluator: string, actor: QaActor): Promise<Evaluation> {
    if (input.agentEmployeeNo === actor.employeeNo) throw evaluationErrors.agentIsCaller();
    if (evaluator === input.agentEmployeeNo) throw evaluationErrors.evaluatesThemself();
    const scorecard = isUuid(input.scorecardId)
      ? await this.em.findOne(Scorecard, { id: input.scorecardId })
      : null;
    if (!scorecard) throw evaluationErrors.unknownScorecard(input.scorecardId);
    if (scorecard.status !== ScorecardStatus.PUBLISHED)
      throw scorecardErrors.notPublished('scorecardId', scorecard);
    const answers = input.answers ?? [];
    this.checkAnswers(scorecard, answers, false, 'input.answers');
    await checkPeople(this.references, [
      { field: 'input.agentEmployeeNo', employeeNo: input.agentEmployeeNo },
      { field: 'input.evaluatorEmployeeNo', employeeNo: evaluator, evaluator: true },
    ]);
    await checkContactOf(this.references, input.contact, input.agentEmployeeNo, 'input.contact');
    return this.em.transactional(async (tx) => {
      // one evaluation per contact and scorecard: two concurrent creates of it take turns here
      await tx.execute('select pg_advisory_xact_lock(hashtext(?))', [
        `evaluation:${input.contact.source}\u001f${input.contact.externalId}`,
      ]);
      const twin = await tx.findOne(Evaluation, {
        contactSource: input.contact.source,
        contactExternalId: input.contact.externalId,
        calibrationSession: null,
        scorecard: { code: scorecard.code },
      });
      if (twin) throw evaluationErrors.alreadyEvaluated(scorecard.code);
      return tx.create(Evaluation, {
        scorecard,
        agentEmployeeNo: input.agentEmployeeNo,
        evaluatorEmployeeNo: evaluator,
        contactSource: input.contact.source,
        contactExternalId: input.contact.externalId,
        answers: toStoredAnswers(answers),
        comment: input.comment ?? null,
      });
    });
  }

  /** An evaluator edits only their own drafts (ADMIN any). */
  update(id: string, input: UpdateEvaluationInput, actor: QaActor): Promise<Evaluation> {
    return this.step(id, 'EDIT', actor, (evaluation) => {
      if (input.answers) {
        this.checkAnswers(evaluation.scorecard, input.answers, false, 'input.answers');
        evaluation.answers = toStoredAnswers(input.answers);
      }
      if (input.comment !== undefined) evaluation.comment = input.comment ?? null;
    });
  }

  /** DRAFT -> SUBMITTED: every criterion answered (or N/A); the scores are computed and stored. */
  submit(id: string, actor: QaActor): Promise<Evaluation> {
    return this.step(id, 'SUBMIT', actor, (evaluation) => {
      this.checkAnswers(evaluation.scorecard, evaluation.answers, true, 'answers');
      applyScores(evaluation, evaluation.scorecard);
      evaluation.submittedAt = new Date();
    });
  }

  /** SUBMITTED -> ACKNOWLEDGED; the guard has checked that `employeeNo` is the evaluated agent. */
  acknowledge(id: string): Promise<Evaluation> {
    return this.step(id, 'ACKNOWLEDGE', null, (evaluation) => {
      evaluation.acknowledgedAt = new Date();
    });
  }

  /** SUBMITTED -> DISPUTED; the guard has checked that `employeeNo` is the evaluated agent. */
  dispute(id: string, reason: string): Promise<Evaluation> {
    return this.step(id, 'DISPUTE', null, (evaluation) => {
      evaluation.disputedAt = new Date();
      evaluation.disputeReason = reason.trim();
    });
  }

  /** DISPUTED -> RESOLVED: UPHELD keeps the scores; RESCORED stores new answers and scores, keeping the old score. */
  resolve(id: string, input: ResolveDisputeInput, actor: QaActor): Promise<Evaluation> {
    return this.step(id, 'RESOLVE', actor, (evaluation) => {
      if (input.resolution === DisputeResolution.UPHELD && input.answers)
        throw evaluationErrors.answersWithUpheld();
      if (input.resolution === DisputeResolution.RESCORED) {
        if (!input.answers) throw evaluationErrors.answersRequired();
        this.checkAnswers(evaluation.scorecard, input.answers, true, 'input.answers');
        evaluation.scoreBeforeResolution = evaluation.overallScore;
        evaluation.answers = toStoredAnswers(input.answers);
        applyScores(evaluation, evaluation.scorecard);
      }
      evaluation.resolution = input.resolution;
      evaluation.resolutionReason = input.reason.trim();
      evaluation.resolvedAt = new Date();
    });
  }

  /**
   * One workflow step in a transaction, the row locked so two steps cannot both pass the check.
   * `actor` (null: the agent's own steps, checked in `change`) is checked before the state is.
   */
  private step(
    id: string,
    action: EvaluationAction,
    actor: QaActor | null,
    change: (evaluation: Evaluation) => void,
  ): Promise<Evaluation> {
    return this.em.transactional(async (tx) => {
      const evaluation = isUuid(id)
        ? await tx.findOne(
            Evaluation,
            { id },
            { lockMode: LockMode.PESSIMISTIC_WRITE, lockTableAliases: ['e0'] },
          )
        : null;
      this.guard(evaluation);
      if (!evaluation) throw evaluationErrors.notFound(id);
      if (actor) this.authorize(evaluation, action, actor);
      await tx.populate(evaluation, ['scorecard']);
      const next = transition(evaluation.status, action);
      if (next instanceof Error) throw next;
      change(evaluation);
      evaluation.status = next;
      return evaluation;
    });
  }

  /**
   * Nobody edits, submits or resolves an evaluation of themself; an evaluator edits and submits only
   * their own drafts (ADMIN any); the evaluator who scored it never resolves its dispute.
   */
  private authorize(evaluation: Evaluation, action: EvaluationAction, actor: QaActor): void {
    const name =
      action === 'EDIT' ? 'updateEvaluation' : action === 'SUBMIT' ? 'submitEvaluation' : 'resolveDispute';
    if (actor.employeeNo === evaluation.agentEmployeeNo) throw evaluationErrors.ofYourself(name);
    const scorer = actor.employeeNo === evaluation.evaluatorEmployeeNo;
    if (action === 'RESOLVE') {
      if (scorer) throw evaluationErrors.resolvesOwnScore();
    } else if (!actor.admin && !scorer) {
      throw evaluationErrors.notYourDraft(name);
    }
  }

  private checkAnswers(scorecard: Scorecard, answers: AnswerInput[], complete: boolean, field: string): void {
    const problems = checkAnswers(scorecard.sections, answers, complete, field);
    if (problems.length) throw evaluationErrors.invalidAnswers(problems);
  }
}
