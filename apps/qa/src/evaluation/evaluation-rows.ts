import type { EntityManager } from '@mikro-orm/postgresql';
import { pgArray } from '@switchboard/db';
import { checkPageSize, decodeCursor, encodeCursor } from '@switchboard/subgraph-kit';
import type { DisputeResolution, EvaluationStatus } from '../model/enums';
import type { Evaluation } from './evaluation.entity';
import type { EvaluationFilter } from './evaluation.input';

/**
 * An evaluation as the API reads it: the entity's fields, its scorecard and calibration session by
 * id. An entity is one; so is a row of `listEvaluations`.
 */
export type EvaluationRecord = Omit<Evaluation, 'scorecard' | 'calibrationSession'> & {
  scorecard: { id: string };
  calibrationSession: { id: string } | null;
};

interface EvaluationRow {
  id: string;
  scorecard_id: string;
  agent_employee_no: string;
  evaluator_employee_no: string;
  contact_source: string;
  contact_external_id: string;
  status: EvaluationStatus;
  answers: Evaluation['answers'];
  comment: string | null;
  overall_score: number | null;
  auto_failed: boolean;
  section_scores: Evaluation['sectionScores'];
  category_scores: Evaluation['categoryScores'];
  created_at: Date;
  submitted_at: Date | null;
  acknowledged_at: Date | null;
  disputed_at: Date | null;
  dispute_reason: string | null;
  resolved_at: Date | null;
  resolution: DisputeResolution | null;
  resolution_reason: string | null;
  score_before_resolution: number | null;
  calibration_session_id: string | null;
}

const date = (value: Date | null): Date | null => (value === null ? null : new Date(value));

function recordOf(row: EvaluationRow): EvaluationRecord {
  return {
    id: row.id,
    scorecard: { id: row.scorecard_id },
    agentEmployeeNo: row.agent_employee_no,
    evaluatorEmployeeNo: row.evaluator_employee_no,
    contactSource: row.contact_source,
    contactExternalId: row.contact_external_id,
    status: row.status,
    answers: row.answers,
    comment: row.comment,
    overallScore: row.overall_score,
    autoFailed: row.auto_failed,
    sectionScores: row.section_scores,
    categoryScores: row.category_scores,
    createdAt: new Date(row.created_at),
    submittedAt: date(row.submitted_at),
    acknowledgedAt: date(row.acknowledged_at),
    disputedAt: date(row.disputed_at),
    disputeReason: row.dispute_reason,
    resolvedAt: date(row.resolved_at),
    resolution: row.resolution,
    resolutionReason: row.resolution_reason,
    scoreBeforeResolution: row.score_before_resolution,
    calibrationSession: row.calibration_session_id === null ? null : { id: row.calibration_session_id },
  };
}

/**
 * Evaluations newest first, keyset-paginated on (createdAt, id); `visibleAgents` (null: all) scopes
 * them down. Read as rows, not hydrated entities (issue 23): the agent page asks two such lists, and
 * MikroORM's find cost about 1 ms of CPU per list above the statement; nothing is written through them.
 */
export async function listEvaluations(
  em: EntityManager,
  filter: EvaluationFilter,
  first: number,
  after: string | null,
  visibleAgents: readonly string[] | null,
) {
  checkPageSize(first);
  const where: string[] = [];
  const values: unknown[] = [];
  const condition = (sql: string, ...params: unknown[]) => {
    where.push(sql);
    values.push(...params);
  };
  if (visibleAgents) condition('agent_employee_no = any(?::text[])', pgArray(visibleAgents));
  if (filter.agentEmployeeNos)
    condition('agent_employee_no = any(?::text[])', pgArray(filter.agentEmployeeNos));
  if (filter.evaluatorEmployeeNos)
    condition('evaluator_employee_no = any(?::text[])', pgArray(filter.evaluatorEmployeeNos));
  if (filter.statuses) condition('status = any(?::evaluation_status[])', pgArray(filter.statuses));
  if (filter.submittedFrom) condition('submitted_at >= ?', filter.submittedFrom);
  if (filter.submittedTo) condition('submitted_at < ?', filter.submittedTo);
  if (filter.calibration === false) condition('calibration_session_id is null');
  if (filter.calibration === true) condition('calibration_session_id is not null');
  if (after) {
    const [createdAt, id] = decodeCursor(after);
    const at = new Date(createdAt);
    condition('(created_at < ? or (created_at = ? and id < ?::uuid))', at, at, String(id));
  }
  const rows = await em.execute<EvaluationRow[]>(
    `select id, scorecard_id, agent_employee_no, evaluator_employee_no, contact_source, contact_external_id,
       status::text as status, answers, comment, overall_score, auto_failed, section_scores, category_scores,
       created_at, submitted_at, acknowledged_at, disputed_at, dispute_reason, resolved_at,
       resolution::text as resolution, resolution_reason, score_before_resolution, calibration_session_id
     from evaluation ${where.length ? `where ${where.join(' and ')}` : ''}
     order by created_at desc, id desc limit ?`,
    [...values, first + 1],
  );
  const nodes = rows.slice(0, first).map(recordOf);
  const last = nodes.at(-1);
  return {
    nodes,
    pageInfo: {
      hasNextPage: rows.length > first,
      endCursor: last ? encodeCursor([last.createdAt.toISOString(), last.id]) : null,
    },
  };
}
