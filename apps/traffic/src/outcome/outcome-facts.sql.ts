import { SALE_CLASSES } from '@switchboard/metrics';

const SALE = `(${SALE_CLASSES.map((c) => `'${c}'`).join(', ')})`;

/**
 * CTEs `outcome_rows` and `outcome_facts` (one row per contact of `source` that has outcomes: its
 * eligibility, offer, sale, sale count, sales amount, revenue (amount × margin rate), retention result and whether it carries
 * one of its queue's codes), read from `outcomes` (contact_outcome, or the same less some rows).
 * The contact's own `wrapup_code` is its outcome seq 1 unless an imported seq 1 replaces it; its
 * version is the one valid on the contact's arrival date (UTC). A code no version covers counts
 * as no code. A sale-class outcome implies the offer.
 */
export function outcomeFactsSql(source: string, outcomes = 'contact_outcome', suffix = ''): string {
  return `outcome_rows${suffix} as (
  select c.id, c.queue_id, o.code, d.outcome_class, o.amount, o.offer_made, o.eligible, p.margin_rate
  from ${source} c
  join ${outcomes} o on o.source = c.source and o.external_id = c.external_id
  join disposition_code d on d.code = o.code and d.version = o.code_version
  left join product p on p.code = o.product_code
  union all
  select c.id, c.queue_id, c.wrapup_code, d.outcome_class, null, false, false, null
  from ${source} c
  join disposition_code d on d.code = c.wrapup_code and d.valid_from <= c.arrived_at::date
    and (d.valid_to is null or d.valid_to > c.arrived_at::date)
  where not exists (select 1 from ${outcomes} o
    where o.source = c.source and o.external_id = c.external_id and o.seq = 1)
), outcome_facts${suffix} as (
  select r.id,
    bool_or(r.eligible) as eligible,
    bool_or(r.offer_made or r.outcome_class in ${SALE}) as offer,
    bool_or(r.outcome_class in ${SALE}) as sale,
    count(*) filter (where r.outcome_class in ${SALE})::int as sale_outcomes,
    coalesce(sum(r.amount) filter (where r.outcome_class in ${SALE}), 0) as sales_amount,
    coalesce(sum(r.amount * r.margin_rate) filter (where r.outcome_class in ${SALE}), 0) as revenue,
    bool_or(r.outcome_class = 'RETENTION_SAVE') as save,
    bool_or(r.outcome_class = 'RETENTION_LOST') as lost,
    bool_or(r.outcome_class = 'CANCELLATION_PROCESSED') as cancel,
    bool_or(qd.code is not null) as coded
  from outcome_rows${suffix} r
  left join queue_disposition qd on qd.queue_id = r.queue_id and qd.code = r.code and qd.required
  group by r.id
), requiring_queue${suffix} as (
  select distinct queue_id from queue_disposition where required
)`;
}

/** The select list of the facts of contact `c` (outcome_facts `f`, requiring_queue `rq`), for `measured`. */
export const OUTCOME_FACT_COLUMNS = `coalesce(f.eligible, false) as eligible, coalesce(f.offer, false) as offer,
         coalesce(f.sale, false) as sale, coalesce(f.sale_outcomes, 0) as sale_outcomes,
         coalesce(f.sales_amount, 0) as sales_amount, coalesce(f.revenue, 0) as revenue,
         coalesce(f.save, false) as save, coalesce(f.lost, false) as lost,
         coalesce(f.cancel, false) as cancel, rq.queue_id is not null as requiring,
         coalesce(f.coded, false) as coded`;

export const outcomeFactJoins = (suffix = ''): string =>
  `left join outcome_facts${suffix} f on f.id = c.id left join requiring_queue${suffix} rq on rq.queue_id = c.queue_id`;
