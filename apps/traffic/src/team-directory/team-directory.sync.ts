import type { EntityManager } from '@mikro-orm/postgresql';
import { GraphQLError } from 'graphql';
import { inPgTransaction } from '../ingest/pg-client';

interface AgentPage {
  agents: {
    nodes: {
      employeeNo: string;
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
  nodes { employeeNo teamHistory { validFrom validTo team { id center { id } } } }
  pageInfo { endCursor hasNextPage } } }`;

export interface TeamDirectorySyncResult {
  agents: number;
  periods: number;
}

/** Where the sync reads staff data: the gateway (SWITCHBOARD_GATEWAY_URL, default as under npm start). */
export function gatewayUrl(env: NodeJS.ProcessEnv = process.env): string {
  return env.SWITCHBOARD_GATEWAY_URL ?? 'http://localhost:4000/graphql';
}

/**
 * The traffic service's own credentials for the gateway (SWITCHBOARD_SERVICE_TOKEN): a token from
 * the identity provider for this service (under `npm start`, a development token it makes).
 */
function serviceAuthorization(env: NodeJS.ProcessEnv = process.env): Record<string, string> {
  const token = env.SWITCHBOARD_SERVICE_TOKEN;
  return token ? { authorization: `Bearer ${token}` } : {};
}

/**
 * Replaces the copy of staff's team history with what the gateway reports now, in one transaction:
 * readers see the old copy or the new one, never half of each.
 */
export async function syncTeamDirectory(
  em: EntityManager,
  url = gatewayUrl(),
): Promise<TeamDirectorySyncResult> {
  const rows: [string, string, string | null, string, string][] = [];
  let agents = 0;
  let after: string | null = null;
  do {
    let body: { data?: AgentPage; errors?: { message: string }[] };
    try {
      const response = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...serviceAuthorization() },
        body: JSON.stringify({ query: PAGE, variables: { after } }),
        signal: AbortSignal.timeout(30_000),
      });
      body = (await response.json()) as typeof body;
    } catch (error) {
      throw new GraphQLError(
        `team directory: the gateway at ${url} did not answer (${(error as Error).message})`,
        {
          extensions: { code: 'SUBGRAPH_UNAVAILABLE' },
        },
      );
    }
    if (!body.data) {
      throw new GraphQLError(
        `team directory: the gateway refused the query: ${body.errors?.map((e) => e.message).join('; ')}`,
        {
          extensions: { code: 'SUBGRAPH_UNAVAILABLE' },
        },
      );
    }
    for (const agent of body.data.agents.nodes) {
      agents += 1;
      for (const p of agent.teamHistory)
        rows.push([agent.employeeNo, p.validFrom, p.validTo, p.team.id, p.team.center.id]);
    }
    after = body.data.agents.pageInfo.hasNextPage ? body.data.agents.pageInfo.endCursor : null;
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
  });
  return { agents, periods: rows.length };
}
