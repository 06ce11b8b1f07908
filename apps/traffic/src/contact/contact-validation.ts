import type { ContactRecord, RejectedRecord } from './contact-record';

const MAX_TEXT = 200;
/** Contacts older than this or further in the future than a day are input errors, not data. */
const EARLIEST = Date.UTC(2000, 0, 1);
const MAX_DURATION_SECONDS = 7 * 24 * 3600;

/** Cross-field rules of a canonical record; the database checks the same as a backstop. */
export function validateContact(record: ContactRecord, line: number, now = Date.now()): RejectedRecord[] {
  const problems: RejectedRecord[] = [];
  const reject = (field: string, reason: string): void => {
    problems.push({ line, field, reason });
  };
  for (const [field, value] of [
    ['source', record.source],
    ['external_id', record.externalId],
    ['queue', record.queue],
    ['agent', record.agent],
    ['customer_key', record.customerKey],
    ['wrapup_code', record.wrapupCode],
  ] as const) {
    // PostgreSQL text cannot hold NUL: one such character would fail its whole batch.
    if (value && /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/.test(value))
      reject(field, 'contains a control character');
  }
  // The natural key: blank parts would make distinct contacts collide (or look distinct when equal).
  if (!record.source?.trim() || record.source.length > MAX_TEXT)
    reject('source', `must be 1-${MAX_TEXT} characters, not blank`);
  if (!record.externalId?.trim() || record.externalId.length > MAX_TEXT)
    reject('external_id', `must be 1-${MAX_TEXT} characters, not blank`);
  for (const [field, value] of [
    ['queue', record.queue],
    ['agent', record.agent],
    ['customer_key', record.customerKey],
    ['wrapup_code', record.wrapupCode],
  ] as const) {
    if (value !== null && value.length > MAX_TEXT) reject(field, `must be at most ${MAX_TEXT} characters`);
  }
  const arrived = record.arrivedAt.getTime();
  if (arrived < EARLIEST || arrived > now + 86_400_000)
    reject('arrived_at', 'is out of range (2000-01-01 to tomorrow)');
  const answered = record.answeredAt?.getTime() ?? null;
  const ended = record.endedAt.getTime();
  if (answered !== null && answered < arrived) reject('answered_at', 'is before arrived_at');
  if (ended < (answered ?? arrived))
    reject('ended_at', `is before ${answered !== null ? 'answered_at' : 'arrived_at'}`);
  if ((ended - arrived) / 1000 > MAX_DURATION_SECONDS)
    reject('ended_at', 'is more than 7 days after arrived_at');
  if (record.outcome === 'ANSWERED' && answered === null)
    reject('answered_at', 'is required when outcome is ANSWERED');
  if (record.outcome !== 'ANSWERED' && answered !== null)
    reject('outcome', 'must be ANSWERED when answered_at is set');
  for (const [field, value] of [
    ['hold_seconds', record.holdSeconds],
    ['acw_seconds', record.acwSeconds],
  ] as const) {
    if (!Number.isFinite(value) || value < 0 || value > MAX_DURATION_SECONDS)
      reject(field, 'must be a number of seconds >= 0');
  }
  if (answered !== null && record.holdSeconds > (ended - answered) / 1000)
    reject('hold_seconds', 'is longer than the call after answer');
  if (record.transferred && record.outcome !== 'ANSWERED')
    reject('transferred', 'only an answered contact can be transferred');
  if (record.queue !== null && !record.queue.trim()) reject('queue', 'must not be blank');
  else if (record.direction === 'INBOUND' && record.outcome !== 'IVR' && !record.queue) {
    reject('queue', `is required for an inbound ${record.outcome} contact`);
  }
  return problems;
}
