import { useMutation } from '@apollo/client/react';
import { useState } from 'react';
import { RemindAssignmentsDocument, SetAssignmentDueDateDocument } from '../api/generated';
import { useI18n } from '../i18n/i18n';
import { formErrors } from './qa-scoring';

/** At most this many assignments in one reminder (the API's limit). */
const REMIND_BATCH = 500;

const problemText = (error: unknown): string => Object.values(formErrors(error)).flat().join('; ');

/**
 * One overdue assignment's actions on HR's list (issue 25: assign or remind in one step): remind the
 * agent, or give a new due date with the reason. Both are kept in the assignment's trail.
 */
export function OverdueActions({ id, today }: { id: string; today: string }) {
  const { t } = useI18n();
  const [remind, reminding] = useMutation(RemindAssignmentsDocument);
  const [setDue, setting] = useMutation(SetAssignmentDueDateDocument, {
    refetchQueries: ['HrCompliance'],
    awaitRefetchQueries: true,
  });
  const [open, setOpen] = useState(false);
  const [dueDate, setDueDate] = useState('');
  const [reason, setReason] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const run = async (action: () => Promise<unknown>) => {
    setProblem(null);
    try {
      await action();
      setOpen(false);
    } catch (error) {
      setProblem(problemText(error));
    }
  };
  return (
    <span className="inline-form">
      <button
        type="button"
        disabled={reminding.loading}
        onClick={() => void run(() => remind({ variables: { ids: [id] } }))}
      >
        {t('remind')}
      </button>
      {open ? (
        <>
          <input
            type="date"
            aria-label={t('newDueDate')}
            min={today}
            value={dueDate}
            onChange={(e) => setDueDate(e.target.value)}
          />
          <input
            aria-label={t('newDueDateReason')}
            value={reason}
            maxLength={500}
            onChange={(e) => setReason(e.target.value)}
          />
          <button
            type="button"
            disabled={setting.loading || !dueDate || !reason.trim()}
            onClick={() => void run(() => setDue({ variables: { id, dueDate, reason: reason.trim() } }))}
          >
            {t('save')}
          </button>
        </>
      ) : (
        <button type="button" onClick={() => setOpen(true)}>
          {t('newDueDate')}
        </button>
      )}
      {problem && (
        <span role="alert" className="field-error">
          {problem}
        </span>
      )}
    </span>
  );
}

/** Reminds every agent of the list at once, in batches of the API's limit. */
export function RemindAll({ ids }: { ids: string[] }) {
  const { t, format: formatIn } = useI18n();
  const format = formatIn('UTC');
  const [remind] = useMutation(RemindAssignmentsDocument);
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<number | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  if (ids.length === 0) return null;
  const remindAll = async () => {
    setBusy(true);
    setProblem(null);
    setDone(null);
    try {
      for (let i = 0; i < ids.length; i += REMIND_BATCH)
        await remind({ variables: { ids: ids.slice(i, i + REMIND_BATCH) } });
      setDone(ids.length);
    } catch (error) {
      setProblem(problemText(error));
    } finally {
      setBusy(false);
    }
  };
  return (
    <p className="form-actions">
      <button type="button" disabled={busy} aria-busy={busy} onClick={() => void remindAll()}>
        {t('remindAll')} ({format.number(ids.length)})
      </button>
      {done !== null && (
        <span role="status" data-testid="reminded">
          {t('reminded')}: {format.number(done)}
        </span>
      )}
      {problem && (
        <span role="alert" className="field-error">
          {problem}
        </span>
      )}
    </p>
  );
}
