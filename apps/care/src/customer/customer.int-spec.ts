import { randomUUID } from 'node:crypto';
import { serviceIdentity } from '@switchboard/auth';
import {
  authorizationFor,
  caller,
  databaseFingerprint,
  KnownReferences,
  postGraphQL,
  startTestSubgraph,
  type TestSubgraph,
} from '@switchboard/testing';
import { configureCare } from '../care-services';
import { careSubgraph } from '../care.subgraph';
import { CareFactory } from '../testing/care-factories';
import { CareWorldDouble } from '../testing/care-world-double';

const center = randomUUID();
const KEY = '+8613800000001';

interface Item {
  kind: string;
  at: string;
  channel: string | null;
  agent: { employeeNo: string } | null;
  queueCode: string | null;
  case: { caseNo: string } | null;
  caseEvent: { kind: string } | null;
}
interface TimelineAnswer {
  customer: {
    customerKey: string;
    timeline: { items: Item[]; pageInfo: { endCursor: string | null; hasNextPage: boolean } };
  } | null;
}

const TIMELINE = `query($k: String!, $first: Int!, $after: String) { customer(key: $k) { customerKey
  timeline(first: $first, after: $after) { items { kind at channel agent { employeeNo } queueCode case { caseNo } caseEvent { kind } }
  pageInfo { endCursor hasNextPage } } } }`;

describe('Customers and the timeline', () => {
  let care: TestSubgraph;
  let factory: CareFactory;
  const world = new CareWorldDouble();
  const references = new KnownReferences().add('center', center).add('agent', '1001', '1002', '1003');
  // the story of issue 18: three calls about a card that never arrived
  const calls = [
    world.contact(KEY, '1001', '2026-11-30T02:00:00Z'),
    world.contact(KEY, '1002', '2026-12-01T01:00:00Z', { channel: 'WECHAT', queueCode: 'WECHAT-CARDS' }),
    world.contact(KEY, '1003', '2026-12-02T07:00:00Z'),
  ];

  beforeAll(async () => {
    await world.serveAsGateway();
    care = await startTestSubgraph(careSubgraph, { referenceSource: references.source });
    factory = new CareFactory(care.url);
  });
  afterAll(async () => {
    await care.stop();
    await world.release();
  });

  const timeline = (key: string, first: number, after: string | null = null) =>
    postGraphQL<TimelineAnswer>(care.url, TIMELINE, { k: key, first, after });

  it('stores name and phone encrypted, reads them back for ADMIN, logs every read', async () => {
    await factory.customer({
      customerKey: ' 138 0000 0001 ',
      segment: 'VIP',
      name: 'Wang Fang',
      phone: '13800000001',
    });
    const raw = await care.orm.em
      .fork()
      .getConnection()
      .execute<
        { name_enc: Buffer; segment: string }[]
      >('select name_enc, segment from customer where customer_key = ?', [KEY]);
    expect(raw[0].segment).toBe('VIP');
    expect(raw[0].name_enc.toString('latin1')).not.toContain('Wang');
    const read = await postGraphQL<{ customer: { name: string; phone: string; segment: string } }>(
      care.url,
      'query Pii($k: String!) { customer(key: $k) { name phone segment } }',
      { k: '13800000001' },
    );
    expect(read.data?.customer).toEqual({ name: 'Wang Fang', phone: '13800000001', segment: 'VIP' });
    const log = await care.orm.em
      .fork()
      .getConnection()
      .execute<
        { field: string; operation: string }[]
      >('select field, operation from customer_pii_access where customer_key = ? order by field', [KEY]);
    expect(log).toEqual([
      { field: 'name', operation: 'query Pii' },
      { field: 'phone', operation: 'query Pii' },
    ]);
  });

  it("shows every contact and the case's events newest first, each contact with agent and queue, across pages", async () => {
    const opened = await factory.case({ centerId: center, contact: calls[0] });
    let version = opened.version;
    for (const call of calls.slice(1)) {
      const linked = await postGraphQL<{ linkContact: { version: number } }>(
        care.url,
        'mutation($id: ID!, $v: Int!, $c: CareContactKeyInput!) { linkContact(caseId: $id, expectedVersion: $v, contact: $c) { version } }',
        { id: opened.id, v: version, c: { source: call.source, externalId: call.externalId } },
      );
      version = linked.data?.linkContact.version ?? -1;
    }
    const whole = (await timeline(KEY, 50)).data?.customer?.timeline;
    const contacts = whole?.items.filter((i) => i.kind === 'CONTACT') ?? [];
    expect(contacts.map((c) => [c.agent?.employeeNo, c.channel, c.queueCode, c.case?.caseNo])).toEqual([
      ['1003', 'VOICE', 'CARDS', opened.caseNo],
      ['1002', 'WECHAT', 'WECHAT-CARDS', opened.caseNo],
      ['1001', 'VOICE', 'CARDS', opened.caseNo],
    ]);
    const events = whole?.items.filter((i) => i.kind === 'CASE_EVENT').map((i) => i.caseEvent?.kind);
    expect(events).toEqual(['LINK_CONTACT', 'LINK_CONTACT', 'LINK_CONTACT', 'CREATED']);
    const ats = whole?.items.map((i) => Date.parse(i.at)) ?? [];
    expect(ats).toEqual([...ats].sort((a, b) => b - a));
    expect(whole?.pageInfo.hasNextPage).toBe(false);

    // the same items, two at a time
    const paged: Item[] = [];
    let after: string | null = null;
    do {
      const answer: Awaited<ReturnType<typeof timeline>> = await timeline(KEY, 2, after);
      const page = answer.data?.customer?.timeline;
      paged.push(...(page?.items ?? []));
      after = page?.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
    } while (after);
    expect(paged).toEqual(whole?.items);
  });

  it('asks traffic once per page and runs a fixed number of statements, whatever the page size', async () => {
    world.requests.length = 0;
    const small = await care.sql.count(() => timeline(KEY, 5));
    const large = await care.sql.count(() => timeline(KEY, 50));
    expect(world.requests.filter((r) => r.query.includes('contactsOfCustomer'))).toHaveLength(2);
    expect(large.statements.length).toBe(small.statements.length);
  });

  it('a customer known only from traffic: the scope check and the first page in one trip to traffic (issue 18: timeline under 50 ms)', async () => {
    const only = 'cust-traffic-only-1';
    const first = world.contact(only, '1001', '2026-11-20T02:00:00Z');
    const second = world.contact(only, '1002', '2026-11-21T02:00:00Z');
    world.requests.length = 0;
    const page = (await timeline(only, 1)).data?.customer?.timeline;
    // one gateway operation: who may see the customer and the page, together
    expect(world.requests.map((r) => /query (\w+)/.exec(r.query)?.[1])).toEqual(['CareCustomerAndTimeline']);
    expect(page?.items.map((i) => i.agent?.employeeNo)).toEqual([second.agent?.employeeNo]);
    expect(page?.pageInfo.hasNextPage).toBe(true);
    // the next page (a cursor) is fetched ahead the same way, and goes on where the first ended
    world.requests.length = 0;
    const next = (await timeline(only, 5, page?.pageInfo.endCursor ?? null)).data?.customer?.timeline;
    expect(world.requests).toHaveLength(1);
    expect(next?.items.map((i) => i.agent?.employeeNo)).toEqual([first.agent?.employeeNo]);
    // a customer nobody knows: still one trip, and no timeline shown
    world.requests.length = 0;
    expect((await timeline('cust-nobody-at-all', 5)).data?.customer).toBeNull();
    expect(world.requests).toHaveLength(1);
    // an invalid page size is refused by the timeline itself, naming the field
    const refused = await timeline(only, 0);
    expect(refused.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(refused.errors?.[0]?.message).toContain('first');
  });

  it('merges two keys: the old key resolves to the new customer and its contacts join the timeline', async () => {
    const old = world.contact('cust-legacy-7', '1002', '2026-11-01T01:00:00Z');
    await factory.customer({ customerKey: 'cust-legacy-7', name: 'W. Fang' });
    const merged = await postGraphQL<{ mergeCustomers: { customerKey: string } }>(
      care.url,
      'mutation { mergeCustomers(from: "cust-legacy-7", into: "13800000001") { customerKey } }',
    );
    expect(merged.data?.mergeCustomers.customerKey).toBe(KEY);
    const viaOld = (await timeline('cust-legacy-7', 50)).data?.customer;
    expect(viaOld?.customerKey).toBe(KEY);
    expect(viaOld?.timeline.items.at(-1)?.agent?.employeeNo).toBe(old.agent?.employeeNo);
    const keys = await postGraphQL<{ customer: { mergedKeys: string[] } }>(
      care.url,
      '{ customer(key: "+8613800000001") { mergedKeys } }',
    );
    expect(keys.data?.customer.mergedKeys).toEqual(['cust-legacy-7']);
  });

  it.each([
    [
      'into itself',
      'mutation { mergeCustomers(from: "+8613800000001", into: "13800000001") { customerKey } }',
      'BAD_USER_INPUT',
      'into',
    ],
    [
      'an unknown customer',
      'mutation { mergeCustomers(from: "cust-nobody", into: "13800000001") { customerKey } }',
      'BAD_USER_INPUT',
      'from',
    ],
    [
      'a key already merged',
      'mutation { mergeCustomers(from: "cust-legacy-7", into: "13800000001") { customerKey } }',
      'CONFLICT',
      'from',
    ],
    [
      'an empty key',
      'mutation { saveCustomer(input: { customerKey: "   " }) { customerKey } }',
      'BAD_USER_INPUT',
      'customerKey',
    ],
    [
      'a bad segment',
      'mutation { saveCustomer(input: { customerKey: "x", segment: GOLD }) { customerKey } }',
      'GRAPHQL_VALIDATION_FAILED',
      'CustomerSegment',
    ],
    [
      'a name of 201 characters',
      `mutation { saveCustomer(input: { customerKey: "x", name: "${'n'.repeat(201)}" }) { customerKey } }`,
      'BAD_USER_INPUT',
      'name',
    ],
  ])('refuses %s naming the field and writes nothing', async (_, query, code, field) => {
    const before = await databaseFingerprint(care.orm);
    const answer = await postGraphQL(care.url, query);
    expect(answer.errors?.[0]?.extensions?.code).toBe(code);
    expect(answer.errors?.[0]?.message).toContain(field);
    expect(await databaseFingerprint(care.orm)).toEqual(before);
  });

  it("shows a service recovery on the customer's timeline as a commitment from the survey answer", async () => {
    // issue 19 item 4: voc asks care (as service:voc) to recover a CSAT 1 on the customer's last call
    // traffic's contact and staff's lead as care's services give them (the double serves the timeline's reads)
    const restore = configureCare({
      contacts: async (keys) =>
        keys.map((k) => {
          const c = calls.find((call) => call.source === k.source && call.externalId === k.externalId);
          return c
            ? {
                source: c.source,
                externalId: c.externalId,
                channel: c.channel,
                direction: c.direction as 'INBOUND' | 'OUTBOUND',
                outcome: c.outcome,
                arrivedAt: new Date(c.arrivedAt),
                agentNo: c.agent?.employeeNo ?? null,
                customerKey: c.customerKey,
              }
            : null;
        }),
      directory: async (asks) => asks.map(() => ({ teamId: null, teamLead: 'LEAD-1003' })),
    });
    const responseKey = randomUUID();
    try {
      const opened = await postGraphQL<{ openServiceRecovery: { id: string } }>(
        care.url,
        'mutation($i: ServiceRecoveryInput!) { openServiceRecovery(input: $i) { id } }',
        {
          i: {
            responseKey,
            centerId: center,
            contact: { source: calls[2].source, externalId: calls[2].externalId },
            agentEmployeeNo: '1003',
            score: 1,
            answeredAt: '2026-12-02T08:00:00Z',
          },
        },
        await authorizationFor(care.url, serviceIdentity('voc')),
      );
      expect(opened.errors).toBeUndefined();
      const ORIGIN = TIMELINE.replace(
        'caseEvent { kind } }',
        'caseEvent { kind } commitment { id kind ownerEmployeeNo status } origin { kind surveyResponseKey } }',
      );
      type WithCommitment = Item & {
        commitment: { id: string; kind: string; ownerEmployeeNo: string; status: string } | null;
        origin: { kind: string; surveyResponseKey: string | null } | null;
      };
      const page = async (first: number, after: string | null) =>
        (
          await postGraphQL<{
            customer: {
              timeline: { items: WithCommitment[]; pageInfo: { endCursor: string; hasNextPage: boolean } };
            };
          }>(care.url, ORIGIN, { k: KEY, first, after })
        ).data?.customer.timeline;
      const whole = await page(50, null);
      const commitments = whole?.items.filter((i) => i.kind === 'COMMITMENT');
      expect(commitments).toEqual([
        expect.objectContaining({
          channel: 'VOICE',
          commitment: {
            id: opened.data?.openServiceRecovery.id,
            kind: 'CALL_BACK',
            ownerEmployeeNo: 'LEAD-1003',
            status: 'OPEN',
          },
          origin: { kind: 'SURVEY_ANSWER', surveyResponseKey: responseKey },
        }),
      ]);
      // merged in time order, and the same one by one across pages
      const ats = whole?.items.map((i) => Date.parse(i.at)) ?? [];
      expect(ats).toEqual([...ats].sort((a, b) => b - a));
      const paged: WithCommitment[] = [];
      let after: string | null = null;
      do {
        const next = await page(1, after);
        paged.push(...(next?.items ?? []));
        after = next?.pageInfo.hasNextPage ? next.pageInfo.endCursor : null;
      } while (after);
      expect(paged).toEqual(whole?.items);
      // commitments cost one statement a page, whatever its size
      const small = await care.sql.count(() => page(2, null));
      const large = await care.sql.count(() => page(50, null));
      expect(large.statements.length).toBe(small.statements.length);
      // scoped: an agent of another team does not see the lead's promise on the timeline
      const other = await postGraphQL<{ customer: { timeline: { items: Item[] } } | null }>(
        care.url,
        ORIGIN,
        { k: KEY, first: 50, after: null },
        await authorizationFor(care.url, caller('AGENT', { employeeNo: '1001' })),
      );
      expect(other.data?.customer?.timeline.items.some((i) => i.kind === 'CONTACT')).toBe(true);
      expect(other.data?.customer?.timeline.items.some((i) => i.kind === 'COMMITMENT')).toBe(false);
      // nobody else can pass a promise off as a survey answer's
      const spoof = await postGraphQL(
        care.url,
        'mutation($i: MakeCommitmentInput!) { makeCommitment(input: $i) { id } }',
        {
          i: {
            clientKey: `service-recovery:${randomUUID()}`,
            centerId: center,
            contact: { source: calls[0].source, externalId: calls[0].externalId },
            customerKey: KEY,
            kind: 'CALL_BACK',
            channel: 'VOICE',
            dueAt: '2027-01-05T08:00:00Z',
          },
        },
        await authorizationFor(care.url, caller('AGENT', { employeeNo: '1001' })),
      );
      expect(spoof.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
      expect(spoof.errors?.[0]?.message).toContain('input.clientKey');
    } finally {
      restore();
    }
  });

  it('an unknown customer is null; a bad cursor and a bad page size are BAD_USER_INPUT', async () => {
    expect((await timeline('cust-nobody-at-all', 5)).data?.customer).toBeNull();
    const cursor = await timeline(KEY, 5, 'nonsense');
    expect(cursor.errors?.[0]?.message).toContain('after');
    const size = await timeline(KEY, 0);
    expect(size.errors?.[0]?.message).toContain('first');
  });
});
