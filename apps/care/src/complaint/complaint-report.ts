import { Ajv, type ValidateFunction } from 'ajv';
import type { EntityManager } from '@mikro-orm/postgresql';
import { addDays, localMidnight } from '@switchboard/metrics';
import { maskCustomerKey } from './complaint.mapper';

/**
 * The monthly complaint report (JR/T 0169-2018 codes): one row per complaint received in the month
 * (local month of the bank's zone), the three codes and the dates; the customer masked (no verbatim,
 * no name). Each row is checked against REPORT_ROW_SCHEMA before the file is written.
 */
export const REPORT_COLUMNS = [
  'case_no',
  'center_id',
  'received_date',
  'channel_code',
  'business_code',
  'reason_code',
  'taxonomy_version',
  'product_code',
  'severity',
  'source',
  'deadline_basis',
  'deadline_date',
  'extension_reason',
  'closed_date',
  'outcome',
  'timely',
  'customer',
  'subject_agent_no',
  'handler_agent_no',
  'remedy_amount',
  'remedy_currency',
] as const;
export type ReportRow = Record<(typeof REPORT_COLUMNS)[number], string | number | boolean | null>;

const DATE = { type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}$' };
const CODE = { type: 'string', pattern: '^[A-Z0-9][A-Z0-9._-]{0,39}$' };
const nullable = (schema: object) => ({ anyOf: [schema, { type: 'null' }] });

export const REPORT_ROW_SCHEMA = {
  $id: 'switchboard/complaint-report-row/1',
  type: 'object',
  additionalProperties: false,
  required: [...REPORT_COLUMNS],
  properties: {
    case_no: { type: 'string', pattern: '^C\\d{4}-\\d{6,}$' },
    center_id: { type: 'string', format: 'uuid', pattern: '^[0-9a-f-]{36}$' },
    received_date: DATE,
    channel_code: CODE,
    business_code: CODE,
    reason_code: CODE,
    taxonomy_version: { type: 'integer', minimum: 1 },
    product_code: nullable(CODE),
    severity: { enum: ['NORMAL', 'MAJOR', 'REGULATORY'] },
    source: { enum: ['DIRECT', 'ESCALATED_FROM_CASE', 'REGULATOR_REFERRAL', 'SOCIAL_MEDIA'] },
    deadline_basis: { enum: ['DAYS_15', 'EXTENDED_30', 'EXTENDED_60'] },
    deadline_date: DATE,
    extension_reason: nullable({ type: 'string', maxLength: 2000 }),
    closed_date: nullable(DATE),
    outcome: nullable({ enum: ['UPHELD', 'PARTIALLY_UPHELD', 'NOT_UPHELD', 'WITHDRAWN'] }),
    timely: nullable({ type: 'boolean' }),
    // masked: at most the last 4 characters in clear
    customer: { type: 'string', pattern: '^\\*+.{0,4}$' },
    subject_agent_no: nullable({ type: 'string', minLength: 1, maxLength: 50 }),
    handler_agent_no: { type: 'string', minLength: 1, maxLength: 50 },
    remedy_amount: nullable({ type: 'string', pattern: '^\\d{1,16}\\.\\d{2}$' }),
    remedy_currency: { type: 'string', pattern: '^[A-Z]{3}$' },
  },
} as const;

let validator: ValidateFunction | undefined;
function validateRow(): ValidateFunction {
  // 'uuid' is checked by the pattern; formats are not loaded (no ajv-formats)
  validator ??= new Ajv({ allErrors: true, strict: false, validateFormats: false }).compile(
    REPORT_ROW_SCHEMA,
  );
  return validator;
}

/** Every schema problem of the rows, as "row N: /field message". */
export function reportProblems(rows: readonly ReportRow[]): string[] {
  const validate = validateRow();
  return rows.flatMap((row, i) =>
    validate(row)
      ? []
      : (validate.errors ?? []).map((e) => `row ${i + 1}: ${e.instancePath || '/'} ${e.message}`),
  );
}

const cell = (value: string | number | boolean | null): string => {
  if (value === null) return '';
  const text = String(value);
  // quoted when needed; a leading = + - @ is neutralised so a spreadsheet never runs it
  const safe = /^[=+\-@]/.test(text) ? `'${text}` : text;
  return /[",\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
};

export function reportCsv(rows: readonly ReportRow[]): string {
  return (
    [REPORT_COLUMNS.join(','), ...rows.map((r) => REPORT_COLUMNS.map((c) => cell(r[c])).join(','))].join(
      '\n',
    ) + '\n'
  );
}

/** The month's complaints the caller sees (`visible`: SQL over alias x), oldest first. */
export async function reportRows(
  em: EntityManager,
  month: string,
  timeZone: string,
  visible: { sql: string; params: unknown[] },
): Promise<ReportRow[]> {
  const from = localMidnight(`${month}-01`, timeZone);
  const next = addDays(`${month}-28`, 4).slice(0, 7);
  const to = localMidnight(`${next}-01`, timeZone);
  const rows = await em.execute<Record<string, string | number | boolean | null>[]>(
    `select c.case_no, x.center_id::text as center_id,
       to_char(x.received_at at time zone x.time_zone, 'YYYY-MM-DD') as received_date,
       x.channel_code, x.business_code, x.reason_code, x.taxonomy_version, x.product_code, x.severity, x.source,
       x.deadline_basis, x.deadline_date, x.extension_reason,
       to_char(x.closed_at at time zone x.time_zone, 'YYYY-MM-DD') as closed_date, x.outcome,
       case when x.closed_at is null then null else x.closed_at < x.deadline_at end as timely,
       x.customer_key, x.subject_agent_no, x.handler_agent_no, x.remedy_amount::text as remedy_amount, x.remedy_currency
     from complaint x join care_case c on c.id = x.case_id
     where ${visible.sql} and x.received_at >= ? and x.received_at < ?
     order by x.received_at, c.case_no`,
    [...visible.params, from, to],
  );
  return rows.map(
    ({ customer_key, ...r }) => ({ ...r, customer: maskCustomerKey(String(customer_key)) }) as ReportRow,
  );
}
