/** The dashboard's pages, addressed by the URL's hash so the gateway serves one index.html. */
export type Route =
  | { page: 'center'; centerId: string | null }
  | { page: 'team'; teamId: string }
  | { page: 'agent'; employeeNo: string }
  | { page: 'erlang' }
  | { page: 'hr'; centerId: string | null }
  | { page: 'qa' }
  | { page: 'wfm'; centerId: string | null }
  | { page: 'customer'; key: string | null }
  | { page: 'followUps' }
  | { page: 'complaints'; centerId: string | null }
  | { page: 'voc'; centerId: string | null }
  | { page: 'sales'; teamId: string }
  | { page: 'queue'; queueId: string };

export function parseRoute(hash: string): Route {
  const [page, id] = hash.replace(/^#\/?/, '').replace(/\?.*$/, '').split('/').map(decodeURIComponent);
  if (page === 'team' && id) return { page: 'team', teamId: id };
  if (page === 'agent' && id) return { page: 'agent', employeeNo: id };
  if (page === 'erlang') return { page: 'erlang' };
  if (page === 'hr') return { page: 'hr', centerId: id || null };
  if (page === 'qa') return { page: 'qa' };
  if (page === 'wfm') return { page: 'wfm', centerId: id || null };
  if (page === 'customer') return { page: 'customer', key: id || null };
  if (page === 'follow-ups') return { page: 'followUps' };
  if (page === 'complaints') return { page: 'complaints', centerId: id || null };
  if (page === 'voc') return { page: 'voc', centerId: id || null };
  if (page === 'sales' && id) return { page: 'sales', teamId: id };
  if (page === 'queue' && id) return { page: 'queue', queueId: id };
  return { page: 'center', centerId: page === 'center' && id ? id : null };
}

/** Whether the address names no page (`#/`, with or without parameters): the role's landing applies. */
export function isHome(hash: string): boolean {
  return hash.replace(/^#\/?/, '').replace(/\?.*$/, '') === '';
}

export function routeHref(route: Route): string {
  switch (route.page) {
    case 'center':
      return route.centerId ? `#/center/${encodeURIComponent(route.centerId)}` : '#/';
    case 'team':
      return `#/team/${encodeURIComponent(route.teamId)}`;
    case 'agent':
      return `#/agent/${encodeURIComponent(route.employeeNo)}`;
    case 'erlang':
      return '#/erlang';
    case 'hr':
      return route.centerId ? `#/hr/${encodeURIComponent(route.centerId)}` : '#/hr';
    case 'qa':
      return '#/qa';
    case 'wfm':
      return route.centerId ? `#/wfm/${encodeURIComponent(route.centerId)}` : '#/wfm';
    case 'customer':
      return route.key ? `#/customer/${encodeURIComponent(route.key)}` : '#/customer';
    case 'followUps':
      return '#/follow-ups';
    case 'complaints':
      return route.centerId ? `#/complaints/${encodeURIComponent(route.centerId)}` : '#/complaints';
    case 'voc':
      return route.centerId ? `#/voc/${encodeURIComponent(route.centerId)}` : '#/voc';
    case 'sales':
      return `#/sales/${encodeURIComponent(route.teamId)}`;
    case 'queue':
      return `#/queue/${encodeURIComponent(route.queueId)}`;
  }
}
