import { SALE_CLASSES } from '@switchboard/metrics';

const SALE = `(${SALE_CLASSES.map((c) => `'${c}'`).join(', ')})`;

/**
 * CTEs `imported` (per contact of `source` with imported outcomes, read from `outcomes`:
 * contact_outcome, or the same less some rows) and `requiring_queue` (queues requiring a code).
 * A sale's revenue is its amount at the margin version in force on its contact's arrival day (UTC
 * date, as the codes' versions), or the product's own rate before its first version.
 * Grouped over the imported outcomes only: the contacts' own wrap-up codes are joined row by row in
 * `measured` (outcomeFactColumns), so a batch without imported outcomes pays two hash joins.
 */
export function outcomeFactsSql(source: string, outcomes = 'contact_outcome', suffix = ''): string {
  return `imported${suffix} as (
  select o.source, o.external_id,
    bool_or(o.seq = 1) as has_first,
    bool_or(o.eligible) as eligible,
    bool_or(o.offer_made or d.outcome_class in ${SALE}) as offer,
    bool_or(d.outcome_class in ${SALE}) as sale,
    count(*) filter (where d.outcome_class in ${SALE})::int as sale_outcomes,
    coalesce(sum(o.amount) filter (where d.outcome_class in ${SALE}), 0) as sales_amount,
    coalesce(sum(o.amount * coalesce(m.margin_rate, p.margin_rate)) filter (where d.outcome_class in ${SALE}), 0) as revenue,
    bool_or(d.outcome_class = 'RETENTION_SAVE') as save,
    bool_or(d.outcome_class = 'RETENTION_LOST') as lost,
    bool_or(d.outcome_class = 'CANCELLATION_PROCESSED') as cancel,
    bool_or(qd.code is not null) as coded
  from ${outcomes} o
  join ${source} c on c.source = o.source and c.external_id = o.external_id
  join disposition_code d on d.code = o.code and d.version = o.code_version
  left join product p on p.code = o.product_code
  left join product_margin m on m.product_code = o.product_code and m.valid_from <= c.arrived_at::date
    and (m.valid_to is null or m.valid_to > c.arrived_at::date)
  left join queue_disposition qd on qd.queue_id = c.queue_id and qd.code = o.code and qd.required
  group by o.source, o.external_id
), requiring_queue${suffix} as (
  select distinct queue_id from queue_disposition where required
)`;
}

const wrapup = (predicate: string): string => `coalesce(w.outcome_class ${predicate}, false)`;

/**
 * The select list of contact `c`'s outcome facts for `measured`: its imported outcomes (`f`) and its
 * own wrap-up code (`w`, the version valid on its arrival date, UTC; outcome 1 unless an imported
 * outcome 1 replaces it). A code no version covers counts as no code; a sale implies the offer.
 */
export const OUTCOME_FACT_COLUMNS = `coalesce(f.eligible, false) as eligible,
         coalesce(f.offer, false) or ${wrapup(`in ${SALE}`)} as offer,
         coalesce(f.sale, false) or ${wrapup(`in ${SALE}`)} as sale,
         coalesce(f.sale_outcomes, 0) + ${wrapup(`in ${SALE}`)}::int as sale_outcomes,
         coalesce(f.sales_amount, 0) as sales_amount, coalesce(f.revenue, 0) as revenue,
         coalesce(f.save, false) or ${wrapup("= 'RETENTION_SAVE'")} as save,
         coalesce(f.lost, false) or ${wrapup("= 'RETENTION_LOST'")} as lost,
         coalesce(f.cancel, false) or ${wrapup("= 'CANCELLATION_PROCESSED'")} as cancel,
         rq.queue_id is not null as requiring,
         coalesce(f.coded, false) or wq.code is not null as coded`;

/**
 * The joins of OUTCOME_FACT_COLUMNS. Versions of one code do not overlap (one per day), so the
 * wrap-up join matches at most one row per contact.
 */
export const outcomeFactJoins = (suffix = ''): string =>
  `left join imported${suffix} f on f.source = c.source and f.external_id = c.external_id
  left join disposition_code w on w.code = c.wrapup_code and not coalesce(f.has_first, false)
    and w.valid_from <= c.arrived_at::date and (w.valid_to is null or w.valid_to > c.arrived_at::date)
  left join queue_disposition wq on wq.queue_id = c.queue_id and wq.code = w.code and wq.required
  left join requiring_queue${suffix} rq on rq.queue_id = c.queue_id`;
