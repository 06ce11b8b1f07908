import type { ErrorLike } from '@apollo/client';
import { CombinedGraphQLErrors } from '@apollo/client/errors';
import type { ReactNode } from 'react';
import { useI18n } from '../i18n/i18n';

/** Loading, failure, or the view with a notice naming the services that did not answer. */
export function QueryState({
  loading,
  error,
  hasData,
  updating = false,
  children,
}: {
  loading: boolean;
  /** Figures shown are being replaced (a new period loads): they stay until the new arrive. */
  updating?: boolean;
  error: ErrorLike | undefined;
  hasData: boolean;
  children: ReactNode;
}) {
  const { t } = useI18n();
  if (loading && !hasData)
    return (
      <p role="status" aria-live="polite">
        {t('loading')}
      </p>
    );
  if (error && !hasData)
    return (
      <div role="alert" className="notice error">
        {t('error')}: {error.message}
      </div>
    );
  return (
    <>
      {updating && (
        <p role="status" aria-live="polite" className="updating">
          {t('updating')}
        </p>
      )}
      {error && !updating && (
        <div role="alert" className="notice partial">
          {onlyHidden(error)
            ? t('hidden')
            : `${t('partial')} ${failedServices(error).join(', ') || error.message}`}
        </div>
      )}
      {children}
    </>
  );
}

/** Codes of a field the caller may not see (missing or outside their scope): not an outage. */
const HIDDEN = new Set(['NOT_FOUND', 'FORBIDDEN']);

/** Whether every error of a partial result is a linked record the caller may not see. */
export function onlyHidden(error: ErrorLike): boolean {
  return (
    CombinedGraphQLErrors.is(error) &&
    error.errors.length > 0 &&
    error.errors.every((e) => HIDDEN.has(String(e.extensions?.code)))
  );
}

/**
 * The subgraphs named by the errors of a partial result (the gateway sets serviceName), but for
 * records the caller may not see (NOT_FOUND, FORBIDDEN): the service answered those.
 */
export function failedServices(error: ErrorLike): string[] {
  if (!CombinedGraphQLErrors.is(error)) return [];
  const names = error.errors
    .filter((e) => !HIDDEN.has(String(e.extensions?.code)))
    .map((e) => e.extensions?.serviceName)
    .filter((n): n is string => typeof n === 'string');
  return [...new Set(names)];
}
