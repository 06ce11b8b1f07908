import { useQuery } from '@apollo/client/react';
import { useState } from 'react';
import { EvaluatorWorkloadDocument, QaPageDocument, type EvaluatorWorkloadQuery } from '../api/generated';
import { QueryState } from '../components/query-state';
import { SortableTable } from '../components/sortable-table';
import { useI18n } from '../i18n/i18n';
import { liveScore, type FormAnswer, type Scorecard } from './qa-scoring';

type Owed = EvaluatorWorkloadQuery['evaluatorWorkload'][number];

/** QA: what each evaluator owes this period, and a scoring form that scores as it is filled in. */
export function QaPage() {
  const { t } = useI18n();
  const { data, loading, error } = useQuery(QaPageDocument);
  const plans = data?.samplingPlans ?? [];
  const scorecards = data?.scorecards ?? [];
  return (
    <section aria-labelledby="qa-title">
      <h2 id="qa-title">{t('qa')}</h2>
      <QueryState loading={loading} error={error} hasData={!!data}>
        {plans.length > 0 && <Workload plans={plans} />}
        {scorecards.length > 0 && <ScoringForm scorecards={scorecards} />}
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
      <label>
        {t('samplingPlan')}
        <select value={planId} onChange={(e) => setPlanId(e.target.value)}>
          {plans.map((p) => (
            <option key={p.id} value={p.id}>
              {p.name}
            </option>
          ))}
        </select>
      </label>
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

function ScoringForm({ scorecards }: { scorecards: Scorecard[] }) {
  const { t, format: formatIn } = useI18n();
  const format = formatIn('UTC');
  const [scorecardId, setScorecardId] = useState(scorecards[0].id);
  const [answers, setAnswers] = useState<Record<string, FormAnswer>>({});
  const scorecard = scorecards.find((s) => s.id === scorecardId) ?? scorecards[0];
  const score = liveScore(scorecard, answers);
  const answer = (key: string, value: string) => {
    const next = { ...answers };
    if (value === '') delete next[key];
    else next[key] = value === 'NA' ? 'NA' : { value: Number(value) };
    setAnswers(next);
  };
  return (
    <form className="panel" onSubmit={(e) => e.preventDefault()} aria-labelledby="scoring-title">
      <h3 id="scoring-title">{t('scoringForm')}</h3>
      <label>
        {t('scorecard')}
        <select
          value={scorecardId}
          onChange={(e) => {
            setScorecardId(e.target.value);
            setAnswers({});
          }}
        >
          {scorecards.map((s) => (
            <option key={s.id} value={s.id}>
              {s.name} v{s.version}
            </option>
          ))}
        </select>
      </label>
      <p className="live-score" aria-live="polite" data-testid="live-score">
        {t('score')}: {format.number(score.overall, 1)}
        {score.autoFailed ? ` · ${t('autoFailed')}` : ''} · {score.answered}/{score.total}
      </p>
      {scorecard.sections.map((section) => (
        <fieldset key={section.key} className="section">
          <legend>
            {section.title} ({t('weight')} {format.number(section.weight, 2)})
          </legend>
          {section.criteria.map((c) => {
            const current = answers[c.key];
            const value = current === undefined ? '' : current === 'NA' ? 'NA' : String(current.value);
            const max = c.type === 'YES_NO' ? 1 : c.scaleMax;
            return (
              <label key={c.key} className="criterion">
                {c.label}
                {c.critical !== 'NONE' ? ' *' : ''}
                <select value={value} onChange={(e) => answer(c.key, e.target.value)}>
                  <option value="">–</option>
                  {Array.from({ length: max + 1 }, (_, v) => max - v).map((v) => (
                    <option key={v} value={String(v)}>
                      {c.type === 'YES_NO' ? (v === 1 ? t('yes') : t('no')) : String(v)}
                    </option>
                  ))}
                  {c.allowNa && <option value="NA">N/A</option>}
                </select>
              </label>
            );
          })}
        </fieldset>
      ))}
    </form>
  );
}
