import type { EntityManager } from '@mikro-orm/postgresql';
import { DEFAULT_CSAT_TOP_BOX_MIN, scoreOnScale, SURVEY_SCALES } from '@switchboard/metrics';
import type { RowProblem } from '@switchboard/subgraph-kit';
import { INVITATION_STATUS_RANK, type InvitationStatus } from '../model/enums';
import {
  contactKey,
  gatewayReferences,
  type TrafficContact,
  type VocReferences,
} from '../references/voc-references';
import { Feedback } from '../feedback/feedback.entity';
import { categorize, NO_CATEGORY, type FeedbackRuleSet } from '../feedback/feedback-rules';
import { activeRules } from '../feedback-rules/feedback-rule-set.service';
import { responseDelta, statusDelta } from '../rollup/survey-measures';
import { SurveyRollupDeltas } from '../rollup/survey-rollup.writer';
import { queueServiceRecovery } from '../service-recovery/service-recovery.rule';
import { SurveyForm } from '../survey-form/survey-form.entity';
import { SurveyInvitation } from './survey-invitation.entity';
import { SurveyResponse } from './survey-response.entity';

/** One row of a survey platform's export: an invitation and, once answered, its response. */
export interface SurveyRow {
  /** Line or position in the file, for the report. */
  row: number;
  invitationKey: string;
  formCode: string;
  /** null: the form's newest revision. */
  formRevision: number | null;
  contactSource: string;
  contactExternalId: string;
  sentAt: Date;
  status: InvitationStatus;
  answeredAt: Date | null;
  score: number | null;
  verbatim: string | null;
}

export interface SurveyImportReport {
  invitationsCreated: number;
  invitationsUpdated: number;
  responsesRecorded: number;
  unchanged: number;
  problems: RowProblem[];
}

const problem = (row: SurveyRow, field: string, message: string): RowProblem => ({
  row: row.row,
  employeeNo: null,
  field,
  message,
});

/** The row is the response as first imported (a later correction or withdrawal stays as it is). */
const sameAnswer = (response: SurveyResponse, row: SurveyRow): boolean =>
  (response.originalScore ?? response.score) === row.score &&
  response.answeredAt.getTime() === row.answeredAt?.getTime() &&
  (response.verbatim ?? null) === (row.verbatim ?? null);

/**
 * Imports a survey platform's export for one center: idempotent by the invitation's key (the same
 * file twice changes nothing), every bad row set aside with its reason, the rest written in one
 * transaction. Contacts are asked of traffic through the gateway in one batch per 500 keys.
 */
export class SurveyImportService {
  constructor(
    private readonly em: EntityManager,
    private readonly references: VocReferences = gatewayReferences,
  ) {}

  async import(centerId: string, rows: readonly SurveyRow[]): Promise<SurveyImportReport> {
    const center = centerId.toLowerCase();
    const report: SurveyImportReport = {
      invitationsCreated: 0,
      invitationsUpdated: 0,
      responsesRecorded: 0,
      unchanged: 0,
      problems: [],
    };
    const [forms, contacts] = await Promise.all([
      this.em.find(SurveyForm, {
        centerId: center,
        code: { $in: [...new Set(rows.map((r) => r.formCode))] },
      }),
      this.references.contacts(
        rows.map((r) => ({ source: r.contactSource, externalId: r.contactExternalId })),
      ),
    ]);
    const keys = [...new Set(rows.map((r) => r.invitationKey))];
    return this.em.transactional(async (tx) => {
      // the verbatims are filed by the rules published now (their version kept on each feedback)
      const rules = await activeRules(tx);
      const invitations = new Map(
        (await tx.find(SurveyInvitation, { invitationKey: { $in: keys } })).map((i) => [i.invitationKey, i]),
      );
      const responses = new Map(
        (
          await tx.find(SurveyResponse, {
            invitationId: { $in: [...invitations.values()].map((i) => i.id) },
          })
        ).map((r) => [r.invitationId, r]),
      );
      const rollup = new SurveyRollupDeltas();
      for (const row of rows) {
        const form = this.formOf(forms, row);
        const contact = contacts.get(
          contactKey({ source: row.contactSource, externalId: row.contactExternalId }),
        );
        const found = this.check(row, form, contact);
        if (found) {
          report.problems.push(found);
          continue;
        }
        this.apply(tx, center, row, form!, contact!, invitations, responses, report, rollup, rules);
      }
      // the rows first, then the rollup, in this transaction: both commit or neither
      await tx.flush();
      await rollup.write(tx);
      return report;
    });
  }

  private formOf(forms: SurveyForm[], row: SurveyRow): SurveyForm | undefined {
    const revisions = forms.filter((f) => f.code === row.formCode).sort((a, b) => b.revision - a.revision);
    return row.formRevision == null ? revisions[0] : revisions.find((f) => f.revision === row.formRevision);
  }

  /** The row's first problem, or null. */
  private check(
    row: SurveyRow,
    form: SurveyForm | undefined,
    contact: TrafficContact | undefined,
  ): RowProblem | null {
    if (!row.invitationKey || row.invitationKey.length > 200)
      return problem(row, 'invitationKey', 'must be 1 to 200 characters');
    if (!form)
      return problem(
        row,
        'formCode',
        `no survey form ${row.formCode}${row.formRevision == null ? '' : ` revision ${row.formRevision}`} in this center`,
      );
    if (!contact)
      return problem(row, 'contact', `unknown contact ${row.contactSource}/${row.contactExternalId}`);
    const answered = row.score != null;
    if (answered !== (row.status === 'FINISHED'))
      return answered
        ? problem(row, 'status', `an answered invitation must be FINISHED, not ${row.status}`)
        : problem(row, 'score', 'a FINISHED invitation needs a score');
    if (row.sentAt.getTime() < contact.endedAt.getTime())
      return problem(row, 'sentAt', 'invitation sent before the contact ended');
    if (!answered) return null;
    if (!scoreOnScale(form.kind, row.score!)) {
      const { min, max } = SURVEY_SCALES[form.kind];
      return problem(row, 'score', `${form.kind.toLowerCase()} out of range ${min}..${max}`);
    }
    if (!row.answeredAt) return problem(row, 'answeredAt', 'an answer needs its time');
    if (row.answeredAt.getTime() < contact.endedAt.getTime())
      return problem(row, 'answeredAt', 'response before the contact ended');
    if (row.verbatim != null && row.verbatim.length > 4000)
      return problem(row, 'verbatim', 'must be at most 4000 characters');
    return null;
  }

  private apply(
    tx: EntityManager,
    centerId: string,
    row: SurveyRow,
    form: SurveyForm,
    contact: TrafficContact,
    invitations: Map<string, SurveyInvitation>,
    responses: Map<string, SurveyResponse>,
    report: SurveyImportReport,
    rollup: SurveyRollupDeltas,
    rules: FeedbackRuleSet,
  ): void {
    let invitation = invitations.get(row.invitationKey);
    let changed = false;
    if (!invitation) {
      invitation = tx.create(SurveyInvitation, {
        invitationKey: row.invitationKey,
        formId: form.id,
        centerId,
        contactSource: contact.source,
        contactExternalId: contact.externalId,
        contactArrivedAt: contact.arrivedAt,
        contactEndedAt: contact.endedAt,
        agentEmployeeNo: contact.agentEmployeeNo,
        teamId: contact.teamId,
        queueCode: contact.queueCode,
        sentAt: row.sentAt,
        status: row.status,
      });
      rollup.add(invitation, statusDelta(null, row.status));
      tx.persist(invitation);
      invitations.set(row.invitationKey, invitation);
      report.invitationsCreated++;
      changed = true;
    } else {
      if (
        invitation.formId !== form.id ||
        invitation.contactSource !== contact.source ||
        invitation.contactExternalId !== contact.externalId ||
        invitation.centerId !== centerId
      ) {
        report.problems.push(
          problem(
            row,
            'invitationKey',
            `invitation ${row.invitationKey} was imported with another form, contact or center`,
          ),
        );
        return;
      }
      const existing = responses.get(invitation.id);
      if (existing && row.score != null && !sameAnswer(existing, row)) {
        report.problems.push(problem(row, 'score', `a second answer to invitation ${row.invitationKey}`));
        return;
      }
      if (row.status !== invitation.status) {
        if (INVITATION_STATUS_RANK[row.status] <= INVITATION_STATUS_RANK[invitation.status]) {
          report.problems.push(
            problem(
              row,
              'status',
              `invitation ${row.invitationKey} cannot go from ${invitation.status} to ${row.status}`,
            ),
          );
          return;
        }
        rollup.add(invitation, statusDelta(invitation.status, row.status));
        invitation.status = row.status;
        report.invitationsUpdated++;
        changed = true;
      }
    }
    if (row.score != null && !responses.has(invitation.id)) {
      const response = tx.create(SurveyResponse, {
        invitationId: invitation.id,
        kind: form.kind,
        score: row.score,
        topBox: form.kind === 'CSAT' ? row.score >= (form.topBoxMin ?? DEFAULT_CSAT_TOP_BOX_MIN) : null,
        verbatim: row.verbatim ?? null,
        answeredAt: row.answeredAt!,
        centerId,
        agentEmployeeNo: invitation.agentEmployeeNo,
        teamId: invitation.teamId,
        queueCode: invitation.queueCode,
        contactArrivedAt: invitation.contactArrivedAt,
      });
      rollup.add(response, responseDelta(response.kind, response.score, response.topBox));
      if (response.verbatim?.trim()) {
        // the verbatim becomes feedback, filed by the current rules, with its response's scores
        const categories = categorize(response.verbatim, rules);
        tx.persist(
          tx.create(Feedback, {
            source: 'SURVEY',
            sourceRef: invitation.invitationKey,
            centerId,
            agentEmployeeNo: invitation.agentEmployeeNo,
            teamId: invitation.teamId,
            queueCode: invitation.queueCode,
            occurredAt: invitation.contactArrivedAt,
            text: response.verbatim,
            category: categories[0] ?? NO_CATEGORY,
            categories,
            rulesVersion: rules.version,
            responseId: response.id,
          }),
        );
      }
      tx.persist(response);
      queueServiceRecovery(tx, response, invitation);
      responses.set(invitation.id, response);
      report.responsesRecorded++;
      changed = true;
    }
    if (!changed) report.unchanged++;
  }
}
