import type { EntityManager } from '@mikro-orm/postgresql';
import { checkPageSize, decodeCursor, encodeCursor } from '@switchboard/subgraph-kit';
import { isUuid } from '../common/validation';
import { Agent } from './agent.entity';
import type { AgentFilter } from './agent.input';

export interface AgentPage {
  agents: Agent[];
  endCursor: string | null;
  hasNextPage: boolean;
  totalCount: number;
}

const escapeLike = (text: string): string => text.replace(/[\\%_]/g, (c) => `\\${c}`);

/**
 * Keyset pagination over agents by employee number, limited to `visibleEmployeeNos` (null: all): two
 * statements per page (rows, count).
 */
export async function searchAgents(
  em: EntityManager,
  filter: AgentFilter,
  first: number,
  after?: string | null,
  visibleEmployeeNos: string[] | null = null,
): Promise<AgentPage> {
  checkPageSize(first);
  const qb = em.createQueryBuilder(Agent, 'a');
  // the caller's scope (null: every agent), in the same statements as the filter
  if (visibleEmployeeNos) qb.andWhere({ employeeNo: { $in: visibleEmployeeNos } });
  if (filter.teamIds) qb.andWhere({ team: { $in: filter.teamIds.filter(isUuid) } });
  if (filter.centerIds) {
    qb.andWhere({ team: { center: { $in: filter.centerIds.filter(isUuid) } } });
  }
  if (filter.statuses) qb.andWhere({ status: { $in: filter.statuses } });
  if (filter.roles) qb.andWhere({ role: { $in: filter.roles } });
  if (filter.employeeNos) qb.andWhere({ employeeNo: { $in: filter.employeeNos } });
  if (filter.nameContains) qb.andWhere({ displayName: { $ilike: `%${escapeLike(filter.nameContains)}%` } });
  if (filter.skillCodes?.length) {
    const codes = filter.skillCodes;
    qb.andWhere(
      `exists (select 1 from agent_skill s join skill k on k.id = s.skill_id where s.agent_id = a.id and k.code in (${codes.map(() => '?').join(', ')}))`,
      codes,
    );
  } else if (filter.skillCodes) {
    qb.andWhere('false');
  }
  const totalCount = await qb.clone().getCount();
  if (after) {
    const [employeeNo] = decodeCursor(after);
    qb.andWhere({ employeeNo: { $gt: String(employeeNo) } });
  }
  const rows = await qb
    .orderBy({ employeeNo: 'asc' })
    .limit(first + 1)
    .getResultList();
  const agents = rows.slice(0, first);
  const last = agents.at(-1);
  return {
    agents,
    hasNextPage: rows.length > first,
    endCursor: last ? encodeCursor([last.employeeNo]) : null,
    totalCount,
  };
}
