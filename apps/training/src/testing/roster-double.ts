import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { parse, type FieldNode, type OperationDefinitionNode } from 'graphql';

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
 * semantics (lists AND-ed, any value of a list) and keyset pages by employee number; and the
 * reference checks of subgraph-kit (staff's teamsById, centersById, skillsByCode, agentsByEmployeeNo):
 * a team, center or skill exists when an agent has it or a test added it. The real gateway and staff
 * answer the same queries in tools/e2e/training.e2e-spec.ts.
 */
export class RosterDouble {
  readonly agents: RosterAgent[] = [];
  /** Every filter received, to check what training asked. */
  readonly requests: AgentFilter[] = [];
  /** Every reference check received (kind -> keys asked). */
  readonly referenceChecks: Record<string, string[]>[] = [];
  private readonly extra = { team: new Set<string>(), center: new Set<string>(), skill: new Set<string>() };
  private server?: Server;

  /** Teams, centers or skills staff holds without an agent in them. */
  addExisting(kind: 'team' | 'center' | 'skill', ...values: string[]): void {
    for (const value of values) this.extra[kind].add(kind === 'skill' ? value : value.toLowerCase());
  }

  add(...agents: RosterAgent[]): void {
    this.agents.push(...agents);
  }

  async start(): Promise<string> {
    this.server = createServer((request, response) => {
      let body = '';
      request.on('data', (chunk: Buffer) => (body += chunk.toString()));
      request.on('end', () => {
        const { query, variables } = JSON.parse(body) as {
          query: string;
          variables: { filter?: AgentFilter; after?: string | null };
        };
        response.setHeader('content-type', 'application/json');
        if (query.startsWith('query References')) {
          response.end(
            JSON.stringify({ data: this.references(query, variables as Record<string, string[]>) }),
          );
          return;
        }
        const filter = variables.filter ?? {};
        this.requests.push(filter);
        const matches = this.agents
          .filter((a) => this.matches(a, filter))
          .sort((a, b) => a.employeeNo.localeCompare(b.employeeNo))
          .filter((a) => !variables.after || a.employeeNo > variables.after);
        const page = matches.slice(0, 500);
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

  /** Answers a reference check as staff's batched lookups do: in the keys' order, null where none. */
  private references(query: string, variables: Record<string, string[]>): Record<string, unknown[]> {
    const fields = (parse(query).definitions[0] as OperationDefinitionNode).selectionSet
      .selections as FieldNode[];
    this.referenceChecks.push(variables);
    const has: Record<string, (key: string) => boolean> = {
      agentsByEmployeeNo: (n) => this.agents.some((a) => a.employeeNo === n),
      teamsById: (id) => this.extra.team.has(id) || this.agents.some((a) => a.teamId?.toLowerCase() === id),
      centersById: (id) =>
        this.extra.center.has(id) || this.agents.some((a) => a.centerId?.toLowerCase() === id),
      skillsByCode: (c) => this.extra.skill.has(c) || this.agents.some((a) => a.skillCodes?.includes(c)),
    };
    return Object.fromEntries(
      fields.map((field) => {
        const alias = field.alias?.value ?? field.name.value;
        const key = (field.selectionSet?.selections[0] as FieldNode).name.value;
        const known = has[field.name.value] ?? (() => false);
        return [alias, variables[alias].map((value) => (known(value) ? { [key]: value } : null))];
      }),
    );
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
