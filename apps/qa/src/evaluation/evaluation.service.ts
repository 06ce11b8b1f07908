import { LockMode } from '@mikro-orm/core';
import type { EntityManager, FilterQuery } from '@mikro-orm/postgresql';
import { scoreEvaluation } from '@switchboard/metrics';
import { checkPageSize, decodeCursor, encodeCursor } from '@switchboard/subgraph-kit';
import { isUuid } from '../common/validation';
import { Scorecard, ScorecardStatus } from '../scorecard/scorecard.entity';
import { scorecardErrors } from '../scorecard/scorecard.errors';
import { checkAnswers, toQaAnswers, toStoredAnswers } from './evaluation-answers';
import { transition, type EvaluationAction } from './evaluation-workflow';
import { DisputeResolution, Evaluation } from './evaluation.entity';
import { evaluationErrors } from './evaluation.errors';
import type {
  AnswerInput,
  CreateEvaluationInput,
  EvaluationFilter,
  ResolveDisputeInput,
  UpdateEvaluationInput,
} from './evaluation.input';

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
  async list(
    filter: EvaluationFilter,
    first: number,
    after: string | null,
    visibleAgents: readonly string[] | null = null,
  ) {
    checkPageSize(first);
    const where: FilterQuery<Evaluation>[] = [];
    if (visibleAgents) where.push({ agentEmployeeNo: { $in: [...visibleAgents] } });
    if (filter.agentEmployeeNos) where.push({ agentEmployeeNo: { $in: filter.agentEmployeeNos } });
    if (filter.evaluatorEmployeeNos)
      where.push({ evaluatorEmployeeNo: { $in: filter.evaluatorEmployeeNos } });
    if (filter.statuses) where.push({ status: { $in: filter.statuses } });
    if (filter.submittedFrom) where.push({ submittedAt: { $gte: filter.submittedFrom } });
    if (filter.submittedTo) where.push({ submittedAt: { $lt: filter.submittedTo } });
    if (after) {
      const [createdAt, id] = decodeCursor(after);
      const at = new Date(createdAt);
      where.push({ $or: [{ createdAt: { $lt: at } }, { createdAt: at, id: { $lt: String(id) } }] });
    }
    const rows = await this.em.find(
      Evaluation,
      { $and: where },
      { orderBy: { createdAt: 'desc', id: 'desc' }, limit: first + 1 },
    );
    const nodes = rows.slice(0, first);
    const last = nodes.at(-1);
    return {
      nodes,
      pageInfo: {
        hasNextPage: rows.length > first,
        endCursor: last ? encodeCursor([last.createdAt.toISOString(), last.id]) : null,
      },
    };
  }

  async create(input: CreateEvaluationInput): Promise<Evaluation> {
    if (input.evaluatorEmployeeNo === input.agentEmployeeNo) throw evaluationErrors.evaluatesThemself();
    const scorecard = isUuid(input.scorecardId)
      ? await this.em.findOne(Scorecard, { id: input.scorecardId })
      : null;
    if (!scorecard) throw evaluationErrors.unknownScorecard(input.scorecardId);
    if (scorecard.status !== ScorecardStatus.PUBLISHED)
      throw scorecardErrors.notPublished('scorecardId', scorecard);
    const answers = input.answers ?? [];
    this.checkAnswers(scorecard, answers, false, 'input.answers');
    const evaluation = this.em.create(Evaluation, {
      scorecard,
      agentEmployeeNo: input.agentEmployeeNo,
      evaluatorEmployeeNo: input.evaluatorEmployeeNo,
      contactSource: input.contact.source,
      contactExternalId: input.contact.externalId,
      answers: toStoredAnswers(answers),
      comment: input.comment ?? null,
    });
    await this.em.persistAndFlush(evaluation);
    return evaluation;
  }

  update(id: string, input: UpdateEvaluationInput): Promise<Evaluation> {
    return this.step(id, 'EDIT', (evaluation) => {
      if (input.answers) {
        this.checkAnswers(evaluation.scorecard, input.answers, false, 'input.answers');
        evaluation.answers = toStoredAnswers(input.answers);
      }
      if (input.comment !== undefined) evaluation.comment = input.comment ?? null;
    });
  }

  /** DRAFT -> SUBMITTED: every criterion answered (or N/A); the scores are computed and stored. */
  submit(id: string): Promise<Evaluation> {
    return this.step(id, 'SUBMIT', (evaluation) => {
      this.checkAnswers(evaluation.scorecard, evaluation.answers, true, 'answers');
      applyScores(evaluation, evaluation.scorecard);
      evaluation.submittedAt = new Date();
    });
  }

  /** SUBMITTED -> ACKNOWLEDGED; the guard has checked that `employeeNo` is the evaluated agent. */
  acknowledge(id: string): Promise<Evaluation> {
    return this.step(id, 'ACKNOWLEDGE', (evaluation) => {
      evaluation.acknowledgedAt = new Date();
    });
  }

  /** SUBMITTED -> DISPUTED; the guard has checked that `employeeNo` is the evaluated agent. */
  dispute(id: string, reason: string): Promise<Evaluation> {
    return this.step(id, 'DISPUTE', (evaluation) => {
      evaluation.disputedAt = new Date();
      evaluation.disputeReason = reason.trim();
    });
  }

  /** DISPUTED -> RESOLVED: UPHELD keeps the scores; RESCORED stores new answers and scores, keeping the old score. */
  resolve(id: string, input: ResolveDisputeInput): Promise<Evaluation> {
    return this.step(id, 'RESOLVE', (evaluation) => {
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

  /** One workflow step in a transaction, the row locked so two steps cannot both pass the check. */
  private step(
    id: string,
    action: EvaluationAction,
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
      await tx.populate(evaluation, ['scorecard']);
      const next = transition(evaluation.status, action);
      if (next instanceof Error) throw next;
      change(evaluation);
      evaluation.status = next;
      return evaluation;
    });
  }

  private checkAnswers(scorecard: Scorecard, answers: AnswerInput[], complete: boolean, field: string): void {
    const problems = checkAnswers(scorecard.sections, answers, complete, field);
    if (problems.length) throw evaluationErrors.invalidAnswers(problems);
  }
}
