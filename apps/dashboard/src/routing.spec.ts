import { describe, expect, it } from 'vitest';
import { parseRoute, routeHref, type Route } from './routing';

describe('routing', () => {
  it('round-trips every page through the hash', () => {
    const routes: Route[] = [
      { page: 'center', centerId: 'c-1' },
      { page: 'center', centerId: null },
      { page: 'team', teamId: 't/1' },
      { page: 'agent', employeeNo: 'E10001' },
      { page: 'erlang' },
      { page: 'hr', centerId: 'c-2' },
      { page: 'hr', centerId: null },
      { page: 'qa' },
      { page: 'customer', key: '+8613800000001' },
      { page: 'customer', key: 'cust/42 x' },
      { page: 'customer', key: null },
      { page: 'followUps' },
      { page: 'complaints', centerId: 'c-3' },
      { page: 'complaints', centerId: null },
      { page: 'voc', centerId: 'c/4' },
      { page: 'voc', centerId: null },
      { page: 'sales', teamId: 't-5' },
      { page: 'queue', queueId: 'q 6' },
    ];
    for (const route of routes) expect(parseRoute(routeHref(route))).toEqual(route);
  });

  it('falls back to the center overview', () => {
    expect(parseRoute('')).toEqual({ page: 'center', centerId: null });
    expect(parseRoute('#/nowhere')).toEqual({ page: 'center', centerId: null });
  });
});
