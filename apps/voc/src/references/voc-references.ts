import { queryGateway } from '@switchboard/subgraph-kit';

export interface ContactKey {
  source: string;
  externalId: string;
}

/** A contact as traffic knows it: enough to attribute a survey and check its dates. */
export interface TrafficContact extends ContactKey {
  agentEmployeeNo: string | null;
  queueCode: string | null;
  arrivedAt: Date;
  endedAt: Date;
}

/** The other subgraphs' records a voc import names, read through the gateway in batches. */
export interface VocReferences {
  /** The contacts traffic holds among these keys, by `contactKey`. */
  contacts(keys: readonly ContactKey[]): Promise<Map<string, TrafficContact>>;
}

export const contactKey = (key: ContactKey): string => JSON.stringify([key.source, key.externalId]);

/** traffic's page size for contactsByKeys. */
const BATCH = 500;

const CONTACTS = `query($k: [ContactKeyInput!]!) { contactsByKeys(keys: $k) { source externalId queueCode arrivedAt endedAt agent { employeeNo } } }`;

interface ContactsAnswer {
  contactsByKeys: ({
    source: string;
    externalId: string;
    queueCode: string | null;
    arrivedAt: string;
    endedAt: string;
    agent: { employeeNo: string } | null;
  } | null)[];
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
            queueCode: c.queueCode,
            arrivedAt: new Date(c.arrivedAt),
            endedAt: new Date(c.endedAt),
          });
    }
    return found;
  },
};
