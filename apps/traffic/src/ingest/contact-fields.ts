import { CANONICAL_CONTACT_COLUMNS } from '@switchboard/contracts';
import {
  CHANNELS,
  DIRECTIONS,
  OUTCOMES,
  type Channel,
  type ContactRecord,
  type Direction,
  type Outcome,
  type RejectedRecord,
} from '../contact/contact-record';
import { parseTimestamp } from './timestamp';

/** The canonical columns (DESIGN.md; libs/contracts owns them); extra columns are ignored, empty means null. */
export const CONTACT_COLUMNS = CANONICAL_CONTACT_COLUMNS;

export interface FieldOptions {
  timeZone: string;
  /** Fills `source` where a row has none (the --source flag). */
  source?: string | null;
}

type Raw = Record<string, unknown>;

/** An NDJSON field holding what no CSV cell can (true, an object, a list): not a text. */
const notText = (value: unknown): boolean =>
  value !== undefined && value !== null && typeof value !== 'string' && typeof value !== 'number';

const text = (raw: Raw, key: string): string | null => {
  const value = raw[key];
  if (value === undefined || value === null || notText(value)) return null;
  const s = String(value).trim();
  return s === '' ? null : s;
};

/**
 * One CSV row or NDJSON object (canonical field names) -> a record, or the reasons it cannot be one.
 * Only shapes are checked here; the cross-field rules are validateContact's.
 */
export function contactFromFields(
  raw: Raw,
  line: number,
  options: FieldOptions,
): ContactRecord | RejectedRecord[] {
  const problems: RejectedRecord[] = [];
  const reject = (field: string, reason: string): void => {
    problems.push({ line, field, reason });
  };
  for (const field of CONTACT_COLUMNS) {
    const value = raw[field];
    if (notText(value) && !(field === 'transferred' && typeof value === 'boolean'))
      reject(field, 'must be a string or a number');
  }
  const oneOf = <T extends string>(field: string, values: readonly T[], fallback?: T): T => {
    const value = text(raw, field)?.toUpperCase() ?? fallback ?? null;
    if (value === null) reject(field, 'is required');
    else if (!values.includes(value as T)) reject(field, `must be one of ${values.join(', ')}`);
    return value as T;
  };
  const time = (field: string, required: boolean): Date | null => {
    const value = text(raw, field);
    if (value === null) {
      if (required) reject(field, 'is required');
      return null;
    }
    const parsed = parseTimestamp(value, options.timeZone);
    if (!parsed) reject(field, 'must be an ISO-8601 timestamp');
    return parsed;
  };
  const seconds = (field: string): number => {
    const value = text(raw, field);
    if (value === null) return 0;
    const n = Number(value);
    if (!Number.isFinite(n)) reject(field, 'must be a number of seconds');
    return n;
  };
  const source = text(raw, 'source') ?? options.source ?? null;
  if (source === null) reject('source', 'is required (a column, or --source)');
  const externalId = text(raw, 'external_id');
  if (externalId === null) reject('external_id', 'is required');
  const transferredText =
    (typeof raw.transferred === 'boolean'
      ? String(raw.transferred)
      : text(raw, 'transferred')
    )?.toLowerCase() ?? 'false';
  if (!['true', 'false', '1', '0', 'yes', 'no'].includes(transferredText))
    reject('transferred', 'must be true or false');
  const record: ContactRecord = {
    source: source ?? '',
    externalId: externalId ?? '',
    channel: oneOf<Channel>('channel', CHANNELS),
    direction: oneOf<Direction>('direction', DIRECTIONS, 'INBOUND'),
    queue: text(raw, 'queue'),
    agent: text(raw, 'agent'),
    customerKey: text(raw, 'customer_key'),
    arrivedAt: time('arrived_at', true) as Date,
    answeredAt: time('answered_at', false),
    endedAt: time('ended_at', true) as Date,
    holdSeconds: seconds('hold_seconds'),
    acwSeconds: seconds('acw_seconds'),
    outcome: oneOf<Outcome>('outcome', OUTCOMES),
    transferred: ['true', '1', 'yes'].includes(transferredText),
    wrapupCode: text(raw, 'wrapup_code'),
  };
  return problems.length ? problems : record;
}
