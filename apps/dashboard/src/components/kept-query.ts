import type { ErrorLike } from '@apollo/client';

/**
 * What a view shows while new variables load: the figures it has until the new arrive (no blank
 * page), and whether they are being replaced. A failed new request shows its error, not old figures.
 */
export function keptData<T>(result: {
  data: T | undefined;
  previousData?: T | undefined;
  loading: boolean;
  error?: ErrorLike | undefined;
}): { data: T | undefined; updating: boolean } {
  if (result.data !== undefined) return { data: result.data, updating: result.loading };
  if (result.loading && result.previousData !== undefined)
    return { data: result.previousData, updating: true };
  return { data: undefined, updating: false };
}
