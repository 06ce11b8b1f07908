import { useMutation, useQuery } from '@apollo/client/react';
import { useEffect, useState } from 'react';
import {
  DrawSampleDocument,
  QaDisputesDocument,
  ResolveDisputeDocument,
  type DrawSampleMutation,
  type QaDisputesQuery,
} from '../api/generated';
import { PlanSelect } from '../components/plan-select';
import { QueryState } from '../components/query-state';
import { SortableTable } from '../components/sortable-table';
import { useI18n } from '../i18n/i18n';
import type { MessageKey } from '../i18n/messages';
import type { Session } from '../session';
import { formErrors } from './qa-scoring';

type Sampled = DrawSampleMutation['drawSample']['contacts'][number];
type Disputed = NonNullable<QaDisputesQuery['evaluations']>['nodes'][number];

/** What the scoring form is filled in with when the evaluator picks a drawn contact. */
export interface ScoringTarget {
  agent: string;
  contactSource: string;
  contactExternalId: string;
}

/** An evaluation status or dispute resolution in words (the code itself where the dictionary has none). */
export function useEvaluationLabels() {
  const { t } = useI18n();
  const label = (prefix: string, code: string | null | undefined): string =>
    code ? (t(`${prefix}${code}` as MessageKey) ?? code) : '–';
  return {
    status: (code: string | null | undefined) => label('evaluationStatus_', code),
    resolution: (code: string | null | undefined) => label('resolution_', code),
  };
}

/**
 * The contacts the sampling plan drew for this period, the caller's own (an ADMIN sees every
 * evaluator's): drawn on first asking and topped up after, each one scored or still to score; "Score"
 * fills the scoring form with its agent and contact, so nothing is typed by hand.
 */
export function SamplePanel({
  plans,
  session,
  onScore,
  refreshKey,
}: {
  plans: { id: string; name: string }[];
  session: Session;
  onScore: (target: ScoringTarget) => void;
  /** Changes after an evaluation is submitted: the sample is read again to show it scored. */
  refreshKey: number;
}) {
  const { t, format: formatIn } = useI18n();
  const format = formatIn('UTC');
  const [planId, setPlanId] = useState(plans[0].id);
  // the period containing this day (today by default; last week's sample on a Monday morning)
  const [day, setDay] = useState(() => new Date().toISOString().slice(0, 10));
  const [draw, { data, loading, error, called }] = useMutation(DrawSampleDocument);
  const [shown, setShown] = useState(false);
  const at = /^\d{4}-\d{2}-\d{2}$/.test(day) ? `${day}T12:00:00.000Z` : null;
  // Once shown, the sample follows the chosen plan and day and is read again after each submitted evaluation.
  useEffect(() => {
    if (shown && at) void draw({ variables: { planId, at } }).catch(() => undefined);
  }, [shown, planId, at, refreshKey, draw]);
  const everyone = session.roles.includes('ADMIN');
  const mine = (data?.drawSample.contacts ?? []).filter(
    (c) => everyone || c.evaluatorEmployeeNo === session.employeeNo,
  );
  const errors = error ? formErrors(error) : {};
  return (
    <div className="panel" data-testid="qa-sample">
      <h3>{t('sampleToScore')}</h3>
      <div className="form-row">
        <PlanSelect plans={plans} value={planId} onChange={setPlanId} />
        <label>
          {t('periodContaining')}
          <input type="date" value={day} required onChange={(e) => setDay(e.target.value)} />
        </label>
        <button
          type="button"
          disabled={loading || !at}
          aria-busy={loading}
          onClick={() => {
            if (shown && at) void draw({ variables: { planId, at } }).catch(() => undefined);
            else setShown(true);
          }}
        >
          {t('showSample')}
        </button>
      </div>
      {error && (
        <div role="alert" className="notice error">
          {Object.values(errors).flat().join('; ')}
        </div>
      )}
      {called && data && (
        <>
          <p>
            {t('sampleDrawn')} {data.drawSample.periodStart}
          </p>
          {mine.length === 0 ? (
            <p role="status">{t('noSample')}</p>
          ) : (
            <SortableTable<Sampled>
              caption={t('sampleToScore')}
              rows={mine}
              rowKey={(c) => `${c.contact?.source}:${c.contact?.externalId}:${c.evaluatorEmployeeNo}`}
              initialSort={{ key: 'state', direction: 'ascending' }}
              columns={[
                {
                  key: 'agent',
                  label: t('agent'),
                  sortValue: (c) => c.agent?.displayName ?? null,
                  render: (c) => (c.agent ? `${c.agent.displayName} (${c.agent.employeeNo})` : '–'),
                },
                {
                  key: 'contact',
                  label: t('contactExternalId'),
                  sortValue: (c) => c.contact?.externalId ?? null,
                  render: (c) => c.contact?.externalId ?? '–',
                },
                {
                  key: 'queue',
                  label: t('queue'),
                  sortValue: (c) => c.contact?.queueCode ?? null,
                  render: (c) => c.contact?.queueCode ?? '–',
                },
                {
                  key: 'arrivedAt',
                  label: t('arrivedAt'),
                  sortValue: (c) => c.arrivedAt,
                  render: (c) => format.dateTime(c.arrivedAt),
                },
                ...(everyone
                  ? [
                      {
                        key: 'evaluator',
                        label: t('evaluatorNo'),
                        sortValue: (c: Sampled) => c.evaluatorEmployeeNo,
                        render: (c: Sampled) => c.evaluatorEmployeeNo,
                      },
                    ]
                  : []),
                {
                  key: 'state',
                  label: t('status'),
                  sortValue: (c) => (c.evaluationId ? 1 : 0),
                  exportValue: (c) => (c.evaluationId ? t('scored') : t('notScored')),
                  render: (c) =>
                    c.evaluationId ? (
                      t('scored')
                    ) : c.agent && c.contact ? (
                      <button
                        type="button"
                        data-testid="score-sampled"
                        onClick={() =>
                          onScore({
                            agent: c.agent?.employeeNo ?? '',
                            contactSource: c.contact?.source ?? '',
                            contactExternalId: c.contact?.externalId ?? '',
                          })
                        }
                      >
                        {t('scoreThis')}
                      </button>
                    ) : (
                      t('notScored')
                    ),
                },
              ]}
            />
          )}
        </>
      )}
    </div>
  );
}

/**
 * Disputed evaluations waiting for a decision by someone other than their evaluator (the API refuses
 * the evaluator; the page says so instead of offering the button). Upholding needs a reason.
 */
export function DisputesPanel({ session }: { session: Session }) {
  const { t, format: formatIn } = useI18n();
  const format = formatIn('UTC');
  const { data, loading, error } = useQuery(QaDisputesDocument);
  const [resolve, { loading: resolving }] = useMutation(ResolveDisputeDocument, {
    refetchQueries: ['QaDisputes'],
    awaitRefetchQueries: true,
  });
  const [reasons, setReasons] = useState<Record<string, string>>({});
  const [problems, setProblems] = useState<Record<string, string>>({});
  const rows = data?.evaluations?.nodes ?? [];
  const uphold = async (id: string) => {
    setProblems({ ...problems, [id]: '' });
    try {
      await resolve({ variables: { id, input: { resolution: 'UPHELD', reason: reasons[id] ?? '' } } });
    } catch (e) {
      setProblems({ ...problems, [id]: Object.values(formErrors(e)).flat().join('; ') });
    }
  };
  return (
    <div className="panel" data-testid="qa-disputes">
      <h3>{t('disputesToResolve')}</h3>
      <QueryState loading={loading} error={error} hasData={!!data}>
        {rows.length === 0 ? (
          <p role="status">{t('noDisputes')}</p>
        ) : (
          <SortableTable<Disputed>
            caption={t('disputesToResolve')}
            rows={rows}
            rowKey={(e) => e.id}
            initialSort={{ key: 'disputedAt', direction: 'ascending' }}
            columns={[
              {
                key: 'disputedAt',
                label: t('disputedAt'),
                sortValue: (e) => e.disputedAt ?? null,
                render: (e) => (e.disputedAt ? format.dateTime(e.disputedAt) : '–'),
              },
              {
                key: 'agent',
                label: t('agent'),
                sortValue: (e) => e.agent?.displayName ?? null,
                render: (e) => (e.agent ? `${e.agent.displayName} (${e.agent.employeeNo})` : '–'),
              },
              {
                key: 'evaluator',
                label: t('evaluatorNo'),
                sortValue: (e) => e.evaluatorEmployeeNo,
                render: (e) => e.evaluatorEmployeeNo,
              },
              {
                key: 'score',
                label: t('score'),
                numeric: true,
                sortValue: (e) => e.overallScore ?? null,
                render: (e) => format.number(e.overallScore, 1),
              },
              {
                key: 'reason',
                label: t('disputeReason'),
                sortValue: (e) => e.disputeReason ?? null,
                render: (e) => e.disputeReason ?? '–',
              },
              {
                key: 'decide',
                label: t('resolutionReason'),
                sortValue: () => null,
                exportValue: () => null,
                render: (e) =>
                  e.evaluatorEmployeeNo === session.employeeNo ? (
                    t('ownEvaluation')
                  ) : (
                    <span className="inline-form">
                      <input
                        aria-label={`${t('resolutionReason')} ${e.agent?.employeeNo ?? ''}`}
                        value={reasons[e.id] ?? ''}
                        onChange={(event) => setReasons({ ...reasons, [e.id]: event.target.value })}
                      />
                      <button
                        type="button"
                        disabled={resolving || !(reasons[e.id] ?? '').trim()}
                        onClick={() => void uphold(e.id)}
                      >
                        {t('upholdScore')}
                      </button>
                      {problems[e.id] && (
                        <span role="alert" className="field-error">
                          {problems[e.id]}
                        </span>
                      )}
                    </span>
                  ),
              },
            ]}
          />
        )}
      </QueryState>
    </div>
  );
}
