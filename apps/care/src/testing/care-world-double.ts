import { startGatewayDouble, type GatewayDouble } from '@switchboard/testing';
import type { ContactKey, TrafficContact } from '../references/traffic-contacts';

interface GraphQLRequest {
  query: string;
  variables?: Record<string, unknown>;
}

/** A contact in the double, with its queue's center (traffic's scoping). */
export interface WorldContact extends TrafficContact {
  centerId: string | null;
}

const keyOf = (k: ContactKey) => JSON.stringify([k.source, k.externalId]);
const byCodeUnit = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * Stands in for the gateway in care's integration tests (an app may not start another app):
 * traffic's `contactsByKeys`, `contactsOfCustomer` and `customersWithContacts`, answered over real
 * HTTP from what the test put in, as the service's token sees them (everything). The real gateway
 * and traffic answer the same queries in tools/e2e (care.e2e-spec.ts).
 */
export class CareWorldDouble {
  readonly contacts = new Map<string, WorldContact>();
  /** staff's agents by employee number: their current team and its center (a reassignment's target). */
  readonly agents = new Map<string, { teamId: string | null; centerId: string | null }>();
  /** Every request received, to check that care asked in batches. */
  readonly requests: GraphQLRequest[] = [];
  private gateway?: GatewayDouble;
  private counter = 0;

  /** A new contact of `customerKey` handled by `agent` (null: nobody) at `arrivedAt`. */
  contact(
    customerKey: string | null,
    agent: string | null,
    arrivedAt: string,
    more: Partial<WorldContact> = {},
  ): WorldContact {
    this.counter += 1;
    const contact: WorldContact = {
      source: 'pbx',
      externalId: `call-${process.pid}-${this.counter}-${Math.random().toString(36).slice(2, 8)}`,
      channel: 'VOICE',
      direction: 'INBOUND',
      outcome: 'ANSWERED',
      arrivedAt: new Date(arrivedAt).toISOString(),
      queueCode: 'CARDS',
      customerKey,
      agent: agent ? { employeeNo: agent } : null,
      centerId: null,
      ...more,
    };
    this.contacts.set(keyOf(contact), contact);
    return contact;
  }

  async serveAsGateway(): Promise<void> {
    this.gateway = await startGatewayDouble({
      resolve: (request) => {
        this.requests.push(request);
        return this.answer(request);
      },
    });
  }

  async release(): Promise<void> {
    await this.gateway?.close();
  }

  private answer({ query, variables = {} }: GraphQLRequest): Record<string, unknown> {
    const strip = ({ centerId: _, ...c }: WorldContact): TrafficContact => c;
    if (query.includes('contactsByKeys')) {
      return {
        contactsByKeys: (variables.k as ContactKey[]).map((k) => {
          const c = this.contacts.get(keyOf(k));
          return c ? strip(c) : null;
        }),
      };
    }
    if (query.includes('CareAgentPlacements')) {
      return {
        agentsByEmployeeNo: (variables.nos as string[]).map((employeeNo) => {
          const agent = this.agents.get(employeeNo);
          return agent
            ? {
                employeeNo,
                team: agent.teamId ? { id: agent.teamId } : null,
                center: agent.centerId ? { id: agent.centerId } : null,
              }
            : null;
        }),
      };
    }
    if (query.includes('CareCustomerAndTimeline')) {
      // the scope check with the timelines' first pages, aliased served, p0, p1...
      const answer: Record<string, unknown> = { served: this.served(variables) };
      for (let i = 0; `k${i}` in variables; i++) {
        answer[`p${i}`] = this.contactsOfCustomer({
          keys: variables[`k${i}`],
          first: variables[`f${i}`],
          before: variables[`b${i}`],
        });
      }
      return answer;
    }
    if (query.includes('contactsOfCustomer'))
      return { contactsOfCustomer: this.contactsOfCustomer(variables) };
    if (query.includes('customersWithContacts')) return { customersWithContacts: this.served(variables) };
    if (query.includes('trafficStats')) {
      // answered contacts of a period (TOTAL), of some centers: what complaintKpis asks
      const filter = variables.filter as { from: string; to: string; centerIds?: string[] };
      const answered = [...this.contacts.values()].filter(
        (c) =>
          c.outcome === 'ANSWERED' &&
          c.arrivedAt >= new Date(filter.from).toISOString() &&
          c.arrivedAt < new Date(filter.to).toISOString() &&
          (!filter.centerIds || (c.centerId != null && filter.centerIds.includes(c.centerId))),
      ).length;
      return { trafficStats: [{ answered }] };
    }
    throw new Error(`the care world double does not answer ${query}`);
  }

  private contactsOfCustomer(variables: Record<string, unknown>): TrafficContact[] {
    const strip = ({ centerId: _, ...c }: WorldContact): TrafficContact => c;
    const keys = new Set(variables.keys as string[]);
    const before = variables.before as { arrivedAt: string; source: string; externalId: string } | null;
    const position = (c: { arrivedAt: string; source: string; externalId: string }) =>
      [Date.parse(c.arrivedAt), c.source, c.externalId] as const;
    const older = (c: WorldContact) => {
      if (!before) return true;
      const [a, s, e] = position(c);
      const [ba, bs, be] = position(before);
      return a < ba || (a === ba && (byCodeUnit(s, bs) < 0 || (s === bs && byCodeUnit(e, be) < 0)));
    };
    return [...this.contacts.values()]
      .filter((c) => c.customerKey && keys.has(c.customerKey) && older(c))
      .sort((x, y) => {
        const [xa, xs, xe] = position(x);
        const [ya, ys, ye] = position(y);
        return ya - xa || byCodeUnit(ys, xs) || byCodeUnit(ye, xe);
      })
      .slice(0, variables.first as number)
      .map(strip);
  }

  private served(variables: Record<string, unknown>): string[] {
    const agents = variables.agents as string[] | null;
    const centers = variables.centers as string[] | null;
    const served = (c: WorldContact) =>
      (!agents && !centers) ||
      (c.agent != null && (agents ?? []).includes(c.agent.employeeNo)) ||
      (c.centerId != null && (centers ?? []).includes(c.centerId));
    return (variables.keys as string[]).filter((k) =>
      [...this.contacts.values()].some((c) => c.customerKey === k && served(c)),
    );
  }
}
