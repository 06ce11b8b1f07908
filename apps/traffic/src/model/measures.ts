/**
 * THE list of traffic's rollup measures (issue 24). The roll-up's grouped select and upsert, the
 * stats queries' sums and the totals handed to the formula library all derive from it, and
 * measures.spec.ts checks the rollup entities' columns against it: a new measure is one entry here
 * (plus its column in IntervalMeasures and a migration).
 *
 * `grouped` is the measure of a group of contacts, over the relation `measured` of roll-up.ts
 * (one row per contact with `offered`, `outcome`, `direction`, `transferred`, `wait`,
 * `after_answer`, `hold_seconds`, `acw_seconds`, `t` and `s`, and the contact's outcome facts
 * `eligible`, `offer`, `sale`, `sale_outcomes`, `sales_amount`, `revenue`, `save`, `lost`, `cancel`,
 * `requiring` and `coded`, see outcome-facts.ts).
 */
export interface Measure {
  /** Column of interval_stat and queue_interval_stat (and alias in every select). */
  readonly column: string;
  /** Column type: counts are integers, seconds double precision, money exact numeric. */
  readonly type: 'integer' | 'double' | 'numeric';
  /** How two rows' values combine (adding contacts to a rollup row, or summing rows). */
  readonly combine: 'sum' | 'max';
  readonly grouped: string;
  /**
   * How a stats query reads it from rollup rows `s`: summed, summed over voice rows only, maxed,
   * or not at all (kept in the rollup for other readers).
   */
  readonly read: 'sum' | 'voice' | 'max' | 'money' | 'none';
  /** An outcome measure: it changes when outcomes arrive after their contact was rolled up. */
  readonly outcome?: true;
  /** Its field in the formula library's totals (ContactTotals), when a formula reads it. */
  readonly total?: string;
  /**
   * Money: the zero of the column's scale, as PostgreSQL prints a sum of its zeros ('0.00'): what
   * the sum of a group without any amount answers.
   */
  readonly zero?: string;
}

const answered = "offered and outcome = 'ANSWERED'";
const abandoned = "offered and outcome = 'ABANDONED'";
/** Outcomes count on answered contacts of either direction (an outbound sales call is answered too). */
const handled = "outcome = 'ANSWERED'";
const count = (where: string): string => `count(*) filter (where ${where})::int`;
const seconds = (expression: string, where: string): string =>
  `coalesce(sum(${expression}) filter (where ${where}), 0)`;

export const MEASURES = [
  {
    column: 'answered',
    type: 'integer',
    combine: 'sum',
    grouped: count(answered),
    read: 'sum',
    total: 'answered',
  },
  {
    column: 'abandoned',
    type: 'integer',
    combine: 'sum',
    grouped: count(abandoned),
    read: 'sum',
    total: 'abandoned',
  },
  {
    column: 'short_abandoned',
    type: 'integer',
    combine: 'sum',
    grouped: count(`${abandoned} and wait < s`),
    read: 'sum',
    total: 'shortAbandoned',
  },
  {
    column: 'answered_within_threshold',
    type: 'integer',
    combine: 'sum',
    grouped: count(`${answered} and wait <= t`),
    read: 'sum',
    total: 'answeredWithinThreshold',
  },
  {
    column: 'abandoned_within_threshold',
    type: 'integer',
    combine: 'sum',
    grouped: count(`${abandoned} and wait <= t`),
    read: 'sum',
    total: 'abandonedWithinThreshold',
  },
  {
    column: 'transferred',
    type: 'integer',
    combine: 'sum',
    grouped: count(`${answered} and transferred`),
    read: 'sum',
    total: 'transferred',
  },
  // IVR containment is a voice measure: its counts come from voice rows only
  {
    column: 'ivr',
    type: 'integer',
    combine: 'sum',
    grouped: count("outcome = 'IVR'"),
    read: 'voice',
    total: 'ivr',
  },
  {
    column: 'callback',
    type: 'integer',
    combine: 'sum',
    grouped: count("outcome = 'CALLBACK'"),
    read: 'none',
  },
  {
    column: 'overflow',
    type: 'integer',
    combine: 'sum',
    grouped: count("outcome = 'OVERFLOW'"),
    read: 'none',
  },
  {
    column: 'outbound',
    type: 'integer',
    combine: 'sum',
    grouped: count("direction = 'OUTBOUND'"),
    read: 'none',
  },
  {
    column: 'wait_seconds_answered',
    type: 'double',
    combine: 'sum',
    grouped: seconds('wait', answered),
    read: 'sum',
    total: 'waitSecondsAnswered',
  },
  {
    column: 'handle_seconds',
    type: 'double',
    combine: 'sum',
    grouped: seconds('after_answer + acw_seconds', answered),
    read: 'sum',
    total: 'handleSeconds',
  },
  {
    column: 'talk_seconds',
    type: 'double',
    combine: 'sum',
    grouped: seconds('after_answer - hold_seconds', answered),
    read: 'sum',
    total: 'talkSeconds',
  },
  {
    column: 'hold_seconds',
    type: 'double',
    combine: 'sum',
    grouped: seconds('hold_seconds', answered),
    read: 'sum',
    total: 'holdSeconds',
  },
  {
    column: 'acw_seconds',
    type: 'double',
    combine: 'sum',
    grouped: seconds('acw_seconds', answered),
    read: 'sum',
    total: 'acwSeconds',
  },
  {
    column: 'max_wait_seconds',
    type: 'double',
    combine: 'max',
    grouped: 'max(wait) filter (where offered)',
    read: 'max',
    total: 'maxWaitSeconds',
  },
  // Outcomes of answered contacts (PRODUCT-RESEARCH C; METRICS.md "Outcomes and sales")
  ...(
    [
      ['eligible', 'eligible'],
      ['offers', 'offer'],
      ['sales', 'sale'],
      ['saves', 'save'],
      ['lost', 'lost'],
      ['cancellations', 'cancel'],
      ['requiring_code', 'requiring'],
      ['coded', 'requiring and coded'],
    ] as const
  ).map(
    ([column, fact]) =>
      ({
        column,
        type: 'integer',
        combine: 'sum',
        grouped: count(`${handled} and ${fact}`),
        read: 'sum',
        outcome: true,
      }) as const,
  ),
  {
    column: 'sale_outcomes',
    type: 'integer',
    combine: 'sum',
    grouped: `coalesce(sum(sale_outcomes) filter (where ${handled}), 0)::int`,
    read: 'sum',
    outcome: true,
  },
  // Σ amount of sale-class outcomes, and Σ amount × the product's margin rate (the bank's revenue)
  {
    column: 'sales_amount',
    type: 'numeric',
    combine: 'sum',
    grouped: `coalesce(sum(sales_amount) filter (where ${handled}), 0)`,
    read: 'money',
    outcome: true,
    zero: '0.00',
  },
  {
    column: 'revenue',
    type: 'numeric',
    combine: 'sum',
    grouped: `coalesce(sum(revenue) filter (where ${handled}), 0)`,
    read: 'money',
    outcome: true,
    zero: '0.000000',
  },
] as const satisfies readonly Measure[];

export type RollupMeasure = (typeof MEASURES)[number];
export type RollupColumn = RollupMeasure['column'];

/** Sums a stats query computes from other measures rather than reading a column of their own. */
export const DERIVED_MEASURES = [
  {
    column: 'voice_offered',
    sql: "coalesce(sum(s.answered + s.abandoned) filter (where s.channel = 'VOICE'), 0)::float8",
    total: 'voiceOffered',
  },
] as const;

/** Every column a stats row can carry (snake_case as selected). */
export type MeasureColumn =
  | Exclude<RollupColumn, Extract<RollupMeasure, { read: 'none' }>['column']>
  | (typeof DERIVED_MEASURES)[number]['column'];

/** The measures a stats query reads. */
export const READ_MEASURES = MEASURES.filter(
  (m): m is Extract<RollupMeasure, { read: 'sum' | 'voice' | 'max' | 'money' }> => m.read !== 'none',
);

/** The measures outcomes change (the others are the contact's own). */
export const OUTCOME_MEASURES = MEASURES.filter(
  (m): m is Extract<RollupMeasure, { outcome: true }> => 'outcome' in m,
);

/** A stats select list expression for one measure of rollup rows `s`. */
export function readSql(measure: Pick<Measure, 'column' | 'read' | 'zero'>): string {
  const c = measure.column;
  switch (measure.read) {
    case 'sum':
      return `sum(s.${c})::float8 as ${c}`;
    case 'voice':
      return `coalesce(sum(s.${c}) filter (where s.channel = 'VOICE'), 0)::float8 as ${c}`;
    case 'max':
      return `max(s.${c}) as ${c}`;
    case 'money':
      // Exact: numeric summed, read as text. Only the rows with an amount are added: most rows have
      // none, and a numeric sum costs per group and per row (its state, its additions, its printing),
      // so a group without any prints the column's zero (issue 20: on the stats bench's month,
      // +45 ms of PostgreSQL's CPU for one such sum over every row, +20 ms over those with an amount).
      return `coalesce(sum(s.${c}) filter (where s.${c} <> 0), ${measure.zero ?? 0})::text as ${c}`;
    case 'none':
      throw new Error(`${c} is not read by stats queries`);
  }
}

/**
 * The outcome measures a stats query sums apart, from the rollup rows with any of them (issue 20):
 * every outcome measure. Most rows have no sales or retention outcome; the disposition-compliance
 * counts (requiring_code, coded) are on every row of a queue requiring a code, and on none where no
 * queue does (they were the remaining +10 % of PostgreSQL's CPU of the outcome fields there, summed
 * over every row). Where many queues require codes, the share of rows with outcomes is high and
 * the statement sums them alongside (trafficStatsSql, SPLIT_BELOW_SHARE).
 */
export const SPARSE_OUTCOME_MEASURES = OUTCOME_MEASURES;

/**
 * Whether rollup row `alias` (the table's own row without one) has any outcome (issue 20): the predicate of the partial covering
 * indexes `interval_stat_outcomes` and `queue_interval_stat_outcomes` (migrations
 * rollup_outcome_index, rollup_outcome_index_compliance), which hold only the rows with outcomes. A stats query summing outcome
 * measures reads them from there (see trafficStatsSql): most contacts have no outcome, and rows
 * without any add nothing to the outcome sums. The same list as the migration's (measures.spec.ts).
 */
export function hasOutcomesSql(alias?: string): string {
  return `(${SPARSE_OUTCOME_MEASURES.map((m) => `${alias ? `${alias}.` : ''}${m.column} <> 0`).join(' or ')})`;
}
