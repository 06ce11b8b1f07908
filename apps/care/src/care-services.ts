import { queryGateway } from '@switchboard/subgraph-kit';

/**
 * care's time and its outside collaborators, one place, so tests drive them: the clock every
 * time-dependent piece reads (commitment status, the sweeper, KPIs "as of"), the contacts of traffic
 * and the people of staff asked through the gateway, and the webhook a notification goes to.
 */
export type Clock = () => Date;

/** A traffic contact as care needs it (asked by natural key). */
export interface CareContact {
  source: string;
  externalId: string;
  channel: string;
  direction: 'INBOUND' | 'OUTBOUND';
  outcome: string;
  arrivedAt: Date;
  agentNo: string | null;
  /** The customer's key as traffic keeps it (service recovery's customer). */
  customerKey?: string | null;
}

/** Contacts by natural key, in order, null where unknown: one batched call. */
export type ContactSource = (
  keys: ReadonlyArray<{ source: string; externalId: string }>,
) => Promise<(CareContact | null)[]>;

/**
 * The owner's team as of the due day and that team's lead at the due time. The center manager and ROLE:<role> recipients are
 * addressed by role and center (read in-app by whoever holds the role there), not by a person.
 */
export interface RecipientAsk {
  ownerEmployeeNo: string;
  /** local day of the due time, YYYY-MM-DD (the owner's team that day) */
  asOf: string;
  /** the due time (the lead the team had then) */
  at: Date;
}
export interface RecipientAnswer {
  teamId: string | null;
  teamLead: string | null;
}
/** One batched call per sweep for every commitment fired. */
export type RecipientDirectory = (asks: readonly RecipientAsk[]) => Promise<RecipientAnswer[]>;

/** Where an agent works now (staff's Agent: current team and its center); null: no such agent. */
export interface AgentPlacement {
  employeeNo: string;
  teamId: string | null;
  centerId: string | null;
}
/** Agents by employee number, in order: one batched call (a reassignment's target is checked here). */
export type AgentDirectory = (employeeNos: readonly string[]) => Promise<(AgentPlacement | null)[]>;

/** A customer's contact as the matcher needs it. */
export interface CustomerContact extends CareContact {
  customerKey: string;
  /** answered by an agent (a call that reached the other side, a chat taken) */
  answered: boolean;
}

/**
 * The contacts of these customers that traffic ingested after `since` (by ingestion, so a late
 * file is not missed), oldest first, at most `first`; one batched call per 500 keys.
 */
export type CustomerContactFeed = (
  customerKeys: readonly string[],
  since: Date,
  first: number,
) => Promise<CustomerContact[]>;

const CONTACTS_OF_CUSTOMERS = `query CareCustomerContacts($keys: [String!]!, $since: DateTimeISO!, $first: Int!) {
  contactsOfCustomers(customerKeys: $keys, arrivedAfter: $since, first: $first) {
    source externalId customerKey channel direction outcome arrivedAt agent { employeeNo } } }`;

/**
 * traffic's contactsOfCustomers through the gateway, 500 customer keys a call: the contacts that
 * arrived after the matcher's watermark. (A contact imported later than newer ones of the same
 * customer, with an older arrival, is not seen: imports of a day arrive together.)
 */
export const gatewayCustomerContactFeed: CustomerContactFeed = async (keys, since, first) => {
  const out: CustomerContact[] = [];
  for (let i = 0; i < keys.length; i += 500) {
    const data = await queryGateway<{
      contactsOfCustomers: Array<
        Omit<CustomerContact, 'arrivedAt' | 'agentNo' | 'answered'> & {
          arrivedAt: string;
          agent: { employeeNo: string } | null;
        }
      >;
    }>(
      CONTACTS_OF_CUSTOMERS,
      { keys: keys.slice(i, i + 500), since: since.toISOString(), first },
      {
        purpose: 'commitment matching',
      },
    );
    for (const c of data.contactsOfCustomers) {
      out.push({
        ...c,
        arrivedAt: new Date(c.arrivedAt),
        agentNo: c.agent?.employeeNo ?? null,
        answered: c.outcome === 'ANSWERED',
      });
    }
  }
  return out;
};

const PLACEMENTS = `query CareAgentPlacements($nos: [String!]!) {
  agentsByEmployeeNo(employeeNos: $nos) { employeeNo team { id } center { id } } }`;

/** staff's agents through the gateway, 500 a call. */
export const gatewayAgentDirectory: AgentDirectory = async (employeeNos) => {
  const found = new Map<string, AgentPlacement>();
  const unique = [...new Set(employeeNos)];
  for (let i = 0; i < unique.length; i += 500) {
    const data = await queryGateway<{
      agentsByEmployeeNo: Array<{
        employeeNo: string;
        team: { id: string } | null;
        center: { id: string } | null;
      } | null>;
    }>(PLACEMENTS, { nos: unique.slice(i, i + 500) }, { purpose: 'reassignment target' });
    for (const a of data.agentsByEmployeeNo) {
      if (a)
        found.set(a.employeeNo, {
          employeeNo: a.employeeNo,
          teamId: a.team?.id.toLowerCase() ?? null,
          centerId: a.center?.id.toLowerCase() ?? null,
        });
    }
  }
  return employeeNos.map((no) => found.get(no) ?? null);
};

export type WebhookSender = (url: string, body: unknown) => Promise<void>;

export interface CareServices {
  clock: Clock;
  contacts: ContactSource;
  customerContacts: CustomerContactFeed;
  directory: RecipientDirectory;
  agents: AgentDirectory;
  webhookUrl: string | null;
  sendWebhook: WebhookSender;
}

const CONTACTS_BY_KEYS = `query CareContacts($keys: [ContactKeyInput!]!) {
  contactsByKeys(keys: $keys) { source externalId channel direction outcome arrivedAt customerKey agent { employeeNo } }
}`;

/** traffic's contactsByKeys through the gateway, 500 keys a call. */
export const gatewayContactSource: ContactSource = async (keys) => {
  const out: (CareContact | null)[] = [];
  for (let i = 0; i < keys.length; i += 500) {
    const page = keys.slice(i, i + 500).map((k) => ({ source: k.source, externalId: k.externalId }));
    const data = await queryGateway<{
      contactsByKeys: Array<
        | (Omit<CareContact, 'arrivedAt' | 'agentNo'> & {
            arrivedAt: string;
            agent: { employeeNo: string } | null;
          })
        | null
      >;
    }>(CONTACTS_BY_KEYS, { keys: page }, { purpose: 'commitment contact check' });
    for (const c of data.contactsByKeys) {
      out.push(c && { ...c, arrivedAt: new Date(c.arrivedAt), agentNo: c.agent?.employeeNo ?? null });
    }
  }
  return out;
};

const DIRECTORY = `query CareRecipients($nos: [String!]!) {
  agentsByEmployeeNo(employeeNos: $nos) { employeeNo teamHistory { validFrom validTo team { id } } }
}`;

const LEADS_AT = `query CareLeadsAt($asks: [TeamLeadAskInput!]!) { teamLeadsAt(asks: $asks) { employeeNo } }`;

/**
 * staff through the gateway, in two batched calls per sweep (500 keys a call): the owner's team on
 * the due day from the agent's dated team history, then the lead each of those teams had at the due
 * instant from the team's dated lead history (not today's lead: a lead who took over after the
 * promise fell due was not the one responsible).
 */
export const gatewayRecipientDirectory: RecipientDirectory = async (asks) => {
  if (!asks.length) return [];
  const nos = [...new Set(asks.map((a) => a.ownerEmployeeNo))];
  type Agent = {
    employeeNo: string;
    teamHistory: Array<{ validFrom: string; validTo: string | null; team: { id: string } }>;
  };
  const agents = new Map<string, Agent>();
  for (let i = 0; i < nos.length; i += 500) {
    const data = await queryGateway<{ agentsByEmployeeNo: Array<Agent | null> }>(
      DIRECTORY,
      { nos: nos.slice(i, i + 500) },
      { purpose: 'escalation recipients' },
    );
    for (const a of data.agentsByEmployeeNo) if (a) agents.set(a.employeeNo, a);
  }
  const teamIds = asks.map(
    (ask) =>
      agents
        .get(ask.ownerEmployeeNo)
        ?.teamHistory.find((p) => p.validFrom <= ask.asOf && (p.validTo === null || p.validTo > ask.asOf))
        ?.team.id ?? null,
  );
  // one question per distinct (team, instant)
  const keyOf = (teamId: string, at: Date) => `${teamId}@${at.toISOString()}`;
  const questions = new Map<string, { teamId: string; at: string }>();
  asks.forEach((ask, i) => {
    const teamId = teamIds[i];
    if (teamId) questions.set(keyOf(teamId, ask.at), { teamId, at: ask.at.toISOString() });
  });
  const list = [...questions.entries()];
  const leadOf = new Map<string, string | null>();
  for (let i = 0; i < list.length; i += 500) {
    const page = list.slice(i, i + 500);
    const data = await queryGateway<{ teamLeadsAt: Array<{ employeeNo: string } | null> }>(
      LEADS_AT,
      { asks: page.map(([, q]) => q) },
      { purpose: 'escalation recipients' },
    );
    page.forEach(([key], j) => leadOf.set(key, data.teamLeadsAt[j]?.employeeNo ?? null));
  }
  return asks.map((ask, i) => {
    const teamId = teamIds[i];
    return { teamId, teamLead: teamId ? (leadOf.get(keyOf(teamId, ask.at)) ?? null) : null };
  });
};

const postJson: WebhookSender = async (url, body) => {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
    signal: AbortSignal.timeout(10_000),
  });
  if (!response.ok) throw new Error(`webhook answered ${response.status}`);
};

const defaults = (): CareServices => ({
  clock: () => new Date(),
  contacts: gatewayContactSource,
  customerContacts: gatewayCustomerContactFeed,
  directory: gatewayRecipientDirectory,
  agents: gatewayAgentDirectory,
  webhookUrl: process.env.CARE_ESCALATION_WEBHOOK_URL || null,
  sendWebhook: postJson,
});

let current: CareServices = defaults();

export function careServices(): CareServices {
  return current;
}

/** Tests (and start-up) replace some of them; returns the restore. */
export function configureCare(overrides: Partial<CareServices>): () => void {
  const before = current;
  current = { ...current, ...overrides };
  return () => {
    current = before;
  };
}

export const careNow = (): Date => current.clock();
