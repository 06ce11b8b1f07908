import type { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import type { ScopeMembers, ScopeSource } from '@switchboard/subgraph-kit';
import { todayUtc } from '../common/validation';

/**
 * Centers and teams by code -> their ids and today's members, in one statement. A center brings
 * its teams and their members; unknown codes bring nothing.
 */
export async function membersOfScope(
  em: EntityManager,
  centers: readonly string[],
  teams: readonly string[],
  asOf: string = todayUtc(),
): Promise<ScopeMembers> {
  const [row] = await em.execute<{ center_ids: string[]; team_ids: string[]; employee_nos: string[] }[]>(
    `with c as (select id from center where code in (select jsonb_array_elements_text(?::jsonb))),
          t as (select id from team
                 where code in (select jsonb_array_elements_text(?::jsonb)) or center_id in (select id from c))
     select (select coalesce(array_agg(id::text order by id), '{}') from c) as center_ids,
            (select coalesce(array_agg(id::text order by id), '{}') from t) as team_ids,
            (select coalesce(array_agg(distinct a.employee_no), '{}')
               from team_membership m join agent a on a.id = m.agent_id
              where m.team_id in (select id from t)
                and m.valid_from <= ?::date and (m.valid_to is null or m.valid_to > ?::date)) as employee_nos`,
    [JSON.stringify(centers), JSON.stringify(teams), asOf, asOf],
  );
  return { centerIds: row.center_ids, teamIds: row.team_ids, employeeNos: row.employee_nos };
}

/** Staff answers scope questions from its own tables (other subgraphs ask it through the gateway). */
export function staffScopeSource(orm: MikroORM): ScopeSource {
  return (centers, teams) => membersOfScope(orm.em.fork(), centers, teams);
}
