import { postGraphQL, startTestSubgraph, type TestSubgraph } from '@switchboard/testing';
import { wfmSubgraph } from '../wfm.subgraph';

describe('staffing(input)', () => {
  let kpi: TestSubgraph;
  beforeAll(async () => {
    kpi = await startTestSubgraph(wfmSubgraph);
  });
  afterAll(() => kpi.stop());

  const staffing = (input: Record<string, unknown>) =>
    postGraphQL<{ staffing: Record<string, number | string | null> }>(
      kpi.url,
      `query($i: StaffingInput!) { staffing(input: $i) { model erlangs rawAgents scheduledAgents serviceLevel
         probabilityOfWaiting asaSeconds occupancy probabilityOfAbandon } }`,
      { i: input },
    );

  it('answers the callcentrehelper.com worked example by Erlang C', async () => {
    // 100 calls in 30 minutes, AHT 180 s, 80% in 20 s, 30% shrinkage: 14 agents, 20 scheduled
    const response = await staffing({
      callsPerInterval: 100,
      ahtSeconds: 180,
      intervalMinutes: 30,
      targetServiceLevel: 0.8,
      targetAnswerSeconds: 20,
      maxOccupancy: 0.85,
      shrinkage: 0.3,
    });
    expect(response.errors).toBeUndefined();
    expect(response.data?.staffing).toMatchObject({
      model: 'ERLANG_C',
      erlangs: 10,
      rawAgents: 14,
      scheduledAgents: 20,
      probabilityOfAbandon: null,
    });
    expect(response.data?.staffing.probabilityOfWaiting).toBeCloseTo(0.1741, 4);
  });

  it('switches to Erlang A when the callers’ patience is given', async () => {
    const response = await staffing({ callsPerInterval: 100, ahtSeconds: 180, patienceSeconds: 60 });
    expect(response.data?.staffing.model).toBe('ERLANG_A');
    expect(response.data?.staffing.rawAgents).toBeLessThanOrEqual(14);
    expect(response.data?.staffing.probabilityOfAbandon).toBeGreaterThan(0);
  });

  it('refuses out-of-range input naming the field', async () => {
    for (const [input, field] of [
      [{ callsPerInterval: -1, ahtSeconds: 180 }, 'callsPerInterval'],
      [{ callsPerInterval: 10, ahtSeconds: 0 }, 'ahtSeconds'],
      [{ callsPerInterval: 10, ahtSeconds: 180, targetServiceLevel: 1 }, 'targetServiceLevel'],
      [{ callsPerInterval: 10, ahtSeconds: 180, shrinkage: 1 }, 'shrinkage'],
      [{ callsPerInterval: 10, ahtSeconds: 180, patienceSeconds: 0 }, 'patienceSeconds'],
    ] as const) {
      const response = await staffing(input);
      expect(response.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
      expect(response.errors?.[0].message).toContain(field);
    }
  });

  it.each(['2026-02-30', '2026-13-01', '26-01-01'])(
    'refuses the staffing plan of a day that does not exist (%s)',
    async (day) => {
      const response = await postGraphQL(
        kpi.url,
        `query($d: String!) { staffingPlan(queueId: "6f1c4c52-3a56-4c0e-9a57-0c1f3f0a5d11", day: $d) { day } }`,
        { d: day },
      );
      expect(response.errors?.[0].extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        fields: [{ field: 'day' }],
      });
    },
  );
});
