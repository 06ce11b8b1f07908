import type { EntityManager } from '@mikro-orm/postgresql';
import { gatewayUrl, queryGateway } from '@switchboard/subgraph-kit';
import { inPgTransaction } from '../ingest/pg-client';

interface AgentPage {
  agents: {
    nodes: {
      employeeNo: string;
      role: string;
      careerLevel: number;
      teamHistory: {
        validFrom: string;
        validTo: string | null;
        team: { id: string; center: { id: string } };
      }[];
    }[];
    pageInfo: { endCursor: string | null; hasNextPage: boolean };
  };
}

const PAGE = `query($after: String) { agents(first: 500, after: $after) {
  nodes { employeeNo role careerLevel teamHistory { validFrom validTo team { id center { id } } } }
  pageInfo { endCursor hasNextPage } } }`;

export interface TeamDirectorySyncResult {
  agents: number;
  periods: number;
}

/**
 * Replaces the copy of staff's team history (and of each agent's role and career level) with what the gateway reports now, in one transaction:
 * readers see the old copy or the new one, never half of each.
 */
export async function syncTeamDirectory(
  em: EntityManager,
  url = gatewayUrl(),
): Promise<TeamDirectorySyncResult> {
  const rows: [string, string, string | null, string, string][] = [];
  // each agent's current role and career level: what role and level cost rates match
  const grades: [string, string, number][] = [];
  let agents = 0;
  let after: string | null = null;
  do {
    const page: AgentPage = await queryGateway<AgentPage>(
      PAGE,
      { after },
      { purpose: 'team directory', url },
    );
    for (const agent of page.agents.nodes) {
      agents += 1;
      grades.push([agent.employeeNo, agent.role, agent.careerLevel]);
      for (const p of agent.teamHistory)
        rows.push([agent.employeeNo, p.validFrom, p.validTo, p.team.id, p.team.center.id]);
    }
    after = page.agents.pageInfo.hasNextPage ? page.agents.pageInfo.endCursor : null;
  } while (after);
  await inPgTransaction(em, async (client) => {
    await client.query('delete from agent_team_period');
    await client.query(
      `insert into agent_team_period (employee_no, valid_from, valid_to, team_id, center_id)
       select * from unnest($1::text[], $2::date[], $3::date[], $4::uuid[], $5::uuid[])`,
      [
        rows.map((r) => r[0]),
        rows.map((r) => r[1]),
        rows.map((r) => r[2]),
        rows.map((r) => r[3]),
        rows.map((r) => r[4]),
      ],
    );
    await client.query('delete from agent_grade');
    await client.query(
      `insert into agent_grade (employee_no, role, career_level)
       select * from unnest($1::text[], $2::text[], $3::smallint[])`,
      [grades.map((g) => g[0]), grades.map((g) => g[1]), grades.map((g) => g[2])],
    );
  });
  return { agents, periods: rows.length };
}
