import { startGatewayDouble, type GatewayDouble, type GatewayDoubleRequest } from '@switchboard/testing';
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
  private gateway?: GatewayDouble;

  /** Teams, centers or skills staff holds without an agent in them. */
  addExisting(kind: 'team' | 'center' | 'skill', ...values: string[]): void {
    for (const value of values) this.extra[kind].add(kind === 'skill' ? value : value.toLowerCase());
  }

  add(...agents: RosterAgent[]): void {
    this.agents.push(...agents);
  }

  async start(): Promise<string> {
    this.gateway = await startGatewayDouble({ asGateway: false, resolve: (request) => this.answer(request) });
    return this.gateway.url;
  }

  async stop(): Promise<void> {
    await this.gateway?.close();
  }

  private answer({ query, variables }: GatewayDoubleRequest): unknown {
    if (query.startsWith('query References')) {
      return this.references(query, variables as Record<string, string[]>);
    }
    const { filter = {}, after } = variables as { filter?: AgentFilter; after?: string | null };
    this.requests.push(filter);
    const matches = this.agents
      .filter((a) => this.matches(a, filter))
      .sort((a, b) => a.employeeNo.localeCompare(b.employeeNo))
      .filter((a) => !after || a.employeeNo > after);
    const page = matches.slice(0, 500);
    return {
      agents: {
        nodes: page.map((a) => ({ employeeNo: a.employeeNo })),
        pageInfo: { endCursor: page.at(-1)?.employeeNo ?? null, hasNextPage: matches.length > 500 },
      },
    };
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
