import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** An agent as the test roster knows it. */
export interface RosterAgent {
  employeeNo: string;
  teamId?: string;
  centerId?: string;
  role?: string;
  skillCodes?: string[];
  status?: 'ACTIVE' | 'ON_LEAVE' | 'TERMINATED';
}

interface AgentFilter {
  employeeNos?: string[];
  teamIds?: string[];
  centerIds?: string[];
  roles?: string[];
  skillCodes?: string[];
  statuses?: string[];
}

/**
 * Stands in for the gateway in training's integration tests (an app may not start another app):
 * answers staff's `agents(filter, first, after)` from an in-memory roster, with staff's filter
 * semantics (lists AND-ed, any value of a list) and keyset pages by employee number. The real
 * gateway and staff answer the same query in tools/e2e/training.e2e-spec.ts.
 */
export class RosterDouble {
  readonly agents: RosterAgent[] = [];
  /** Every filter received, to check what training asked. */
  readonly requests: AgentFilter[] = [];
  private server?: Server;

  add(...agents: RosterAgent[]): void {
    this.agents.push(...agents);
  }

  async start(): Promise<string> {
    this.server = createServer((request, response) => {
      let body = '';
      request.on('data', (chunk: Buffer) => (body += chunk.toString()));
      request.on('end', () => {
        const { variables } = JSON.parse(body) as {
          variables: { filter?: AgentFilter; after?: string | null };
        };
        const filter = variables.filter ?? {};
        this.requests.push(filter);
        const matches = this.agents
          .filter((a) => this.matches(a, filter))
          .sort((a, b) => a.employeeNo.localeCompare(b.employeeNo))
          .filter((a) => !variables.after || a.employeeNo > variables.after);
        const page = matches.slice(0, 500);
        response.setHeader('content-type', 'application/json');
        response.end(
          JSON.stringify({
            data: {
              agents: {
                nodes: page.map((a) => ({ employeeNo: a.employeeNo })),
                pageInfo: { endCursor: page.at(-1)?.employeeNo ?? null, hasNextPage: matches.length > 500 },
              },
            },
          }),
        );
      });
    });
    await new Promise<void>((resolve) => this.server?.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/graphql`;
  }

  stop(): Promise<void> {
    return new Promise((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }

  private matches(agent: RosterAgent, filter: AgentFilter): boolean {
    const inList = (list: string[] | undefined, value: string | undefined) =>
      !list || (value !== undefined && list.includes(value));
    return (
      inList(filter.employeeNos, agent.employeeNo) &&
      inList(filter.teamIds, agent.teamId) &&
      inList(filter.centerIds, agent.centerId) &&
      inList(filter.roles, agent.role) &&
      inList(filter.statuses, agent.status ?? 'ACTIVE') &&
      (!filter.skillCodes || (agent.skillCodes ?? []).some((c) => filter.skillCodes?.includes(c)))
    );
  }
}
