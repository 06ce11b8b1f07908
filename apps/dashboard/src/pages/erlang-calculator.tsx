import { useLazyQuery } from '@apollo/client/react';
import { useState, type FormEvent } from 'react';
import { StaffingDocument, type StaffingInput } from '../api/generated';
import { QueryState } from '../components/query-state';
import { useI18n } from '../i18n/i18n';
import type { MessageKey } from '../i18n/messages';

type Field =
  | 'callsPerInterval'
  | 'ahtSeconds'
  | 'intervalMinutes'
  | 'targetServiceLevel'
  | 'targetAnswerSeconds'
  | 'shrinkage'
  | 'patienceSeconds';

const FIELDS: Field[] = [
  'callsPerInterval',
  'ahtSeconds',
  'intervalMinutes',
  'targetServiceLevel',
  'targetAnswerSeconds',
  'shrinkage',
  'patienceSeconds',
];

/** The form's text as the API's StaffingInput; empty optional fields are left to the API's defaults. */
export function staffingInput(values: Record<Field, string>): StaffingInput {
  const number = (field: Field) => (values[field].trim() === '' ? undefined : Number(values[field]));
  return {
    callsPerInterval: number('callsPerInterval') ?? 0,
    ahtSeconds: number('ahtSeconds') ?? 0,
    intervalMinutes: number('intervalMinutes'),
    targetServiceLevel: number('targetServiceLevel'),
    targetAnswerSeconds: number('targetAnswerSeconds'),
    shrinkage: number('shrinkage'),
    patienceSeconds: number('patienceSeconds'),
  };
}

/** Agents one interval needs (Erlang C, or A with patience), computed by the KPI subgraph. */
export function ErlangCalculator() {
  const { t, format: formatIn } = useI18n();
  const format = formatIn('UTC');
  const [values, setValues] = useState<Record<Field, string>>({
    callsPerInterval: '120',
    ahtSeconds: '300',
    intervalMinutes: '30',
    targetServiceLevel: '0.8',
    targetAnswerSeconds: '20',
    shrinkage: '0.3',
    patienceSeconds: '',
  });
  const [run, { data, loading, error, called }] = useLazyQuery(StaffingDocument);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void run({ variables: { input: staffingInput(values) } });
  };
  const result = data?.staffing;
  const row = (label: MessageKey, value: string) => (
    <>
      <dt>{t(label)}</dt>
      <dd>{value}</dd>
    </>
  );
  return (
    <section aria-labelledby="erlang-title">
      <h2 id="erlang-title">{t('erlang')}</h2>
      <form onSubmit={submit} className="erlang-form">
        {FIELDS.map((field) => (
          <label key={field}>
            {t(field)}
            <input
              inputMode="decimal"
              value={values[field]}
              onChange={(e) => setValues({ ...values, [field]: e.target.value })}
            />
          </label>
        ))}
        <button type="submit">{t('calculate')}</button>
      </form>
      {called && (
        <QueryState loading={loading} error={error} hasData={!!result}>
          {result && (
            <dl className="facts" aria-live="polite">
              {row('model', result.model)}
              {row('erlangs', format.number(result.erlangs, 2))}
              {row('rawAgents', format.number(result.rawAgents))}
              {row('scheduledAgents', format.number(result.scheduledAgents))}
              {row('serviceLevel', format.percent(result.serviceLevel))}
              {row('probabilityOfWaiting', format.percent(result.probabilityOfWaiting))}
              {row('asa', format.duration(result.asaSeconds))}
              {row('occupancy', format.percent(result.occupancy))}
              {result.probabilityOfAbandon !== null &&
                row('probabilityOfAbandon', format.percent(result.probabilityOfAbandon))}
            </dl>
          )}
        </QueryState>
      )}
    </section>
  );
}
