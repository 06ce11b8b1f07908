/** The wallboard's pure parts: its address, the server-sent events it reads, its colors. */

export interface WallboardOptions {
  centerId: string;
  queueIds: string[];
  timeZone: string;
  /** Service-level target (fraction): green at or above, amber within 5 points below, red under. */
  slTarget: number;
  /** Oldest wait (seconds): amber from, red from. */
  waitAmber: number;
  waitRed: number;
  /** A read-only token given in the address (a TV signed in by its URL), else the session's. */
  token: string | null;
}

const number = (text: string | null, fallback: number, min: number, max: number): number => {
  const value = text === null || text.trim() === '' ? Number.NaN : Number(text);
  return Number.isFinite(value) && value >= min && value <= max ? value : fallback;
};

/** `#/wallboard/<centerId>?queues=a,b&tz=Asia/Shanghai&target=0.8&amber=60&red=120&token=…` */
export function wallboardOptions(hash: string): WallboardOptions | null {
  const [path, query = ''] = hash.replace(/^#\/?/, '').split('?');
  const [page, centerId] = path.split('/').map(decodeURIComponent);
  if (page !== 'wallboard' || !centerId) return null;
  const params = new URLSearchParams(query);
  const waitAmber = number(params.get('amber'), 60, 0, 86_400);
  return {
    centerId,
    queueIds: (params.get('queues') ?? '')
      .split(',')
      .map((q) => q.trim())
      .filter(Boolean),
    timeZone: params.get('tz') || 'Asia/Shanghai',
    slTarget: number(params.get('target'), 0.8, 0, 1),
    waitAmber,
    waitRed: Math.max(waitAmber, number(params.get('red'), 120, 0, 86_400)),
    token: params.get('token'),
  };
}

/** The stream's address on the gateway (liveQueues' arguments). */
export function streamUrl(options: WallboardOptions): string {
  const params = new URLSearchParams({ centerId: options.centerId, timeZone: options.timeZone });
  if (options.queueIds.length) params.set('queueIds', options.queueIds.join(','));
  return `/live/queues?${params.toString()}`;
}

export interface ServerSentEvent {
  event: string;
  data: string;
}

/**
 * Splits what arrived so far into whole events (separated by a blank line) and the rest to keep for
 * the next chunk. Comments (`: heartbeat`) are dropped; multi-line data is joined with newlines.
 */
export function parseServerSentEvents(buffer: string): { events: ServerSentEvent[]; rest: string } {
  const normalized = buffer.replace(/\r\n?/g, '\n');
  const blocks = normalized.split('\n\n');
  const rest = blocks.pop() ?? '';
  const events: ServerSentEvent[] = [];
  for (const block of blocks) {
    let event = 'message';
    const data: string[] = [];
    for (const line of block.split('\n')) {
      if (line === '' || line.startsWith(':')) continue;
      const colon = line.indexOf(':');
      const field = colon === -1 ? line : line.slice(0, colon);
      const value = colon === -1 ? '' : line.slice(colon + 1).replace(/^ /, '');
      if (field === 'event') event = value;
      else if (field === 'data') data.push(value);
    }
    if (data.length) events.push({ event, data: data.join('\n') });
  }
  return { events, rest };
}

export type Signal = 'green' | 'amber' | 'red' | 'none';

export function serviceLevelSignal(serviceLevel: number | null, target: number): Signal {
  if (serviceLevel === null) return 'none';
  if (serviceLevel >= target) return 'green';
  return serviceLevel >= target - 0.05 ? 'amber' : 'red';
}

export function oldestWaitSignal(seconds: number | null, amber: number, red: number): Signal {
  if (seconds === null || seconds <= 0) return 'green';
  if (seconds >= red) return 'red';
  return seconds >= amber ? 'amber' : 'green';
}

/** Waits before reconnecting: 1 s, 2 s, 4 s … at most 30 s. */
export function reconnectDelayMs(attempt: number): number {
  return Math.min(30_000, 1000 * 2 ** Math.max(0, attempt));
}

/** "m:ss" for a wait in seconds; "–" when unknown. */
export function formatWait(seconds: number | null): string {
  if (seconds === null) return '–';
  const whole = Math.max(0, Math.round(seconds));
  return `${Math.floor(whole / 60)}:${String(whole % 60).padStart(2, '0')}`;
}

/** A live queue's outlook (traffic's `LiveOutlook`): null figures come with a reason. */
export interface Outlook {
  expectedSoFar: number | null;
  actualSoFar: number | null;
  forecastRestOfDay: number | null;
  requiredAgentsNow: number | null;
  agentsGap: number | null;
  reason: string | null;
}

/**
 * Agents logged in − required: green when none short, amber when short by at most one agent or a
 * tenth of those required, red when shorter; none without a figure.
 */
export function agentsGapSignal(gap: number | null, required: number | null): Signal {
  if (gap === null || required === null) return 'none';
  if (gap >= 0) return 'green';
  return -gap <= Math.max(1, Math.floor(required / 10)) ? 'amber' : 'red';
}

/** The outlook's three cells ("expected / actual", "required / logged in", "±gap"), or why there are none. */
export function outlookCells(
  outlook: Outlook | null | undefined,
  loggedIn: number,
  number: (value: number) => string,
): { expectedActual: string; requiredLoggedIn: string; gap: string; signal: Signal; reason: string | null } {
  const expected = outlook?.expectedSoFar ?? null;
  const required = outlook?.requiredAgentsNow ?? null;
  const gap = outlook?.agentsGap ?? null;
  return {
    expectedActual:
      expected === null ? '–' : `${number(Math.round(expected))} / ${number(outlook?.actualSoFar ?? 0)}`,
    requiredLoggedIn: required === null ? '–' : `${number(required)} / ${number(loggedIn)}`,
    gap: gap === null ? '–' : gap > 0 ? `+${number(gap)}` : number(gap),
    signal: agentsGapSignal(gap, required),
    reason: outlook ? outlook.reason : null,
  };
}
