import { randomBytes } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { ContactKey } from '../references/voc-references';

interface GraphQLRequest {
  query: string;
  variables?: Record<string, unknown>;
}

interface TeamPeriod {
  validFrom: string;
  validTo: string | null;
  team: { id: string };
}

interface WorldContact extends ContactKey {
  agent: string | null;
  queueCode: string | null;
  arrivedAt: string;
  endedAt: string;
}

/**
 * Stands in for the gateway in voc's integration tests (an app may not start another app): traffic's
 * `contactsByKeys`, answered over real HTTP from what the test put in, every request kept so a test
 * can check that an import asked in one batch.
 */
export class VocWorldDouble {
  readonly contacts = new Map<string, WorldContact>();
  readonly requests: GraphQLRequest[] = [];
  /** staff's team history of each agent (employee number → periods, validTo exclusive). */
  readonly teamHistory = new Map<string, TeamPeriod[]>();
  /** Traffic's repeat flag of a contact (absent: false), as `repeatedWithin` answers it. */
  readonly repeated = new Map<string, boolean | null>();
  private server?: Server;

  /** A new contact in traffic handled by `agent` in `queueCode`, [arrivedAt, endedAt]; returns its key. */
  contact(agent: string | null, queueCode: string | null, arrivedAt: string, endedAt: string): ContactKey {
    const key = { source: 'pbx', externalId: `call-${randomBytes(5).toString('hex')}` };
    this.contacts.set(JSON.stringify([key.source, key.externalId]), {
      ...key,
      agent,
      queueCode,
      arrivedAt,
      endedAt,
    });
    return key;
  }

  /** Traffic says the contact's customer came back within the window (null: it cannot say). */
  repeats(key: ContactKey, repeated: boolean | null = true): this {
    this.repeated.set(JSON.stringify([key.source, key.externalId]), repeated);
    return this;
  }

  /** `agent` belongs to `teamId` from `validFrom` until `validTo` (exclusive; null: still). */
  memberOf(agent: string, teamId: string, validFrom: string, validTo: string | null = null): this {
    this.teamHistory.set(agent, [
      ...(this.teamHistory.get(agent) ?? []),
      { validFrom, validTo, team: { id: teamId } },
    ]);
    return this;
  }

  /** Starts the double as the gateway voc asks (SWITCHBOARD_GATEWAY_URL), until `release`. */
  async serveAsGateway(): Promise<void> {
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
    process.env.SWITCHBOARD_GATEWAY_URL = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/graphql`;
  }

  async release(): Promise<void> {
    delete process.env.SWITCHBOARD_GATEWAY_URL;
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }

  private answer({ query, variables = {} }: GraphQLRequest): Record<string, unknown> {
    if (query.includes('repeatedWithin')) {
      const keys = variables.k as ContactKey[];
      return {
        contactsByKeys: keys.map((k) => {
          const id = JSON.stringify([k.source, k.externalId]);
          return this.contacts.has(id)
            ? { ...k, repeatedWithin: this.repeated.has(id) ? this.repeated.get(id) : false }
            : null;
        }),
      };
    }
    if (query.includes('contactsByKeys')) {
      const keys = variables.k as ContactKey[];
      return {
        contactsByKeys: keys.map((k) => {
          const c = this.contacts.get(JSON.stringify([k.source, k.externalId]));
          return c
            ? {
                source: c.source,
                externalId: c.externalId,
                queueCode: c.queueCode,
                arrivedAt: c.arrivedAt,
                endedAt: c.endedAt,
                agent: c.agent
                  ? { employeeNo: c.agent, teamHistory: this.teamHistory.get(c.agent) ?? [] }
                  : null,
              }
            : null;
        }),
      };
    }
    throw new Error(`the voc world double does not answer ${query}`);
  }
}
