import type { EntityManager } from '@mikro-orm/postgresql';
import { badUserInput } from '@switchboard/server';
import { visibleContactsSql, type ContactVisibility } from '../access/contact-visibility';
import { CONTACT_COLUMNS, toContactType, type ContactSqlRow } from './contact-lookup';
import type { ContactSampleInput } from './contact-sample.input';
import type { ContactType } from './contact.type';

const MAX_SAMPLE_DAYS = 93;

/**
 * Draws up to `perAgent` answered contacts per agent, at random but reproducibly, in SQL: contacts
 * are ranked per agent by md5(seed, source, externalId), a hash that does not depend on row order,
 * insertion order or the plan PostgreSQL picks. Filters travel as JSON arrays (one statement).
 */
export async function drawContactSample(
  em: EntityManager,
  input: ContactSampleInput,
  visibility: ContactVisibility | null = null,
): Promise<ContactType[]> {
  if (input.to.getTime() <= input.from.getTime())
    throw badUserInput({ field: 'to', message: 'must be after from' });
  if (input.to.getTime() - input.from.getTime() > MAX_SAMPLE_DAYS * 86_400_000)
    throw badUserInput({ field: 'to', message: `must be at most ${MAX_SAMPLE_DAYS} days after from` });
  const list = (values: readonly string[] | null | undefined): string | null =>
    values && values.length ? JSON.stringify(values) : null;
  const visible = visibleContactsSql(visibility, 'c.agent', 'q.center_id');
  const rows = await em.execute<ContactSqlRow[]>(
    `select * from (
       select ${CONTACT_COLUMNS},
         row_number() over (
           partition by c.agent
           order by md5(?::text || chr(31) || c.source || chr(31) || c.external_id), c.source, c.external_id
         ) as draw
       from contact c left join queue q on q.id = c.queue_id
       where c.arrived_at >= ? and c.arrived_at < ? and c.outcome = 'ANSWERED' and c.agent is not null
         and (?::jsonb is null or c.agent in (select jsonb_array_elements_text(?::jsonb)))
         and (?::jsonb is null or q.code in (select jsonb_array_elements_text(?::jsonb)))
         and (?::jsonb is null or c.channel::text in (select jsonb_array_elements_text(?::jsonb)))
         and ${visible.sql}
     ) drawn
     where draw <= ?
     order by agent, draw`,
    [
      input.seed,
      input.from,
      input.to,
      ...[list(input.employeeNos), list(input.queueCodes), list(input.channels)].flatMap((v) => [v, v]),
      ...visible.params,
      input.perAgent,
    ],
  );
  return rows.map(toContactType);
}
