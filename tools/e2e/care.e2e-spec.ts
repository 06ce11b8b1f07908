import { postGraphQL } from '@switchboard/testing';
import { startTestStack, type TestStack } from './stack';

interface Team {
  id: string;
  center: { id: string };
  agents: { employeeNo: string; role: string }[];
}

/**
 * Issue 18's story through the real gateway: three contacts of one customer ingested into traffic
 * (VOICE, WECHAT, VOICE; three agents of staff's demo), a case opened in care from the first (care
 * checks staff's center, team and agent and traffic's contact through the gateway) and linked to
 * the other two; the customer's timeline shows the three contacts newest first with each agent's
 * employee number and queue, and the case's events.
 */
describe('care through the gateway', () => {
  let stack: TestStack;
  beforeAll(async () => {
    stack = await startTestStack();
  });
  afterAll(() => stack.stop());

  const gql = <T>(query: string, variables?: Record<string, unknown>) =>
    postGraphQL<T>(stack.gatewayUrl, query, variables);

  it('opens a case from a real traffic contact and shows the customer timeline', async () => {
    const teams = await gql<{ teams: Team[] }>('{ teams { id center { id } agents { employeeNo role } } }');
    const team = teams.data?.teams.find((t) => t.agents.filter((a) => a.role === 'AGENT').length >= 3);
    expect(team).toBeDefined();
    const agents = (team?.agents ?? [])
      .filter((a) => a.role === 'AGENT')
      .slice(0, 3)
      .map((a) => a.employeeNo);
    const at = (day: number, hour: number) => new Date(Date.UTC(2026, 10, 30 + day, hour)).toISOString();
    const contact = (i: number, channel: string, arrivedAt: string) => ({
      source: 'care-e2e',
      externalId: `story-${i}`,
      channel,
      queue: channel === 'WECHAT' ? 'CARE-E2E-WECHAT' : 'CARE-E2E-CARDS',
      agent: agents[i],
      customerKey: '13800000001',
      arrivedAt,
      answeredAt: arrivedAt,
      endedAt: new Date(Date.parse(arrivedAt) + 300_000).toISOString(),
      outcome: 'ANSWERED',
    });
    const ingest = await gql('mutation($c: [ContactInput!]!) { ingestContacts(contacts: $c) { inserted } }', {
      c: [contact(0, 'VOICE', at(0, 2)), contact(1, 'WECHAT', at(1, 1)), contact(2, 'VOICE', at(2, 7))],
    });
    expect(ingest.data).toEqual({ ingestContacts: { inserted: 3 } });

    const opened = await gql<{
      openCase: { id: string; caseNo: string; customerKey: string; version: number };
    }>(`mutation($i: OpenCaseInput!) { openCase(input: $i) { id caseNo customerKey version } }`, {
      i: {
        contact: { source: 'care-e2e', externalId: 'story-0' },
        type: 'INQUIRY',
        categoryCode: 'CARD.DELIVERY',
        title: 'Credit card never arrived',
        ownerAgentNo: agents[0],
        ownerTeamId: team?.id,
        department: 'Cards',
        centerId: team?.center.id,
      },
    });
    expect(opened.errors).toBeUndefined();
    // the raw key traffic carries, normalized by care
    expect(opened.data?.openCase.customerKey).toBe('+8613800000001');
    let version = opened.data?.openCase.version ?? 0;
    for (const externalId of ['story-1', 'story-2']) {
      const linked = await gql<{ linkContact: { version: number } }>(
        'mutation($id: ID!, $v: Int!, $c: CareContactKeyInput!) { linkContact(caseId: $id, expectedVersion: $v, contact: $c) { version } }',
        { id: opened.data?.openCase.id, v: version, c: { source: 'care-e2e', externalId } },
      );
      expect(linked.errors).toBeUndefined();
      version = linked.data?.linkContact.version ?? 0;
    }
    const unknown = await gql('mutation($i: OpenCaseInput!) { openCase(input: $i) { id } }', {
      i: {
        contact: { source: 'care-e2e', externalId: 'never-ingested' },
        type: 'INQUIRY',
        categoryCode: 'CARD',
        title: 'x',
        department: 'Cards',
        centerId: team?.center.id,
      },
    });
    expect(unknown.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(unknown.errors?.[0]?.message).toContain('input.contact');

    const timeline = await gql<{
      customer: {
        timeline: {
          items: {
            kind: string;
            channel: string | null;
            queueCode: string | null;
            agent: { employeeNo: string } | null;
            case: { caseNo: string } | null;
          }[];
        };
      };
    }>(
      '{ customer(key: "+86 138 0000 0001") { timeline(first: 10) { items { kind channel queueCode agent { employeeNo } case { caseNo } } } } }',
    );
    expect(timeline.errors).toBeUndefined();
    const contacts = timeline.data?.customer.timeline.items.filter((i) => i.kind === 'CONTACT');
    expect(contacts).toEqual([
      {
        kind: 'CONTACT',
        channel: 'VOICE',
        queueCode: 'CARE-E2E-CARDS',
        agent: { employeeNo: agents[2] },
        case: { caseNo: opened.data?.openCase.caseNo },
      },
      {
        kind: 'CONTACT',
        channel: 'WECHAT',
        queueCode: 'CARE-E2E-WECHAT',
        agent: { employeeNo: agents[1] },
        case: { caseNo: opened.data?.openCase.caseNo },
      },
      {
        kind: 'CONTACT',
        channel: 'VOICE',
        queueCode: 'CARE-E2E-CARDS',
        agent: { employeeNo: agents[0] },
        case: { caseNo: opened.data?.openCase.caseNo },
      },
    ]);
    expect(timeline.data?.customer.timeline.items.filter((i) => i.kind === 'CASE_EVENT')).toHaveLength(4); // CREATED and three LINK_CONTACT
  });
});
