import {
  CASE_STATES,
  validateCommitment,
  type CaseState,
  type CommitmentChannel,
  type CommitmentKind,
} from '@switchboard/metrics';
import {
  collectRows,
  CsvRecordReader,
  fileInstant,
  INSTANT_MESSAGE,
  isUuid,
  rowProblem,
  TextLineSplitter,
  type RecordFile,
  type CsvSource,
  type RowProblem,
} from '@switchboard/subgraph-kit';
import { CASE_TYPES, type CaseKind } from '../case/case.entity';

/** The columns of a CRM case export (CSV header, or NDJSON keys). */
export const CASE_FILE_COLUMNS = [
  'crm_source',
  'crm_case_id',
  'contacts',
  'type',
  'category_code',
  'title',
  'priority',
  'owner_agent_no',
  'owner_team_id',
  'department',
  'center_id',
  'status',
  'opened_at',
  'status_at',
  'commitment_kind',
  'commitment_due',
  'commitment_channel',
] as const;

/** Contacts one case may list. */
export const MAX_CASE_CONTACTS = 50;

export interface CaseFileContact {
  source: string;
  externalId: string;
}

/** One case as read from a file, its syntax checked (references are checked by the import). */
export interface CaseFileRow {
  row: number;
  crmSource: string;
  crmCaseId: string;
  contacts: CaseFileContact[];
  type: CaseKind;
  categoryCode: string;
  title: string;
  priority: number;
  ownerAgentNo: string | null;
  ownerTeamId: string | null;
  department: string;
  centerId: string;
  status: CaseState;
  openedAt: Date;
  /** When the case reached `status` (its status events' time); opened_at when not given. */
  statusAt: Date;
  commitment: { kind: CommitmentKind; channel: CommitmentChannel; dueAt: Date } | null;
}

/** A row's problem (the kit's one shape), under the name the case import uses. */
export const caseProblem = rowProblem;

const instant = fileInstant;

/** `source:externalId|source:externalId` -> the keys, or the problem (split at each key's first colon). */
export function parseContactList(text: string): CaseFileContact[] | string {
  const parts = text.split('|').map((p) => p.trim());
  if (parts.length > MAX_CASE_CONTACTS) return `lists more than ${MAX_CASE_CONTACTS} contacts`;
  const seen = new Set<string>();
  const keys: CaseFileContact[] = [];
  for (const part of parts) {
    const colon = part.indexOf(':');
    const source = colon > 0 ? part.slice(0, colon).trim() : '';
    const externalId = colon > 0 ? part.slice(colon + 1).trim() : '';
    if (!source || !externalId) return `"${part}" is not source:externalId`;
    if (source.length > 200 || externalId.length > 200)
      return `"${part.slice(0, 40)}…" is longer than 200 characters a part`;
    const key = JSON.stringify([source, externalId]);
    if (seen.has(key)) return `lists ${part} twice`;
    seen.add(key);
    keys.push({ source, externalId });
  }
  return keys;
}

const LENGTHS: [string, number][] = [
  ['crm_source', 100],
  ['crm_case_id', 200],
  ['category_code', 100],
  ['title', 200],
  ['owner_agent_no', 50],
  ['department', 100],
];

/**
 * One record's cells (text) -> a case row, or its first problem naming its column. `now` bounds
 * opened_at (a case is not opened in the future).
 */
export function caseRowOf(line: number, cells: Record<string, string>, now: Date): CaseFileRow | RowProblem {
  const text = (column: string): string => (cells[column] ?? '').trim();
  const bad = (column: string, message: string) => caseProblem(line, column, message);
  for (const column of [
    'crm_source',
    'crm_case_id',
    'contacts',
    'type',
    'category_code',
    'title',
    'department',
    'center_id',
    'opened_at',
  ])
    if (!text(column)) return bad(column, 'is required');
  for (const [column, max] of LENGTHS)
    if (text(column).length > max) return bad(column, `must be at most ${max} characters`);
  const contacts = parseContactList(text('contacts'));
  if (typeof contacts === 'string') return bad('contacts', contacts);
  const type = text('type').toUpperCase();
  if (!(CASE_TYPES as readonly string[]).includes(type))
    return bad('type', `"${text('type')}" is not one of ${CASE_TYPES.join(', ')}`);
  const priority = text('priority') || '3';
  if (!/^[1-4]$/.test(priority)) return bad('priority', 'must be 1 to 4');
  const team = text('owner_team_id');
  if (team && !isUuid(team)) return bad('owner_team_id', 'must be a team id');
  if (!isUuid(text('center_id'))) return bad('center_id', 'must be a center id');
  const status = (text('status') || 'NEW').toUpperCase();
  if (!(CASE_STATES as readonly string[]).includes(status))
    return bad('status', `"${text('status')}" is not a case state (${CASE_STATES.join(', ')})`);
  const openedAt = instant(text('opened_at'));
  if (!openedAt) return bad('opened_at', INSTANT_MESSAGE);
  if (openedAt > now) return bad('opened_at', 'is in the future');
  let statusAt = openedAt;
  if (text('status_at')) {
    const at = instant(text('status_at'));
    if (!at) return bad('status_at', 'must be an instant with its offset');
    if (status === 'NEW') return bad('status_at', 'is for a case past NEW');
    if (at < openedAt) return bad('status_at', 'is before opened_at');
    if (at > now) return bad('status_at', 'is in the future');
    statusAt = at;
  }
  let commitment: CaseFileRow['commitment'] = null;
  const promise = ['commitment_kind', 'commitment_due', 'commitment_channel'];
  if (promise.some((c) => text(c))) {
    const missing = promise.find((c) => !text(c));
    if (missing) return bad(missing, 'is required with a commitment');
    if (!text('owner_agent_no')) return bad('owner_agent_no', 'is required with a commitment (the promiser)');
    const dueAt = instant(text('commitment_due'));
    if (!dueAt) return bad('commitment_due', 'must be an instant with its offset');
    const kind = text('commitment_kind').toUpperCase() as CommitmentKind;
    const channel = text('commitment_channel').toUpperCase() as CommitmentChannel;
    const [first] = validateCommitment({ kind, channel, madeAt: openedAt, due: { basis: 'EXACT', dueAt } });
    if (first) {
      const field =
        first.field === 'kind'
          ? 'commitment_kind'
          : first.field === 'channel'
            ? 'commitment_channel'
            : 'commitment_due';
      const message =
        field === 'commitment_due'
          ? `${dueAt.toISOString()} is not after opened_at (when it was made)`
          : first.message;
      return bad(field, message);
    }
    commitment = { kind, channel, dueAt };
  }
  return {
    row: line,
    crmSource: text('crm_source'),
    crmCaseId: text('crm_case_id'),
    contacts,
    type: type as CaseKind,
    categoryCode: text('category_code'),
    title: text('title'),
    priority: Number(priority),
    ownerAgentNo: text('owner_agent_no') || null,
    ownerTeamId: team ? team.toLowerCase() : null,
    department: text('department'),
    centerId: text('center_id').toLowerCase(),
    status: status as CaseState,
    openedAt,
    statusAt,
    commitment,
  };
}

/** A batch of a file: its rows, the problems of its lines, the records read (good and bad). */
export type CaseFileBatch = RecordFile<CaseFileRow>;

export type CaseFileFormat = 'csv' | 'ndjson';

async function* chunks(source: CsvSource): AsyncIterable<Buffer | string> {
  if (typeof source === 'string') yield source;
  else yield* source;
}

/**
 * Reads a case file a chunk at a time and yields it in batches of about `size` rows, so a file of any
 * length is never held whole. CSV has a header row; NDJSON one object a line with the columns as keys.
 */
export async function* readCaseBatches(
  source: CsvSource,
  format: CaseFileFormat,
  size: number,
  now: Date,
): AsyncGenerator<CaseFileBatch> {
  const items: (CaseFileRow | RowProblem)[] = [];
  /** The first `size` items (all of them at the end), as a batch. */
  const flush = (): CaseFileBatch => collectRows(items.splice(0, size));
  if (format === 'csv') {
    const reader = new CsvRecordReader({ columns: CASE_FILE_COLUMNS });
    const take = (found: ReturnType<CsvRecordReader['push']>) => {
      for (const item of found) {
        if ('record' in item) items.push(caseRowOf(item.record.line, item.record.cells, now));
        else items.push(caseProblem(item.rejected.line, item.rejected.field ?? 'line', item.rejected.reason));
      }
    };
    for await (const chunk of chunks(source)) {
      take(reader.push(chunk));
      while (items.length >= size) yield flush();
    }
    take(reader.end());
    while (items.length) yield flush();
    return;
  }
  const lines = new TextLineSplitter();
  const take = (found: ReturnType<TextLineSplitter['push']>) => {
    for (const line of found) {
      if ('unreadable' in line) {
        items.push(caseProblem(line.line, 'line', line.unreadable));
        continue;
      }
      if (!line.text.trim()) continue;
      let value: unknown;
      try {
        value = JSON.parse(line.text);
      } catch {
        items.push(caseProblem(line.line, 'json', 'is not JSON'));
        continue;
      }
      if (typeof value !== 'object' || value === null || Array.isArray(value)) {
        items.push(caseProblem(line.line, 'json', 'must be an object'));
        continue;
      }
      const entries = Object.entries(value as Record<string, unknown>).map(
        ([k, v]) => [k.toLowerCase(), v] as const,
      );
      // text or a number, as a CSV cell holds; the contacts may be a list of `source:externalId` texts
      const wrong = entries.find(
        ([k, v]) =>
          !(v == null || typeof v === 'string' || typeof v === 'number') &&
          !(k === 'contacts' && Array.isArray(v) && v.every((x) => typeof x === 'string')),
      );
      if (wrong) {
        items.push(caseProblem(line.line, wrong[0], 'must be text'));
        continue;
      }
      const cells = Object.fromEntries(
        entries.map(([k, v]) => [k, v == null ? '' : Array.isArray(v) ? v.join('|') : String(v)]),
      );
      items.push(caseRowOf(line.line, cells, now));
    }
  };
  for await (const chunk of chunks(source)) {
    take(lines.push(chunk));
    while (items.length >= size) yield flush();
  }
  take(lines.end());
  while (items.length) yield flush();
}
