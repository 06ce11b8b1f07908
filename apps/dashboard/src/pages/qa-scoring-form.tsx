import { useMutation } from '@apollo/client/react';
import { useEffect, useId, useRef, useState, type ReactNode } from 'react';
import {
  CreateEvaluationDocument,
  SubmitEvaluationDocument,
  UpdateEvaluationDocument,
  type SubmitEvaluationMutation,
} from '../api/generated';
import { useI18n } from '../i18n/i18n';
import {
  answersInput,
  formErrors,
  liveScore,
  type FormAnswer,
  type FormErrors,
  type FormField,
  type Scorecard,
} from './qa-scoring';
import type { ScoringTarget } from './qa-work';

type Submitted = SubmitEvaluationMutation['submitEvaluation'];

/** The API's errors for one input, tied to it for screen readers. */
function FieldErrors({ id, messages }: { id: string; messages: string[] | undefined }) {
  if (!messages?.length) return null;
  return (
    <span id={id} className="field-error" role="alert">
      {messages.join('; ')}
    </span>
  );
}

/**
 * The scoring form: scored live as it is answered; a QA evaluator (or ADMIN) saves it as a DRAFT
 * (createEvaluation, or updateEvaluation of the draft a failed submit left) and submits it. The
 * API's errors show beside the inputs they name; the workload is refetched after a submit.
 */
export function ScoringForm({
  scorecards,
  evaluatorEmployeeNo,
  canSubmit,
  preset,
  onSubmitted,
}: {
  scorecards: Scorecard[];
  evaluatorEmployeeNo: string | null;
  canSubmit: boolean;
  /** A contact picked from the drawn sample: its agent and contact fill the form. */
  preset?: ScoringTarget | null;
  onSubmitted?: () => void;
}) {
  const { t, format: formatIn } = useI18n();
  const format = formatIn('UTC');
  const ids = useId();
  const [scorecardId, setScorecardId] = useState(scorecards[0].id);
  const [answers, setAnswers] = useState<Record<string, FormAnswer>>({});
  const [target, setTarget] = useState({
    agent: '',
    evaluator: evaluatorEmployeeNo ?? '',
    contactSource: '',
    contactExternalId: '',
  });
  const [comment, setComment] = useState('');
  const [errors, setErrors] = useState<FormErrors>({});
  const [submitted, setSubmitted] = useState<Submitted | null>(null);
  const [submitting, setSubmitting] = useState(false);
  const busy = useRef(false); // a second click before React re-renders must not save twice
  const draft = useRef<{ id: string; key: string } | null>(null);
  const formRef = useRef<HTMLFormElement>(null);
  useEffect(() => {
    if (!preset) return;
    setTarget((current) => ({ ...current, ...preset }));
    setAnswers({});
    setComment('');
    setSubmitted(null);
    setErrors({});
    formRef.current?.scrollIntoView?.({ block: 'start' });
  }, [preset]);
  const [createEvaluation] = useMutation(CreateEvaluationDocument);
  const [updateEvaluation] = useMutation(UpdateEvaluationDocument);
  const [submitEvaluation] = useMutation(SubmitEvaluationDocument, {
    refetchQueries: ['EvaluatorWorkload'],
    awaitRefetchQueries: true,
  });
  const scorecard = scorecards.find((s) => s.id === scorecardId) ?? scorecards[0];
  const score = liveScore(scorecard, answers);
  const edited = () => {
    setSubmitted(null);
    setErrors({});
  };
  const answer = (key: string, value: string) => {
    const next = { ...answers };
    if (value === '') delete next[key];
    else next[key] = value === 'NA' ? 'NA' : { value: Number(value) };
    setAnswers(next);
    edited();
  };
  const setField = (field: keyof typeof target, value: string) => {
    setTarget({ ...target, [field]: value });
    edited();
  };

  const save = async () => {
    if (busy.current) return;
    busy.current = true;
    setSubmitting(true);
    setErrors({});
    const key = [
      scorecard.id,
      target.agent,
      target.evaluator,
      target.contactSource,
      target.contactExternalId,
    ].join('\n');
    const given = answersInput(scorecard, answers);
    try {
      // a draft left by a failed submit of the same contact is corrected, not duplicated
      let id = draft.current?.key === key ? draft.current.id : null;
      const note = comment.trim() ? { comment: comment.trim() } : {};
      if (id) await updateEvaluation({ variables: { id, input: { answers: given, ...note } } });
      else {
        const created = await createEvaluation({
          variables: {
            input: {
              scorecardId: scorecard.id,
              agentEmployeeNo: target.agent.trim(),
              evaluatorEmployeeNo: target.evaluator.trim(),
              contact: { source: target.contactSource.trim(), externalId: target.contactExternalId.trim() },
              answers: given,
              ...note,
            },
          },
        });
        id = created.data?.createEvaluation.id ?? null;
        if (!id) throw new Error(t('error'));
        draft.current = { id, key };
      }
      const result = await submitEvaluation({ variables: { id } });
      draft.current = null;
      setSubmitted(result.data?.submitEvaluation ?? null);
      setAnswers({});
      setComment('');
      onSubmitted?.();
    } catch (error) {
      setErrors(formErrors(error));
    } finally {
      busy.current = false;
      setSubmitting(false);
    }
  };

  const errorId = (field: FormField) => `${ids}-${field}-error`;
  const described = (field: FormField) => (errors[field]?.length ? errorId(field) : undefined);
  const textInput = (field: keyof typeof target, label: string): ReactNode => (
    <label>
      {label}
      <input
        value={target[field]}
        onChange={(e) => setField(field, e.target.value)}
        aria-invalid={errors[field]?.length ? true : undefined}
        aria-describedby={described(field)}
        required
      />
      <FieldErrors id={errorId(field)} messages={errors[field]} />
    </label>
  );

  return (
    <form
      ref={formRef}
      className="panel"
      aria-labelledby="scoring-title"
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      <h3 id="scoring-title">{t('scoringForm')}</h3>
      <label>
        {t('scorecard')}
        <select
          value={scorecardId}
          aria-describedby={described('scorecard')}
          onChange={(e) => {
            setScorecardId(e.target.value);
            setAnswers({});
            edited();
          }}
        >
          {scorecards.map((s) => (
            <option key={s.id} value={s.id}>
              {s.name} v{s.version}
            </option>
          ))}
        </select>
        <FieldErrors id={errorId('scorecard')} messages={errors.scorecard} />
      </label>
      {canSubmit && (
        <div className="form-row">
          {textInput('agent', t('evaluatedAgent'))}
          {textInput('evaluator', t('evaluator'))}
          {textInput('contactSource', t('contactSource'))}
          {textInput('contactExternalId', t('contactExternalId'))}
        </div>
      )}
      <p className="live-score" aria-live="polite" data-testid="live-score">
        {t('score')}: {format.number(score.overall, 1)}
        {score.autoFailed ? ` · ${t('autoFailed')}` : ''} · {score.answered}/{score.total}
      </p>
      <FieldErrors id={errorId('answers')} messages={errors.answers} />
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
      {canSubmit && (
        <label className="comment">
          {t('overallComment')}
          <textarea
            value={comment}
            maxLength={4000}
            onChange={(e) => {
              setComment(e.target.value);
              edited();
            }}
          />
        </label>
      )}
      {canSubmit && (
        <div className="form-actions">
          {errors.form?.length ? (
            <div role="alert" className="notice error">
              {errors.form.join('; ')}
            </div>
          ) : null}
          {submitted && (
            <p role="status" className="notice success" data-testid="submitted">
              {t('submitted')}: {format.number(submitted.overallScore, 1)}
              {submitted.autoFailed ? ` · ${t('autoFailed')}` : ''}
            </p>
          )}
          <button type="submit" disabled={submitting || score.answered < score.total} aria-busy={submitting}>
            {submitting ? t('submitting') : t('submitEvaluation')}
          </button>
        </div>
      )}
    </form>
  );
}
