import { randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import { staticScopeSource } from '@switchboard/subgraph-kit';
import {
  caller,
  KnownReferences,
  postGraphQL,
  startTestSubgraph,
  subgraphToken,
  type TestSubgraph,
} from '@switchboard/testing';
import { careSubgraph } from '../care.subgraph';
import { configureCare, type CustomerContact } from '../care-services';
import { matchContacts } from './commitment-matcher';

/*
 * Automatic fulfilment, care's side: traffic (faked behind the customer-contact feed) answers the
 * contacts ingested since the watermark for the customers with open commitments; a matching one keeps
 * the commitment (on time or late), a non-matching one does not, and each contact is read once.
 */
const center = randomUUID();
const team = randomUUID();
let now = new Date('2027-03-08T02:00:00Z');
let feed: CustomerContact[] = [];
const asked: Array<{ keys: readonly string[]; since: Date }> = [];
let care: TestSubgraph;
let restore: () => void;
const agent = caller('AGENT', { employeeNo: 'M1' });

const contact = (over: Partial<CustomerContact>): CustomerContact => ({
  source: 'CTI',
  externalId: randomUUID(),
  customerKey: 'cust-m',
  channel: 'VOICE',
  direction: 'OUTBOUND',
  outcome: 'ANSWERED',
  answered: true,
  arrivedAt: new Date('2027-03-08T03:00:00Z'),
  agentNo: 'M1',
  ...over,
});

async function make(customerKey: string, dueAt: string) {
  const token = await subgraphToken('care', agent);
  const answer = await postGraphQL<{ makeCommitment: { id: string } }>(
    care.url,
    'mutation($i: MakeCommitmentInput!) { makeCommitment(input: $i) { id } }',
    {
      i: {
        clientKey: randomUUID(),
        centerId: center,
        contact: { source: 'CTI', externalId: `made-on:${customerKey}` },
        customerKey,
        kind: 'CALL_BACK',
        channel: 'VOICE',
        dueAt,
      },
    },
    { authorization: `Bearer ${token}` },
  );
  expect(answer.errors).toBeUndefined();
  return answer.data?.makeCommitment.id as string;
}

async function statusOf(id: string) {
  const token = await subgraphToken('care', agent);
  const answer = await postGraphQL<{ commitment: { status: string; fulfilmentEvidence: string | null } }>(
    care.url,
    'query($id: ID!) { commitment(id: $id) { status fulfilmentEvidence } }',
    { id },
    { authorization: `Bearer ${token}` },
  );
  return answer.data?.commitment;
}

beforeAll(async () => {
  restore = configureCare({
    clock: () => now,
    // the contact a promise is made on is its customer's (makeCommitment checks it)
    contacts: async (keys) =>
      keys.map((k) =>
        contact({ source: k.source, externalId: k.externalId, customerKey: k.externalId.split(':')[1] }),
      ),
    directory: async (asks) => asks.map(() => ({ teamId: team, teamLead: null })),
    customerContacts: async (keys, since) => {
      asked.push({ keys, since });
      return feed.filter((c) => keys.includes(c.customerKey) && c.arrivedAt > since);
    },
  });
  care = await startTestSubgraph(careSubgraph, {
    scopeSource: staticScopeSource({ teams: {} }),
    referenceSource: new KnownReferences().add('center', center).source,
  });
});
afterAll(async () => {
  await care?.stop();
  restore?.();
});

describe('automatic fulfilment by a matching contact', () => {
  it('keeps the commitment the contact matches, leaves the others, reads each contact once', async () => {
    const onTime = await make('cust-m', '2027-03-08T06:00:00Z');
    const other = await make('cust-other', '2027-03-08T06:00:00Z');
    const late = await make('cust-late', '2027-03-08T04:00:00Z');
    feed = [
      contact({ externalId: 'made-on:cust-m' }), // the contact the promise was made on: never its fulfilment
      contact({ customerKey: 'cust-other', outcome: 'ABANDONED', answered: false }), // unanswered call
      contact({ externalId: 'call-back' }), // 03:00, before due: FULFILLED
      contact({
        customerKey: 'cust-late',
        externalId: 'late-call',
        arrivedAt: new Date('2027-03-08T05:00:00Z'),
      }),
    ];
    now = new Date('2027-03-08T07:00:00Z');
    const result = await matchContacts(care.orm.em as EntityManager);
    expect(result).toMatchObject({ customers: 3, contacts: 4, fulfilled: 2 });
    expect(await statusOf(onTime)).toEqual({
      status: 'FULFILLED',
      fulfilmentEvidence: 'contact CTI/call-back',
    });
    expect((await statusOf(late))?.status).toBe('FULFILLED_LATE');
    expect((await statusOf(other))?.status).toBe('BROKEN');
    // the watermark moved: the next run asks from the newest contact on, and only the open customer
    await matchContacts(care.orm.em as EntityManager);
    expect(asked[1]).toEqual({ keys: ['cust-other'], since: new Date('2027-03-08T05:00:00Z') });
  });
});
