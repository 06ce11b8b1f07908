import type { ErrorLike } from '@apollo/client';
import { CombinedGraphQLErrors } from '@apollo/client/errors';
import type { ReactNode } from 'react';
import { useI18n } from '../i18n/i18n';

/** Loading, failure, or the view with a notice naming the services that did not answer. */
export function QueryState({
  loading,
  error,
  hasData,
  children,
}: {
  loading: boolean;
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
      {error && (
        <div role="alert" className="notice partial">
          {t('partial')} {failedServices(error).join(', ') || error.message}
        </div>
      )}
      {children}
    </>
  );
}

/** The subgraphs named by the errors of a partial result (the gateway sets serviceName). */
export function failedServices(error: ErrorLike): string[] {
  if (!CombinedGraphQLErrors.is(error)) return [];
  const names = error.errors
    .map((e) => e.extensions?.serviceName)
    .filter((n): n is string => typeof n === 'string');
  return [...new Set(names)];
}
