import type { Client } from 'pg';
import { measuredSql } from '../ingest/roll-up';
import { OUTCOME_MEASURES } from '../model/measures';
import { outcomeFactsSql } from './outcome-facts.sql';

const KEYS = ['interval_start', 'queue_key', 'agent_key', 'channel'];
const QUEUE_KEYS = ['interval_start', 'queue_key', 'channel'];

/**
 * Adds newly inserted outcomes to the rollups of their contacts that are already in them (ids up to
 * the watermark, held by the caller): the outcome measures of those contacts' groups with all their
 * outcomes, less the same without the new ones (a contact's measures are per contact, not per
 * outcome: a second sale on a contact adds a sale outcome, not a sale). One statement. Returns how
 * many of the new outcomes have no contact yet (held until it arrives).
 */
export async function applyOutcomeDeltas(
  client: Client,
  keys: readonly { source: string; external_id: string; seq: number }[],
  watermark: string,
): Promise<number> {
  const columns = OUTCOME_MEASURES.map((m) => m.column);
  const set = (table: string) => columns.map((c) => `${c} = ${table}.${c} + d.${c}`).join(', ');
  const on = (table: string, keyColumns: string[]) =>
    keyColumns.map((k) => `${table}.${k} = d.${k}`).join(' and ');
  const result = await client.query<{ held: number }>(
    `with new_keys as (
  select * from unnest($1::text[], $2::text[], $3::smallint[]) as k(source, external_id, seq)
), touched as (
  select c.* from contact_key ck join contact c on c.id = ck.contact_id and c.arrived_at = ck.arrived_at
  where c.id <= $4::bigint and exists (select 1 from new_keys k where k.source = ck.source and k.external_id = ck.external_id)
), outcomes_before as (
  select o.* from contact_outcome o
  where not exists (select 1 from new_keys k where k.source = o.source and k.external_id = o.external_id and k.seq = o.seq)
), ${outcomeFactsSql('touched', 'contact_outcome', '_after')}, ${measuredSql('touched', OUTCOME_MEASURES, '_after')},
${outcomeFactsSql('touched', 'outcomes_before', '_before')}, ${measuredSql('touched', OUTCOME_MEASURES, '_before')},
d as (
  select ${KEYS.map((k) => `a.${k}`).join(', ')}, ${columns.map((c) => `a.${c} - b.${c} as ${c}`).join(', ')}
  from grouped_after a join grouped_before b using (${KEYS.join(', ')})
), agent_rows as (
  update interval_stat s set ${set('s')} from d where ${on('s', KEYS)} returning 1
), queue_rows as (
  update queue_interval_stat s set ${set('s')}
  from (select ${QUEUE_KEYS.join(', ')}, ${columns.map((c) => `sum(${c}) as ${c}`).join(', ')}
        from d group by ${QUEUE_KEYS.join(', ')}) d
  where ${on('s', QUEUE_KEYS)} returning 1
)
select (select count(*) from new_keys k
        where not exists (select 1 from contact_key c where c.source = k.source and c.external_id = k.external_id))::int as held,
       (select count(*) from agent_rows) + (select count(*) from queue_rows) as updated`,
    [keys.map((k) => k.source), keys.map((k) => k.external_id), keys.map((k) => k.seq), watermark],
  );
  return result.rows[0].held;
}
