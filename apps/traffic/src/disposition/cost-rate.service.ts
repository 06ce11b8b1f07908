import type { EntityManager } from '@mikro-orm/postgresql';
import { badUserInput, type FieldProblem } from '@switchboard/server';
import { isCalendarDate, isUuid } from '@switchboard/subgraph-kit';
import type { CostRateInput, CostRateType } from './cost-rate.type';

const CURRENCIES = new Set(Intl.supportedValuesOf('currency'));
const AMOUNT = /^\d{1,8}(\.\d{1,2})?$/;
/** staff's AgentRole values (traffic copies the agents' roles with the team directory). */
export const AGENT_ROLES = [
  'AGENT',
  'SENIOR_AGENT',
  'TEAM_LEAD',
  'QA_EVALUATOR',
  'TRAINER',
  'WORKFORCE_PLANNER',
  'CENTER_MANAGER',
] as const;

/** Every problem of a cost rate, each naming its field (input.perHour, ...). */
export function costRateProblems(input: CostRateInput): FieldProblem[] {
  const problems: FieldProblem[] = [];
  if (!isUuid(input.centerId)) problems.push({ field: 'input.centerId', message: 'is not an id' });
  if (!AMOUNT.test(input.perHour))
    problems.push({
      field: 'input.perHour',
      message: 'must be a decimal of 0 or more with at most 2 decimals (at most 99999999.99)',
    });
  const currency = input.currency ?? 'CNY';
  if (!/^[A-Z]{3}$/.test(currency) || !CURRENCIES.has(currency))
    problems.push({ field: 'input.currency', message: `"${currency}" is not an ISO 4217 currency` });
  if (!isCalendarDate(input.validFrom))
    problems.push({ field: 'input.validFrom', message: 'must be a date YYYY-MM-DD' });
  if (input.role != null && !(AGENT_ROLES as readonly string[]).includes(input.role))
    problems.push({ field: 'input.role', message: `must be one of ${AGENT_ROLES.join(', ')}` });
  if (input.level != null && !(Number.isInteger(input.level) && input.level >= 1 && input.level <= 10))
    problems.push({ field: 'input.level', message: 'must be a career level from 1 to 10' });
  return problems;
}

interface Row {
  id: string;
  center_id: string;
  role: string | null;
  level: string | null;
  channel: CostRateType['channel'];
  per_hour: string;
  currency: string;
  valid_from: string;
  valid_until: string | null;
}

const SELECT = `select r.id::text, r.center_id::text, r.role, r.level, r.channel, r.per_hour::text, r.currency,
  r.valid_from::text,
  (lead(r.valid_from) over (partition by r.center_id, r.role, r.level, r.channel order by r.valid_from))::text as valid_until
  from cost_rate r where r.center_id is not null`;

const toType = (r: Row): CostRateType => ({
  id: r.id,
  centerId: r.center_id,
  role: r.role,
  level: r.level === null ? null : Number(r.level),
  channel: r.channel,
  perHour: r.per_hour,
  currency: r.currency,
  validFrom: r.valid_from,
  validUntil: r.valid_until,
});

/** The rates of the centers given (null: every center), by center, channel and first day. */
export async function costRates(em: EntityManager, centerIds: string[] | null): Promise<CostRateType[]> {
  const rows = await em.execute<Row[]>(
    `select * from (${SELECT}) x
     where ?::jsonb is null or x.center_id in (select jsonb_array_elements_text(?::jsonb))
     order by x.center_id, x.channel, x.role nulls first, x.level nulls first, x.valid_from`,
    [centerIds && JSON.stringify(centerIds), centerIds && JSON.stringify(centerIds)],
  );
  return rows.map(toType);
}

/**
 * Sets a center's rate on a channel (for every agent, or a role and/or level) from a day on: a new
 * version, or the one of the same scope starting that day replaced (one statement; the days before
 * keep their rate, the rollups are priced at read time).
 */
export async function setCostRate(em: EntityManager, input: CostRateInput): Promise<CostRateType> {
  const problems = costRateProblems(input);
  if (problems.length) throw badUserInput(problems);
  const centerId = input.centerId.toLowerCase();
  const role = input.role ?? null;
  const level = input.level == null ? null : String(input.level);
  const rows = await em.execute<Row[]>(
    `with replaced as (
       update cost_rate set per_hour = ?, currency = ?
       where center_id = ? and channel = ?::channel and role is not distinct from ?::text
         and level is not distinct from ?::text and valid_from = ?::date returning id
     ), added as (
       insert into cost_rate (id, center_id, role, level, channel, per_hour, currency, valid_from)
       select gen_random_uuid(), ?, ?, ?, ?::channel, ?, ?, ?::date where not exists (select 1 from replaced)
       returning id
     )
     select (select id::text from replaced union all select id::text from added limit 1) as id`,
    [
      input.perHour,
      input.currency ?? 'CNY',
      centerId,
      input.channel,
      role,
      level,
      input.validFrom,
      centerId,
      role,
      level,
      input.channel,
      input.perHour,
      input.currency ?? 'CNY',
      input.validFrom,
    ],
  );
  const [saved] = (await costRates(em, [centerId])).filter((r) => r.id === rows[0].id);
  return saved;
}
