import { DEMO_STORY_CUSTOMER } from '@switchboard/demo';
import { postGraphQL, startTestSubgraph, type TestSubgraph } from '@switchboard/testing';
import { careSubgraph } from '../care.subgraph';

describe("care's demo", () => {
  let care: TestSubgraph;
  beforeAll(async () => {
    care = await startTestSubgraph(careSubgraph, { seedDemo: true });
  }, 120_000);
  afterAll(() => care.stop());

  it('seeds customers with multi-channel histories and cases in every state, and the story customer', async () => {
    const conn = care.orm.em.fork().getConnection();
    const [{ customers }] = await conn.execute<{ customers: number }[]>(
      'select count(*)::int as customers from customer',
    );
    expect(customers).toBeGreaterThanOrEqual(20);
    const states = await conn.execute<{ status: string }[]>(
      'select distinct status from care_case order by status',
    );
    expect(states.map((s) => s.status)).toEqual(
      expect.arrayContaining(
        ['NEW', 'OPEN', 'PENDING_CUSTOMER', 'PENDING_INTERNAL', 'RESOLVED', 'CLOSED', 'REOPENED'].filter(
          (s) => s !== 'REOPENED',
        ),
      ),
    );
    const story = await postGraphQL<{
      cases: {
        customerKey: string;
        type: string;
        handoffCount: number;
        contacts: { channel: string; agentNo: string }[];
      }[];
    }>(care.url, '{ cases(first: 500) { customerKey type handoffCount contacts { channel agentNo } } }');
    const complaint = story.data?.cases.find((c) => c.customerKey === DEMO_STORY_CUSTOMER);
    expect(complaint).toMatchObject({ type: 'COMPLAINT', handoffCount: 2 });
    expect(complaint?.contacts.map((c) => c.channel)).toEqual(['VOICE', 'WECHAT', 'VOICE']);
    expect(new Set(complaint?.contacts.map((c) => c.agentNo)).size).toBe(3);
    // the first two agents' call-backs, both broken, on the complaint
    const promises = await postGraphQL<{
      commitments: { ownerEmployeeNo: string; kind: string; status: string; caseId: string | null }[];
    }>(
      care.url,
      `{ commitments(first: 10, customerKey: "${DEMO_STORY_CUSTOMER}") { ownerEmployeeNo kind status caseId } }`,
    );
    expect(promises.data?.commitments.map((c) => [c.ownerEmployeeNo, c.kind, c.status])).toEqual(
      complaint?.contacts.slice(0, 2).map((c) => [c.agentNo, 'CALL_BACK', 'BROKEN']),
    );
  });

  it("makes the story customer's third call the complaint, and seeds others decided, open and escalated", async () => {
    const answer = await postGraphQL<{
      complaints: {
        customerKey: string;
        receivedAt: string;
        subjectAgentNo: string;
        handlerAgentNo: string;
        reasonCode: string;
        outcome: string | null;
        escalatedFromType: string | null;
        case: { contacts: { arrivedAt: string }[] };
      }[];
    }>(
      care.url,
      '{ complaints(first: 200) { customerKey receivedAt subjectAgentNo handlerAgentNo reasonCode outcome escalatedFromType case { contacts { arrivedAt } } } }',
    );
    const all = answer.data?.complaints ?? [];
    const story = all.find((c) => c.customerKey === DEMO_STORY_CUSTOMER);
    expect(story?.receivedAt).toBe(story?.case.contacts[2].arrivedAt);
    expect(story?.outcome).toBeNull();
    expect(story?.handlerAgentNo).not.toBe(story?.subjectAgentNo);
    expect(all.length).toBeGreaterThanOrEqual(3);
    expect(all.some((c) => c.outcome !== null)).toBe(true);
    expect(all.some((c) => c.escalatedFromType === 'INQUIRY')).toBe(true);
  });
});
