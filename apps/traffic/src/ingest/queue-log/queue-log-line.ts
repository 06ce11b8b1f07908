/**
 * One Asterisk queue_log line split into its fields.
 *
 * Layout written by app_queue: `epoch|callid|queuename|agent|event|data…`.
 * - Asterisk up to 1.6 logged a single `data` field whose parts are themselves `|`-separated
 *   (`…|ENTERQUEUE||5551234`); 1.8+ and the realtime back ends name the parts data1…data5, and
 *   some writers pad every line to ten fields with empty ones (`…|ENTERQUEUE||5551234|1||`).
 *   Split on `|`, both read the same: data part n is field 5 + n, and a missing trailing part
 *   reads as ''. So the count has no upper bound: ATTENDEDTRANSFER's LINK form carries six parts.
 * - epoch: whole seconds since 1970 UTC (`%ld`); a fractional part is accepted and kept to the
 *   millisecond in case a writer adds one.
 * - `NONE` in callid, queuename or agent means "not applicable" (queue-level and agent events).
 */
export interface QueueLogLine {
  /** Seconds since 1970-01-01T00:00:00Z. */
  epoch: number;
  callid: string;
  queue: string;
  agent: string;
  event: string;
  /** data1, data2, … (index 0 is data1). */
  data: readonly string[];
}

export type QueueLogLineResult =
  | { kind: 'line'; line: QueueLogLine }
  | { kind: 'blank' }
  | { kind: 'malformed'; field: string; reason: string };

const EPOCH = /^\d{1,12}(\.\d{1,9})?$/;
const FIXED_FIELDS = 5;

export function splitQueueLogLine(text: string): QueueLogLineResult {
  const content = text.endsWith('\r') ? text.slice(0, -1) : text;
  if (content.trim() === '') return { kind: 'blank' };
  const fields = content.split('|').map((field) => field.trim());
  if (fields.length < FIXED_FIELDS) {
    return malformed(
      'line',
      `expected at least 5 |-separated fields (epoch|callid|queuename|agent|event), found ${fields.length}`,
    );
  }
  const [epochText, callid, queue, agent, event] = fields;
  if (!EPOCH.test(epochText)) {
    return malformed('epoch', `epoch "${clip(epochText)}" is not a number of seconds`);
  }
  if (event === '') return malformed('event', 'the event name is empty');
  return {
    kind: 'line',
    line: { epoch: Number(epochText), callid, queue, agent, event, data: fields.slice(FIXED_FIELDS) },
  };
}

/** Data part `n` (1-based, as Asterisk's docs number them); '' when the line stops before it. */
export function dataPart(line: QueueLogLine, n: number): string {
  return line.data[n - 1] ?? '';
}

export function epochToDate(epoch: number): Date {
  return new Date(Math.round(epoch * 1000));
}

export function epochToIso(epoch: number): string {
  return epochToDate(epoch).toISOString();
}

function malformed(field: string, reason: string): QueueLogLineResult {
  return { kind: 'malformed', field, reason };
}

function clip(text: string): string {
  return text.length > 40 ? `${text.slice(0, 40)}…` : text;
}
