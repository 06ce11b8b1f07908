import { randomBytes } from 'node:crypto';
import { startGatewayDouble, type GatewayDouble } from '@switchboard/testing';
import type { ContactKey, StaffMember } from '../references/qa-references';

interface GraphQLRequest {
  query: string;
  variables?: Record<string, unknown>;
}

interface WorldContact extends ContactKey {
  agent: string | null;
}

/**
 * Stands in for the gateway in QA's integration tests (an app may not start another app): staff's
 * `agents(filter: {employeeNos})`, traffic's `contactsByKeys`, `queues` and `contactSample`, answered
 * over real HTTP from what the test put in. The real gateway, staff and traffic answer the same
 * queries in tools/e2e (qa.e2e-spec.ts, qa-sampling.e2e-spec.ts).
 */
export class QaWorldDouble {
  readonly staff = new Map<string, StaffMember>();
  readonly contacts = new Map<string, WorldContact>();
  readonly queues = new Set<string>();
  /** Every request received, to check what QA asked (and that it asked in batches). */
  readonly requests: GraphQLRequest[] = [];
  private gateway?: GatewayDouble;

  /** People in staff; `role` AGENT unless given. */
  person(employeeNos: string | string[], role = 'AGENT', status = 'ACTIVE'): this {
    for (const employeeNo of [employeeNos].flat()) this.staff.set(employeeNo, { employeeNo, role, status });
    return this;
  }

  evaluator(...employeeNos: string[]): this {
    return this.person(employeeNos, 'QA_EVALUATOR');
  }

  /** A new contact in traffic handled by `agent` (null: nobody, e.g. abandoned); returns its key. */
  contact(agent: string | null, source = 'pbx'): ContactKey {
    const key = { source, externalId: `call-${randomBytes(5).toString('hex')}` };
    this.contacts.set(JSON.stringify([key.source, key.externalId]), { ...key, agent });
    return key;
  }

  async start(asGateway = false): Promise<string> {
    this.gateway = await startGatewayDouble({
      asGateway,
      resolve: (request) => {
        this.requests.push(request);
        return this.answer(request);
      },
    });
    return this.gateway.url;
  }

  /** Starts the double as the gateway QA asks (SWITCHBOARD_GATEWAY_URL), until `release`. */
  async serveAsGateway(): Promise<void> {
    await this.start(true);
  }

  async release(): Promise<void> {
    await this.stop();
  }

  async stop(): Promise<void> {
    await this.gateway?.close();
  }

  private answer({ query, variables = {} }: GraphQLRequest): Record<string, unknown> {
    if (query.includes('contactsByKeys')) {
      const keys = variables.k as ContactKey[];
      return {
        contactsByKeys: keys.map((k) => {
          const c = this.contacts.get(JSON.stringify([k.source, k.externalId]));
          return c
            ? { source: c.source, externalId: c.externalId, agent: c.agent ? { employeeNo: c.agent } : null }
            : null;
        }),
      };
    }
    if (query.includes('agents(')) {
      const wanted = ((variables.filter as { employeeNos?: string[] } | undefined)?.employeeNos ?? []).filter(
        (n) => this.staff.has(n),
      );
      return {
        agents: {
          nodes: wanted.map((n) => this.staff.get(n)),
          pageInfo: { endCursor: null, hasNextPage: false },
        },
      };
    }
    if (query.includes('contactSample')) return { contactSample: [] };
    if (query.includes('queues')) return { queues: [...this.queues].map((code) => ({ code })) };
    throw new Error(`the QA world double does not answer ${query}`);
  }
}
