import { useCallback, useEffect, useMemo, useState } from 'react';
import { periodFromParams, type Period } from './period';

/** The query part of a hash address (`#/team/42?from=2026-01-01&to=2026-01-08`). */
export function hashParams(hash: string): URLSearchParams {
  const at = hash.indexOf('?');
  return new URLSearchParams(at < 0 ? '' : hash.slice(at + 1));
}

/** The hash address with some parameters set (a string) or removed (null), the others kept. */
export function withHashParams(hash: string, updates: Record<string, string | null>): string {
  const at = hash.indexOf('?');
  const path = (at < 0 ? hash : hash.slice(0, at)) || '#/';
  const params = hashParams(hash);
  for (const [key, value] of Object.entries(updates)) {
    if (value === null) params.delete(key);
    else params.set(key, value);
  }
  const query = params.toString();
  return query ? `${path}?${query}` : path;
}

/**
 * The view's state kept in the address (period, queue, day...), so a link shares it and Back undoes
 * it: setting it adds a history entry and every reader follows the hash.
 */
export function useHashParams(): [URLSearchParams, (updates: Record<string, string | null>) => void] {
  const [hash, setHash] = useState(() => window.location.hash);
  useEffect(() => {
    const update = () => setHash(window.location.hash);
    window.addEventListener('hashchange', update);
    return () => window.removeEventListener('hashchange', update);
  }, []);
  const set = useCallback((updates: Record<string, string | null>) => {
    const next = withHashParams(window.location.hash, updates);
    if (next !== window.location.hash) window.location.hash = next;
  }, []);
  return [hashParams(hash), set];
}

/** A page's period in the address (`from`, `to`: days, `to` exclusive), else the page's default. */
export function useUrlPeriod(fallback: () => Period): [Period, (period: Period) => void] {
  const [params, set] = useHashParams();
  const fallbackPeriod = fallback();
  const period = periodFromParams(params, fallbackPeriod);
  const { fromDay, toDay } = period;
  const stable = useMemo(() => ({ fromDay, toDay }), [fromDay, toDay]);
  const setPeriod = useCallback((next: Period) => set({ from: next.fromDay, to: next.toDay }), [set]);
  return [stable, setPeriod];
}

/** A page's address with the period of the page it is linked from (a drill-down keeps the period). */
export function withPeriod(href: string, period: Period): string {
  return withHashParams(href, { from: period.fromDay, to: period.toDay });
}
