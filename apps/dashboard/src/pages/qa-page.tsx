import { useQuery } from '@apollo/client/react';
import { useState } from 'react';
import { EvaluatorWorkloadDocument, QaPageDocument, type EvaluatorWorkloadQuery } from '../api/generated';
import { PlanSelect } from '../components/plan-select';
import { QueryState } from '../components/query-state';
import { SortableTable } from '../components/sortable-table';
import { useI18n } from '../i18n/i18n';
import type { Session } from '../session';
import { ScoringForm } from './qa-scoring-form';
import { DisputesPanel, SamplePanel, type ScoringTarget } from './qa-work';

/** Who may save evaluations (the API decides; the form only offers the button to them). */
const QA_WRITERS = ['QA_EVALUATOR', 'ADMIN'];

type Owed = EvaluatorWorkloadQuery['evaluatorWorkload'][number];

/**
 * QA work (issue 25 part 4): what each evaluator owes this period, the contacts the sampling plan
 * drew for the caller to score (picking one fills the form), the scoring form that scores as it is
 * filled in, and the disputes waiting for someone other than their evaluator.
 */
export function QaPage({ session }: { session: Session }) {
  const { t } = useI18n();
  const { data, loading, error } = useQuery(QaPageDocument);
  const [preset, setPreset] = useState<ScoringTarget | null>(null);
  const [submittedCount, setSubmittedCount] = useState(0);
  const plans = data?.samplingPlans ?? [];
  const scorecards = data?.scorecards ?? [];
  const writer = session.roles.some((role) => QA_WRITERS.includes(role));
  return (
    <section aria-labelledby="qa-title">
      <h2 id="qa-title">{t('qa')}</h2>
      <QueryState loading={loading} error={error} hasData={!!data}>
        {plans.length > 0 && <Workload plans={plans} />}
        {writer && plans.length > 0 && (
          <SamplePanel
            plans={plans}
            session={session}
            onScore={(target) => setPreset({ ...target })}
            refreshKey={submittedCount}
          />
        )}
        {scorecards.length > 0 && (
          <ScoringForm
            scorecards={scorecards}
            evaluatorEmployeeNo={session.employeeNo}
            canSubmit={writer}
            preset={preset}
            onSubmitted={() => setSubmittedCount((n) => n + 1)}
          />
        )}
        {writer && <DisputesPanel session={session} />}
      </QueryState>
    </section>
  );
}

function Workload({ plans }: { plans: { id: string; name: string }[] }) {
  const { t, format: formatIn } = useI18n();
  const format = formatIn('UTC');
  const [planId, setPlanId] = useState(plans[0].id);
  const { data, loading, error } = useQuery(EvaluatorWorkloadDocument, { variables: { planId } });
  return (
    <div className="panel">
      <h3>{t('workload')}</h3>
      <PlanSelect plans={plans} value={planId} onChange={setPlanId} />
      <QueryState loading={loading} error={error} hasData={!!data}>
        <SortableTable<Owed>
          caption={t('workload')}
          rows={data?.evaluatorWorkload ?? []}
          rowKey={(w) => w.evaluatorEmployeeNo}
          initialSort={{ key: 'owed', direction: 'descending' }}
          columns={[
            {
              key: 'evaluator',
              label: t('evaluator'),
              sortValue: (w) => w.evaluatorEmployeeNo,
              render: (w) => w.evaluatorEmployeeNo,
            },
            {
              key: 'periodStart',
              label: t('periodStart'),
              sortValue: (w) => w.periodStart,
              render: (w) => w.periodStart,
            },
            {
              key: 'required',
              label: t('requiredEvaluations'),
              numeric: true,
              sortValue: (w) => w.required,
              render: (w) => format.number(w.required),
            },
            {
              key: 'done',
              label: t('done'),
              numeric: true,
              sortValue: (w) => w.done,
              render: (w) => format.number(w.done),
            },
            {
              key: 'owed',
              label: t('owed'),
              numeric: true,
              sortValue: (w) => w.owed,
              render: (w) => format.number(w.owed),
            },
          ]}
        />
      </QueryState>
    </div>
  );
}
