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

/** Scopes kept per staff process (each a set of codes' members). */
export const SCOPE_CACHE_ENTRIES = 1000;

/** The version of everything a scope is resolved from, raised by a trigger on every write (roster_version). */
export async function rosterVersion(em: EntityManager): Promise<string> {
  const [row] = await em.execute<{ version: string }[]>(
    `select version::text from roster_version where id = 1`,
  );
  return row?.version ?? '';
}

/**
 * Staff answers scope questions from its own tables (other subgraphs ask it through the gateway).
 * Resolved scopes are kept while the roster version and the day are the same (issue 23: every staff
 * request of a scoped caller resolved its members again): a request reads the version (one
 * single-row statement) and resolves members only when that changed or the codes are new. Members
 * resolved after the version was read are at least as new as it, so a kept answer is never older
 * than the version it is kept under; any write to centers, teams, memberships or agents drops them all.
 */
export function staffScopeSource(orm: MikroORM, today: () => string = todayUtc): ScopeSource {
  const kept = new Map<string, Promise<ScopeMembers>>();
  let keptFor = '';
  return async (centers, teams) => {
    const em = orm.em.fork();
    const asOf = today();
    const version = `${await rosterVersion(em)}|${asOf}`;
    if (version !== keptFor) {
      kept.clear();
      keptFor = version;
    }
    const key = JSON.stringify([centers, teams]);
    const hit = kept.get(key);
    if (hit) return hit;
    const members = membersOfScope(em, centers, teams, asOf);
    if (kept.size >= SCOPE_CACHE_ENTRIES) kept.delete(kept.keys().next().value as string);
    kept.set(key, members);
    members.catch(() => kept.delete(key));
    return members;
  };
}
