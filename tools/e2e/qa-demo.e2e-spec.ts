import { postGraphQL } from '@switchboard/testing';
import { startTestStack, type TestStack } from './stack';

interface EvaluationRow {
  agent: { employeeNo: string };
  evaluatorEmployeeNo: string;
  contact: {
    source: string;
    externalId: string;
    outcome: string;
    agent: { employeeNo: string } | null;
  } | null;
}

interface Page {
  evaluations: { nodes: EvaluationRow[]; pageInfo: { endCursor: string | null; hasNextPage: boolean } };
}

const PAGE = `query($after: String) { evaluations(first: 500, after: $after) {
  nodes { agent { employeeNo } evaluatorEmployeeNo contact { source externalId outcome agent { employeeNo } } }
  pageInfo { endCursor hasNextPage } } }`;

/** Issue 17: 481 of 500 demo evaluations pointed at contacts traffic did not hold. */
describe('the QA demo evaluates the traffic demo’s contacts', () => {
  let stack: TestStack;
  beforeAll(async () => {
    stack = await startTestStack({ seed: ['staff', 'traffic', 'qa'], subgraphTimeoutMs: 30_000 });
  });
  afterAll(() => stack.stop());

  it('every demo evaluation’s contact is in traffic, answered by the evaluated agent', async () => {
    const rows: EvaluationRow[] = [];
    let after: string | null = null;
    do {
      const response: Awaited<ReturnType<typeof postGraphQL<Page>>> = await postGraphQL<Page>(
        stack.gatewayUrl,
        PAGE,
        { after },
      );
      expect(response.errors).toBeUndefined();
      const page = response.data?.evaluations;
      rows.push(...(page?.nodes ?? []));
      after = page?.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
    } while (after);
    const [stored] = await stack.subgraphs.qa.orm.em
      .fork()
      .getConnection()
      .execute<{ n: number }[]>('select count(*)::int as n from evaluation');
    expect(rows.length).toBe(stored.n);
    expect(rows.length).toBeGreaterThan(500);
    const wrong = rows.filter(
      (r) => r.contact?.outcome !== 'ANSWERED' || r.contact.agent?.employeeNo !== r.agent.employeeNo,
    );
    expect(wrong.slice(0, 5)).toEqual([]);
    expect(rows.every((r) => r.evaluatorEmployeeNo !== r.agent.employeeNo)).toBe(true);
  });
});
