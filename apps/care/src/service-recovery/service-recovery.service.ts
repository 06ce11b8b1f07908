import type { EntityManager } from '@mikro-orm/postgresql';
import { addBusinessDays, CALENDAR_24X7, localDay } from '@switchboard/metrics';
import { badUserInput, type FieldProblem } from '@switchboard/server';
import { BusinessCalendarRow } from '../calendar/business-calendar.entity';
import { toBusinessCalendar } from '../calendar/calendar.service';
import { careServices } from '../care-services';
import { Commitment } from '../commitment/commitment.entity';
import { CommitmentService } from '../commitment/commitment.service';
import { CommitmentOriginKind } from '../timeline/timeline.type';
import type { ServiceRecoveryInput } from './service-recovery.input';

/** The highest CSAT score recovered (issue 19: CSAT ≤ 2 with a verbatim). */
export const RECOVERED_MAX_SCORE = 2;
/** Call the customer back within one business day of the center's calendar. */
export const RECOVERY_BUSINESS_DAYS = 1;

const RECOVERY_PREFIX = 'service-recovery:';
export const recoveryClientKey = (responseKey: string): string => `${RECOVERY_PREFIX}${responseKey}`;
/** Whether a client key is service recovery's (reserved: makeCommitment refuses it). */
export const isRecoveryClientKey = (clientKey: string): boolean => clientKey.startsWith(RECOVERY_PREFIX);

/**
 * What a commitment came from, for the customer's timeline: a service recovery (its client key is
 * recoveryClientKey's, which only openServiceRecovery writes: makeCommitment refuses the prefix) is
 * the survey answer's; otherwise its case, or the contact it was promised on.
 */
export function commitmentOrigin(row: Pick<Commitment, 'clientKey' | 'caseId'>): {
  kind: CommitmentOriginKind;
  surveyResponseKey: string | null;
} {
  if (isRecoveryClientKey(row.clientKey))
    return {
      kind: CommitmentOriginKind.SURVEY_ANSWER,
      surveyResponseKey: row.clientKey.slice(RECOVERY_PREFIX.length),
    };
  return {
    kind: row.caseId ? CommitmentOriginKind.CASE : CommitmentOriginKind.CONTACT,
    surveyResponseKey: null,
  };
}

/**
 * Service recovery (issue 19 item 4): a CALL_BACK commitment owned by the team lead of the agent the
 * survey is attributed to, due one business day from now on the center's calendar (round the clock
 * without one), on the survey's contact and its customer, so it shows on the customer's timeline and
 * escalates like any promise. One per survey response: the same response key returns the first.
 * The contact (and through it the customer and the agent) is checked with traffic, the lead with staff,
 * each one batched call, before anything is written.
 */
/** How far ahead of care's clock a survey's answer time may be (the services' clocks differ a little). */
const ANSWER_CLOCK_SKEW_MS = 5 * 60_000;

export class ServiceRecoveryService {
  constructor(private readonly em: EntityManager) {}

  async open(input: ServiceRecoveryInput, madeBy: string): Promise<Commitment> {
    const clientKey = recoveryClientKey(input.responseKey);
    const existing = await this.em.findOne(Commitment, { clientKey }, { orderBy: { madeAt: 'asc' } });
    if (existing) return existing;

    const { clock, contacts, directory } = careServices();
    const now = clock();
    const centerId = input.centerId.toLowerCase();
    const problems: FieldProblem[] = [];
    // the survey was answered by now (voc's clock may run a little ahead of care's: five minutes' grace)
    if (input.answeredAt && input.answeredAt.getTime() > now.getTime() + ANSWER_CLOCK_SKEW_MS)
      problems.push({ field: 'input.answeredAt', message: 'is in the future' });
    if (input.score > RECOVERED_MAX_SCORE)
      problems.push({
        field: 'input.score',
        message: `only CSAT ${RECOVERED_MAX_SCORE} or lower is recovered`,
      });
    const [contact] = await contacts([input.contact]);
    if (!contact) {
      problems.push({
        field: 'input.contact.externalId',
        message: `no contact ${input.contact.source}/${input.contact.externalId} in traffic`,
      });
    } else {
      if (contact.agentNo !== input.agentEmployeeNo)
        problems.push({
          field: 'input.agentEmployeeNo',
          message: 'is not the agent who handled the contact',
        });
      if (!contact.customerKey)
        problems.push({ field: 'input.contact', message: 'the contact has no customer' });
    }
    const calendarRow = await this.em.findOne(BusinessCalendarRow, { centerId });
    const calendar = calendarRow ? toBusinessCalendar(calendarRow) : CALENDAR_24X7;
    const [team] = problems.length
      ? [null]
      : await directory([
          { ownerEmployeeNo: input.agentEmployeeNo, asOf: localDay(now, calendar.timeZone), at: now },
        ]);
    if (!problems.length && !team?.teamLead)
      problems.push({ field: 'input.agentEmployeeNo', message: 'the agent has no team lead today' });
    if (problems.length) throw badUserInput(problems);

    return new CommitmentService(this.em).make(
      {
        clientKey,
        centerId,
        contact: input.contact,
        customerKey: contact?.customerKey as string,
        caseId: null,
        kind: 'CALL_BACK',
        channel: 'VOICE',
        dueAt: addBusinessDays(calendar, now, RECOVERY_BUSINESS_DAYS),
        dueInBusinessMinutes: null,
        windowStart: null,
        graceMinutes: 0,
      },
      team?.teamLead as string,
      madeBy,
    );
  }
}
