import { randomUUID } from 'node:crypto';
import { KnownReferences, postGraphQL, startTestSubgraph, type TestSubgraph } from '@switchboard/testing';
import { trafficSubgraph } from '../traffic.subgraph';

const UPDATE =
  'mutation($id: ID!, $c: ID) { updateQueue(id: $id, input: { centerId: $c }) { center { id } } }';
const CENTER_OF = 'query($id: ID!) { queue(id: $id) { center { id } } }';

/** Issue 17: a queue names a center that staff holds, or none; a random id no longer detaches it. */
describe('updateQueue: the center is checked with staff before it is written', () => {
  let traffic: TestSubgraph;
  let queueId: string;
  const centerId = randomUUID();
  const staff = new KnownReferences().add('center', centerId);

  beforeAll(async () => {
    traffic = await startTestSubgraph(trafficSubgraph, { referenceSource: staff.source });
    await postGraphQL(
      traffic.url,
      'mutation($c: [ContactInput!]!) { ingestContacts(contacts: $c) { inserted } }',
      {
        c: [
          {
            source: 'refs',
            externalId: 'r-1',
            channel: 'VOICE',
            direction: 'INBOUND',
            queue: 'REFS-Q',
            arrivedAt: '2026-05-04T02:00:00Z',
            endedAt: '2026-05-04T02:00:30Z',
            outcome: 'ABANDONED',
          },
        ],
      },
    );
    const queues = await postGraphQL<{ queue: { id: string } }>(
      traffic.url,
      '{ queue(code: "REFS-Q") { id } }',
    );
    queueId = queues.data?.queue.id as string;
  });
  afterAll(() => traffic.stop());

  const centerOf = async () =>
    (await postGraphQL<{ queue: { center: { id: string } | null } }>(traffic.url, CENTER_OF, { id: queueId }))
      .data?.queue.center?.id ?? null;

  it('assigns a center staff knows (asked once), in lower case whatever the caller wrote', async () => {
    const asked = staff.asked.length;
    const answer = await postGraphQL(traffic.url, UPDATE, { id: queueId, c: centerId.toUpperCase() });
    expect(answer.errors).toBeUndefined();
    expect(staff.asked.slice(asked)).toEqual([{ center: [centerId] }]);
    expect(await centerOf()).toBe(centerId);
  });

  it('refuses a center staff does not know, naming centerId, and keeps the queue where it was', async () => {
    await postGraphQL(traffic.url, UPDATE, { id: queueId, c: centerId });
    const answer = await postGraphQL(traffic.url, UPDATE, { id: queueId, c: randomUUID() });
    expect(answer.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(answer.errors?.[0].message).toMatch(/^centerId: no center "/);
    expect(await centerOf()).toBe(centerId);
  });

  it('unassigns with null without asking staff', async () => {
    const asked = staff.asked.length;
    const answer = await postGraphQL(traffic.url, UPDATE, { id: queueId, c: null });
    expect(answer.errors).toBeUndefined();
    expect(staff.asked.length).toBe(asked);
    expect(await centerOf()).toBeNull();
  });

  it('answers queuesById in the keys order, null where none (the batched lookup other subgraphs use)', async () => {
    const other = randomUUID();
    const answer = await postGraphQL<{ queuesById: ({ code: string } | null)[] }>(
      traffic.url,
      'query($ids: [ID!]!) { queuesById(ids: $ids) { code } }',
      { ids: [other, queueId, 'not-a-uuid'] },
    );
    expect(answer.data?.queuesById).toEqual([null, { code: 'REFS-Q' }, null]);
  });
});
