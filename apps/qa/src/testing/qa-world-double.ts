import { randomBytes } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
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
  private server?: Server;

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

  async start(): Promise<string> {
    this.server = createServer((request, response) => {
      let body = '';
      request.on('data', (chunk: Buffer) => (body += chunk.toString()));
      request.on('end', () => {
        const parsed = JSON.parse(body) as GraphQLRequest;
        this.requests.push(parsed);
        response.setHeader('content-type', 'application/json');
        response.end(JSON.stringify({ data: this.answer(parsed) }));
      });
    });
    await new Promise<void>((resolve) => this.server?.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/graphql`;
  }

  /** Starts the double as the gateway QA asks (SWITCHBOARD_GATEWAY_URL), until `release`. */
  async serveAsGateway(): Promise<void> {
    process.env.SWITCHBOARD_GATEWAY_URL = await this.start();
  }

  async release(): Promise<void> {
    delete process.env.SWITCHBOARD_GATEWAY_URL;
    await this.stop();
  }

  stop(): Promise<void> {
    return new Promise((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
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
