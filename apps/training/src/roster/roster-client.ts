import { queryGateway } from '@switchboard/subgraph-kit';
import type { AgentRole } from '../model/enums';

/**
 * Training keeps no copy of the roster: it asks staff, through the gateway, at the moment it needs
 * to (who is in a team, center, role or skill; does an employee number exist).
 */
export interface RosterFilter {
  teamIds?: string[] | null;
  centerIds?: string[] | null;
  roles?: AgentRole[] | null;
  skillCodes?: string[] | null;
  employeeNos?: string[] | null;
}

interface AgentPage {
  agents: { nodes: { employeeNo: string }[]; pageInfo: { endCursor: string | null; hasNextPage: boolean } };
}

const PAGE = `query($filter: AgentFilter, $after: String) {
  agents(filter: $filter, first: 500, after: $after) { nodes { employeeNo } pageInfo { endCursor hasNextPage } } }`;

/** Terminated agents are not assigned training. */
const CURRENT = ['ACTIVE', 'ON_LEAVE'];

/** Employee numbers of the current agents matching a filter (staff's AgentFilter, fields AND-ed). */
export async function rosterEmployeeNos(filter: RosterFilter): Promise<string[]> {
  const found: string[] = [];
  let after: string | null = null;
  do {
    const page: AgentPage = await queryGateway<AgentPage>(
      PAGE,
      {
        filter: { ...filter, statuses: CURRENT },
        after,
      },
      { purpose: 'roster' },
    );
    found.push(...page.agents.nodes.map((a) => a.employeeNo));
    after = page.agents.pageInfo.hasNextPage ? page.agents.pageInfo.endCursor : null;
  } while (after);
  return found;
}

/** The subset of `employeeNos` staff does not know (any status), one gateway call per 500. */
export async function unknownEmployeeNos(employeeNos: readonly string[]): Promise<string[]> {
  const unique = [...new Set(employeeNos)];
  const known = new Set<string>();
  for (let i = 0; i < unique.length; i += 500) {
    const chunk = unique.slice(i, i + 500);
    const page = await queryGateway<AgentPage>(
      PAGE,
      {
        filter: { employeeNos: chunk },
        after: null,
      },
      { purpose: 'roster' },
    );
    for (const agent of page.agents.nodes) known.add(agent.employeeNo);
  }
  return unique.filter((n) => !known.has(n));
}
