import { ErrorCode } from '@switchboard/server';
import { queryGateway } from '@switchboard/subgraph-kit';
import { GraphQLError } from 'graphql';

/** A person as staff knows them: enough to tell an agent from an evaluator. */
export interface StaffMember {
  employeeNo: string;
  role: string;
  status: string;
}

export interface ContactKey {
  source: string;
  externalId: string;
}

/** A contact as traffic knows it: who handled it (null: no agent, e.g. abandoned). */
export interface TrafficContact extends ContactKey {
  agentEmployeeNo: string | null;
}

/**
 * The other subgraphs' records a QA write names, read through the gateway (QA never reads another
 * subgraph's tables), each kind in batches: staff's people, traffic's contacts and queues.
 */
export interface QaReferences {
  /** The people staff knows among these employee numbers (any status), by employee number. */
  staff(employeeNos: readonly string[]): Promise<Map<string, StaffMember>>;
  /** The contacts traffic holds among these keys, by `contactKey`. */
  contacts(keys: readonly ContactKey[]): Promise<Map<string, TrafficContact>>;
  /** Every queue code traffic knows. */
  queueCodes(): Promise<Set<string>>;
}

export const contactKey = (key: ContactKey): string => JSON.stringify([key.source, key.externalId]);

/** Staff's and traffic's page size for these lookups. */
const BATCH = 500;

const STAFF = `query($filter: AgentFilter, $after: String) {
  agents(filter: $filter, first: 500, after: $after) { nodes { employeeNo role status } pageInfo { endCursor hasNextPage } } }`;
const CONTACTS = `query($k: [ContactKeyInput!]!) { contactsByKeys(keys: $k) { source externalId agent { employeeNo } } }`;
const QUEUES = '{ queues { code } }';

interface StaffPage {
  agents: { nodes: StaffMember[]; pageInfo: { endCursor: string | null; hasNextPage: boolean } };
}
interface ContactsAnswer {
  contactsByKeys: ({ source: string; externalId: string; agent: { employeeNo: string } | null } | null)[];
}

const chunks = <T>(items: readonly T[]): T[][] =>
  Array.from({ length: Math.ceil(items.length / BATCH) }, (_, i) => items.slice(i * BATCH, (i + 1) * BATCH));

/** The references as the running platform answers them: one gateway call per 500 keys. */
export const gatewayReferences: QaReferences = {
  async staff(employeeNos) {
    const found = new Map<string, StaffMember>();
    for (const chunk of chunks([...new Set(employeeNos)])) {
      let after: string | null = null;
      do {
        const page: StaffPage = await queryGateway<StaffPage>(
          STAFF,
          { filter: { employeeNos: chunk }, after },
          { purpose: 'staff check' },
        );
        for (const member of page.agents.nodes) found.set(member.employeeNo, member);
        after = page.agents.pageInfo.hasNextPage ? page.agents.pageInfo.endCursor : null;
      } while (after);
    }
    return found;
  },

  async contacts(keys) {
    const unique = [...new Map(keys.map((k) => [contactKey(k), k])).values()];
    const found = new Map<string, TrafficContact>();
    for (const chunk of chunks(unique)) {
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
          });
    }
    return found;
  },

  async queueCodes() {
    const answer = await queryGateway<{ queues: { code: string }[] | null }>(
      QUEUES,
      {},
      { purpose: 'queue check' },
    );
    // queues is nullable at the root: null is traffic not answering, not "no queue"
    if (!answer.queues)
      throw new GraphQLError('queue check: traffic did not answer', {
        extensions: { code: ErrorCode.SubgraphUnavailable, serviceName: 'traffic' },
      });
    return new Set(answer.queues.map((q) => q.code));
  },
};
