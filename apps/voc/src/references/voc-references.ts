import { queryGateway } from '@switchboard/subgraph-kit';

export interface ContactKey {
  source: string;
  externalId: string;
}

/** A contact as traffic knows it: enough to attribute a survey and check its dates. */
export interface TrafficContact extends ContactKey {
  agentEmployeeNo: string | null;
  /** The agent's team on the contact's arrival day (UTC), from staff's team history. */
  teamId: string | null;
  queueCode: string | null;
  arrivedAt: Date;
  endedAt: Date;
}

/** The other subgraphs' records a voc import names, read through the gateway in batches. */
export interface VocReferences {
  /** The contacts traffic holds among these keys, by `contactKey`. */
  contacts(keys: readonly ContactKey[]): Promise<Map<string, TrafficContact>>;
  /**
   * Whether each contact's customer came back within `days` days (traffic's Contact.repeatedWithin),
   * by `contactKey`: null when traffic cannot say (no customer key); absent when the contact is unknown.
   */
  repeats(keys: readonly ContactKey[], days: number): Promise<Map<string, boolean | null>>;
}

export const contactKey = (key: ContactKey): string => JSON.stringify([key.source, key.externalId]);

/** traffic's page size for contactsByKeys. */
const BATCH = 500;

const CONTACTS = `query($k: [ContactKeyInput!]!) { contactsByKeys(keys: $k) { source externalId queueCode arrivedAt endedAt agent { employeeNo teamHistory { validFrom validTo team { id } } } } }`;

interface ContactsAnswer {
  contactsByKeys: ({
    source: string;
    externalId: string;
    queueCode: string | null;
    arrivedAt: string;
    endedAt: string;
    agent: { employeeNo: string; teamHistory?: TeamPeriod[] } | null;
  } | null)[];
}

const REPEATS = `query($k: [ContactKeyInput!]!, $d: Int!) { contactsByKeys(keys: $k) { source externalId repeatedWithin(days: $d) } }`;

interface RepeatsAnswer {
  contactsByKeys: ({ source: string; externalId: string; repeatedWithin: boolean | null } | null)[];
}

interface TeamPeriod {
  validFrom: string;
  /** Exclusive; null while current. */
  validTo: string | null;
  team: { id: string } | null;
}

/** The team of the period holding the day of `at` (UTC), or null. */
export function teamOnDay(history: readonly TeamPeriod[] | undefined, at: Date): string | null {
  const day = at.toISOString().slice(0, 10);
  const period = (history ?? []).find((p) => p.validFrom <= day && (p.validTo === null || day < p.validTo));
  return period?.team?.id ?? null;
}

/** The references as the running platform answers them: one gateway call per 500 keys of an import. */
export const gatewayReferences: VocReferences = {
  async contacts(keys) {
    const unique = [...new Map(keys.map((k) => [contactKey(k), k])).values()];
    const found = new Map<string, TrafficContact>();
    for (let i = 0; i < unique.length; i += BATCH) {
      const chunk = unique.slice(i, i + BATCH);
      const answer = await queryGateway<ContactsAnswer>(
        CONTACTS,
        { k: chunk.map((k) => ({ source: k.source, externalId: k.externalId })) },
        { purpose: 'contact check' },
      );
      for (const c of answer.contactsByKeys)
        if (c)
          found.set(contactKey(c), {
            source: c.source,
            externalId: c.externalId,
            agentEmployeeNo: c.agent?.employeeNo ?? null,
            teamId: teamOnDay(c.agent?.teamHistory, new Date(c.arrivedAt)),
            queueCode: c.queueCode,
            arrivedAt: new Date(c.arrivedAt),
            endedAt: new Date(c.endedAt),
          });
    }
    return found;
  },

  async repeats(keys, days) {
    const unique = [...new Map(keys.map((k) => [contactKey(k), k])).values()];
    const found = new Map<string, boolean | null>();
    for (let i = 0; i < unique.length; i += BATCH) {
      const chunk = unique.slice(i, i + BATCH);
      const answer = await queryGateway<RepeatsAnswer>(
        REPEATS,
        { k: chunk.map((k) => ({ source: k.source, externalId: k.externalId })), d: days },
        { purpose: 'repeat contacts' },
      );
      for (const c of answer.contactsByKeys) if (c) found.set(contactKey(c), c.repeatedWithin);
    }
    return found;
  },
};
