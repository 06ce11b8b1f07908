/** Who the dashboard acts as: a token and what its claims say (read for display, verified by the gateway). */
export interface Session {
  token: string;
  label: string;
  roles: string[];
  centers: string[];
  teams: string[];
  employeeNo: string | null;
}

const STORAGE_KEY = 'switchboard.session';

function decodeBase64Url(part: string): string {
  const base64 = part.replace(/-/g, '+').replace(/_/g, '/');
  const padded = base64 + '='.repeat((4 - (base64.length % 4)) % 4);
  const bytes = Uint8Array.from(atob(padded), (c) => c.charCodeAt(0));
  return new TextDecoder().decode(bytes);
}

const strings = (value: unknown): string[] =>
  typeof value === 'string'
    ? [value]
    : Array.isArray(value)
      ? value.filter((v) => typeof v === 'string')
      : [];

/** The session a JWT describes; null when the text is not a JWT with a JSON payload. */
export function sessionFromToken(token: string, label?: string): Session | null {
  const parts = token.trim().split('.');
  if (parts.length !== 3) return null;
  try {
    const claims = JSON.parse(decodeBase64Url(parts[1])) as Record<string, unknown>;
    const roles = strings(claims.roles);
    return {
      token: token.trim(),
      label: label ?? (typeof claims.sub === 'string' ? claims.sub : roles.join(', ')),
      roles,
      centers: strings(claims.centers),
      teams: strings(claims.teams),
      employeeNo: typeof claims.employeeNo === 'string' ? claims.employeeNo : null,
    };
  } catch {
    return null;
  }
}

/** An agent (and nobody broader) sees only their own page. */
export function isAgentOnly(session: Session): boolean {
  return session.roles.length > 0 && session.roles.every((role) => role === 'AGENT');
}

/** CASE_HANDLER and ADMIN: care shows them customers' names and phones, and lets them change cases. */
export function isCaseWorker(session: Session): boolean {
  return session.roles.some((role) => role === 'CASE_HANDLER' || role === 'ADMIN');
}

export function loadSession(storage: Storage = sessionStorage): Session | null {
  const raw = storage.getItem(STORAGE_KEY);
  if (!raw) return null;
  try {
    return JSON.parse(raw) as Session;
  } catch {
    return null;
  }
}

export function saveSession(session: Session | null, storage: Storage = sessionStorage): void {
  if (session) storage.setItem(STORAGE_KEY, JSON.stringify(session));
  else storage.removeItem(STORAGE_KEY);
}
