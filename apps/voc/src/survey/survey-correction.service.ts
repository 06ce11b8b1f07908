import type { EntityManager } from '@mikro-orm/postgresql';
import { DEFAULT_CSAT_TOP_BOX_MIN, scoreOnScale, SURVEY_SCALES } from '@switchboard/metrics';
import { outsideScope } from '@switchboard/auth';
import { badUserInput, conflict, notFound } from '@switchboard/server';
import { isUuid } from '@switchboard/subgraph-kit';
import { responseDelta, type MeasureDelta } from '../rollup/survey-measures';
import { SurveyRollupDeltas } from '../rollup/survey-rollup.writer';
import { SurveyForm } from '../survey-form/survey-form.entity';
import { SurveyInvitation } from './survey-invitation.entity';
import { SurveyResponse } from './survey-response.entity';

export const CHANGE_REASON_MAX = 500;

/** A correction (a new score) or a withdrawal of one response. */
export type SurveyResponseChange = { kind: 'CORRECT'; score: number } | { kind: 'WITHDRAW' };

const negated = (delta: MeasureDelta): MeasureDelta =>
  Object.fromEntries(Object.entries(delta).map(([column, value]) => [column, -value])) as MeasureDelta;

/**
 * Corrects a response's score or withdraws it, the rollup moved in the same transaction: the old
 * answer's counts subtracted, the new one's added (none when withdrawn). The response row is locked
 * first, so two changes of one response (or a change and an import) never both subtract it.
 * A response outside the caller's centers is refused (FORBIDDEN) like an unknown one, so ids of
 * other centers cannot be probed; an unknown id is NOT_FOUND only for a caller who sees every center.
 */
export class SurveyCorrectionService {
  constructor(private readonly em: EntityManager) {}

  async change(
    id: string,
    change: SurveyResponseChange,
    reason: string,
    changedBy: string,
    access: { action: string; all: boolean; sees: (centerId: string) => boolean },
  ): Promise<{ response: SurveyResponse; invitation: SurveyInvitation }> {
    const unknown = () => (access.all ? notFound('SurveyResponse', 'id', id) : outsideScope(access.action));
    const problems = [];
    if (!isUuid(id)) throw unknown();
    const why = reason.trim();
    if (!why || why.length > CHANGE_REASON_MAX)
      problems.push({ field: 'reason', message: `must be 1 to ${CHANGE_REASON_MAX} characters` });
    if (change.kind === 'CORRECT' && !Number.isInteger(change.score))
      problems.push({ field: 'score', message: 'must be an integer' });
    if (problems.length) throw badUserInput(problems);
    return this.em.transactional(async (tx) => {
      const [locked] = await tx.execute<{ id: string }[]>(
        'select id from voc_survey_response where id = ? for update',
        [id.toLowerCase()],
      );
      if (!locked) throw unknown();
      const response = await tx.findOneOrFail(SurveyResponse, { id: locked.id }, { refresh: true });
      if (!access.sees(response.centerId)) throw outsideScope(access.action);
      const invitation = await tx.findOneOrFail(SurveyInvitation, { id: response.invitationId });
      if (response.withdrawnAt) {
        // withdrawing twice is the same withdrawal; a withdrawn answer is not corrected
        if (change.kind === 'WITHDRAW') return { response, invitation };
        throw conflict(`survey response ${id} was withdrawn`, 'id');
      }
      const rollup = new SurveyRollupDeltas();
      rollup.add(response, negated(responseDelta(response.kind, response.score, response.topBox)));
      if (change.kind === 'CORRECT') {
        if (!scoreOnScale(response.kind, change.score)) {
          const { min, max } = SURVEY_SCALES[response.kind];
          throw badUserInput({
            field: 'score',
            message: `${response.kind.toLowerCase()} out of range ${min}..${max}`,
          });
        }
        if (change.score === response.score) return { response, invitation };
        const form = await tx.findOne(SurveyForm, { id: invitation.formId });
        response.originalScore ??= response.score;
        response.score = change.score;
        response.topBox =
          response.kind === 'CSAT' ? change.score >= (form?.topBoxMin ?? DEFAULT_CSAT_TOP_BOX_MIN) : null;
        response.correctedAt = new Date();
        rollup.add(response, responseDelta(response.kind, response.score, response.topBox));
      } else {
        response.withdrawnAt = new Date();
      }
      response.changeReason = why;
      response.changedBy = changedBy;
      await tx.flush();
      await rollup.write(tx);
      return { response, invitation };
    });
  }
}
