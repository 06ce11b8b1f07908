import { queryGateway } from '@switchboard/subgraph-kit';

export interface ContactKey {
  source: string;
  externalId: string;
}

/** A contact as traffic holds it (read through the gateway, never from traffic's tables). */
export interface TrafficContact extends ContactKey {
  channel: string;
  direction: string;
  outcome: string;
  arrivedAt: string;
  queueCode: string | null;
  customerKey: string | null;
  agent: { employeeNo: string } | null;
}

export const contactKeyOf = (key: ContactKey): string => JSON.stringify([key.source, key.externalId]);

/** traffic's page size for contactsByKeys. */
const BATCH = 500;

export const CONTACT_FIELDS =
  'source externalId channel direction outcome arrivedAt queueCode customerKey agent { employeeNo }';
const BY_KEYS = `query CareContacts($k: [ContactKeyInput!]!) { contactsByKeys(keys: $k) { ${CONTACT_FIELDS} } }`;

/** The contacts traffic holds among these keys, by contactKeyOf: one gateway call per 500 keys. */
export async function trafficContacts(keys: readonly ContactKey[]): Promise<Map<string, TrafficContact>> {
  const unique = [...new Map(keys.map((k) => [contactKeyOf(k), k])).values()];
  const found = new Map<string, TrafficContact>();
  for (let i = 0; i < unique.length; i += BATCH) {
    const chunk = unique.slice(i, i + BATCH).map((k) => ({ source: k.source, externalId: k.externalId }));
    const answer = await queryGateway<{ contactsByKeys: (TrafficContact | null)[] }>(
      BY_KEYS,
      { k: chunk },
      { purpose: 'contact check' },
    );
    for (const c of answer.contactsByKeys) if (c) found.set(contactKeyOf(c), c);
  }
  return found;
}

export interface ContactCursor {
  arrivedAt: string;
  source: string;
  externalId: string;
}

const OF_CUSTOMER = `query CareTimeline($keys: [String!]!, $first: Int!, $before: ContactCursorInput) {
  contactsOfCustomer(customerKeys: $keys, first: $first, before: $before) { ${CONTACT_FIELDS} } }`;

/**
 * A customer's contacts on every channel, newest first (arrived time, then source and external id
 * descending), strictly before `before`: one gateway call, keyset-paginated in traffic.
 */
export async function contactsOfCustomer(
  customerKeys: readonly string[],
  first: number,
  before: ContactCursor | null,
): Promise<TrafficContact[]> {
  const answer = await queryGateway<{ contactsOfCustomer: TrafficContact[] }>(
    OF_CUSTOMER,
    { keys: customerKeys, first, before },
    { purpose: 'customer timeline' },
  );
  return answer.contactsOfCustomer;
}

/** One page of contactsOfCustomer, as asked of traffic. */
export interface ContactPageAsk {
  customerKeys: string[];
  first: number;
  before: ContactCursor | null;
}

/** The same ask, as a string: what a page fetched ahead is found by. */
export const contactPageKey = (ask: ContactPageAsk): string =>
  JSON.stringify([ask.customerKeys, ask.first, ask.before]);

/**
 * customersWithContacts and the contact pages of the customers being asked for, in ONE gateway
 * operation (aliases served, p0, p1...): the customer query that also asks for a timeline pays one
 * round trip to traffic instead of two. A page of a customer the caller may not see is never shown.
 */
export async function customersWithContactsAndPages(
  customerKeys: readonly string[],
  servedBy: { employeeNos: string[]; centerIds: string[] } | null,
  pages: readonly ContactPageAsk[],
): Promise<{ served: Set<string>; pages: TrafficContact[][] }> {
  if (!pages.length) return { served: await customersWithContacts(customerKeys, servedBy), pages: [] };
  const declared = pages.map((_, i) => `$k${i}: [String!]!, $f${i}: Int!, $b${i}: ContactCursorInput`);
  const fields = pages.map(
    (_, i) =>
      `p${i}: contactsOfCustomer(customerKeys: $k${i}, first: $f${i}, before: $b${i}) { ${CONTACT_FIELDS} }`,
  );
  const variables: Record<string, unknown> = {
    keys: customerKeys,
    agents: servedBy?.employeeNos ?? null,
    centers: servedBy?.centerIds ?? null,
  };
  pages.forEach((p, i) =>
    Object.assign(variables, { [`k${i}`]: p.customerKeys, [`f${i}`]: p.first, [`b${i}`]: p.before }),
  );
  const answer = await queryGateway<Record<string, TrafficContact[]> & { served: string[] }>(
    `query CareCustomerAndTimeline($keys: [String!]!, $agents: [String!], $centers: [ID!], ${declared.join(', ')}) {
      served: customersWithContacts(customerKeys: $keys, employeeNos: $agents, centerIds: $centers)
      ${fields.join('\n      ')} }`,
    variables,
    { purpose: 'customer scope and timeline' },
  );
  return { served: new Set(answer.served), pages: pages.map((_, i) => answer[`p${i}`]) };
}

/**
 * Which of these customer keys have a contact in traffic; with `servedBy`, only contacts handled by
 * those agents or in queues of those centers count (who "served" the customer). One gateway call.
 */
export async function customersWithContacts(
  customerKeys: readonly string[],
  servedBy: { employeeNos: string[]; centerIds: string[] } | null,
): Promise<Set<string>> {
  if (!customerKeys.length) return new Set();
  const answer = await queryGateway<{ customersWithContacts: string[] }>(
    `query CareServed($keys: [String!]!, $agents: [String!], $centers: [ID!]) {
      customersWithContacts(customerKeys: $keys, employeeNos: $agents, centerIds: $centers) }`,
    { keys: customerKeys, agents: servedBy?.employeeNos ?? null, centers: servedBy?.centerIds ?? null },
    { purpose: 'customer scope' },
  );
  return new Set(answer.customersWithContacts);
}
