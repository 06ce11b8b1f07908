import { postGraphQL, startTestSubgraph, type TestSubgraph } from '@switchboard/testing';
import { qaSubgraph } from '../qa.subgraph';
import { QaWorldDouble } from '../testing/qa-world-double';
import { QaFactory, toAnswerInputs, type Answers, type ScorecardRef } from '../testing/qa-factories';

interface SessionView {
  id: string;
  calibratorEmployeeNo: string;
  referenceScore: number | null;
  results: {
    evaluatorEmployeeNo: string;
    evaluationId: string;
    reference: boolean;
    score: number | null;
    deviation: number | null;
  }[];
}

const SESSION =
  'id calibratorEmployeeNo referenceScore results { evaluatorEmployeeNo evaluationId reference score deviation }';

// Overall scores on the standard scorecard (see qa-factories): 100, 90, 80, 70 and 40.
const SCORE: Record<number, Answers> = {
  100: { GREETING: 1, VERIFY: 1, LISTEN: 4, EMPATHY: 'NA', RESOLVED: 1 },
  90: { GREETING: 1, VERIFY: 1, LISTEN: 3, EMPATHY: 'NA', RESOLVED: 1 },
  80: { GREETING: 0, VERIFY: 1, LISTEN: 4, EMPATHY: 'NA', RESOLVED: 1 },
  70: { GREETING: 0, VERIFY: 1, LISTEN: 3, EMPATHY: 'NA', RESOLVED: 1 },
  40: { GREETING: 1, VERIFY: 1, LISTEN: 4, EMPATHY: 'NA', RESOLVED: 0 },
};

describe('calibration', () => {
  let qa: TestSubgraph;
  let factory: QaFactory;
  let scorecard: ScorecardRef;
  const started = new Date(Date.now() - 60_000);
  const world = new QaWorldDouble().person(['E500']).evaluator('CAL', 'DRIFT', 'STEADY', 'EV1', 'EV2', 'EV3');
  beforeAll(async () => {
    await world.serveAsGateway();
    qa = await startTestSubgraph(qaSubgraph);
    factory = new QaFactory(qa.url, world);
    scorecard = await factory.publishedScorecard();
  });
  afterAll(async () => {
    await qa.stop();
    await world.release();
  });

  const gql = <T>(query: string, variables?: Record<string, unknown>) =>
    postGraphQL<T>(qa.url, query, variables);

  /** A session where the calibrator CAL and the evaluators give the scores listed (by employee number). */
  async function session(scores: Record<string, number | null>): Promise<SessionView> {
    const evaluators = Object.keys(scores).filter((e) => e !== 'CAL');
    const created = await factory.mutate<SessionView>(
      `mutation($i: CreateCalibrationSessionInput!) { createCalibrationSession(input: $i) { ${SESSION} } }`,
      {
        i: {
          scorecardId: scorecard.id,
          contact: world.contact('E500'),
          agentEmployeeNo: 'E500',
          calibratorEmployeeNo: 'CAL',
          evaluatorEmployeeNos: evaluators,
        },
      },
    );
    for (const result of created.results) {
      const score = scores[result.evaluatorEmployeeNo];
      if (score === null) continue; // still a draft
      await factory.mutate(
        'mutation($id: ID!, $i: UpdateEvaluationInput!) { updateEvaluation(id: $id, input: $i) { id } }',
        {
          id: result.evaluationId,
          i: { answers: toAnswerInputs(SCORE[score]) },
        },
      );
      await factory.mutate('mutation($id: ID!) { submitEvaluation(id: $id) { id } }', {
        id: result.evaluationId,
      });
    }
    const response = await gql<{ calibrationSession: SessionView }>(
      `query($id: ID!) { calibrationSession(id: $id) { ${SESSION} } }`,
      {
        id: created.id,
      },
    );
    return response.data?.calibrationSession as SessionView;
  }

  it('deviation = evaluator score − reference score, per session', async () => {
    const s = await session({ CAL: 90, EV1: 80, EV2: 100, EV3: null });
    expect(s.referenceScore).toBeCloseTo(90, 9);
    expect(s.results.map((r) => [r.evaluatorEmployeeNo, r.reference, r.score, r.deviation])).toEqual([
      ['CAL', true, expect.closeTo(90, 9), null],
      ['EV1', false, expect.closeTo(80, 9), expect.closeTo(-10, 9)],
      ['EV2', false, 100, expect.closeTo(10, 9)],
      ['EV3', false, null, null],
    ]);
  });

  it('reports mean absolute deviation per evaluator and flags those who drift', async () => {
    const from = new Date();
    await session({ CAL: 90, DRIFT: 40, STEADY: 90 }); // DRIFT −50, STEADY 0
    await session({ CAL: 70, DRIFT: 100, STEADY: 80 }); // DRIFT +30, STEADY +10
    await session({ CAL: 100, STEADY: 90 }); // STEADY −10
    const report = await gql<{ calibrationReport: Record<string, unknown>[] }>(
      `query($f: DateTimeISO!, $t: DateTimeISO!) { calibrationReport(from: $f, to: $t, driftThreshold: 10) {
        evaluatorEmployeeNo sessions meanAbsoluteDeviation meanDeviation drifting } }`,
      { f: from.toISOString(), t: new Date(Date.now() + 60_000).toISOString() },
    );
    expect(report.errors).toBeUndefined();
    expect(report.data?.calibrationReport).toEqual([
      {
        evaluatorEmployeeNo: 'DRIFT',
        sessions: 2,
        meanAbsoluteDeviation: expect.closeTo(40, 9),
        meanDeviation: expect.closeTo(-10, 9),
        drifting: true,
      },
      {
        evaluatorEmployeeNo: 'STEADY',
        sessions: 3,
        meanAbsoluteDeviation: expect.closeTo(20 / 3, 9),
        meanDeviation: expect.closeTo(0, 9),
        drifting: false,
      },
    ]);
  });

  it('calibration evaluations stay out of the agent QA summary', async () => {
    const response = await gql<{ _entities: { qaSummary: { evaluations: number } }[] }>(
      `query($r: [_Any!]!, $f: DateTimeISO!, $t: DateTimeISO!) { _entities(representations: $r) {
        ... on Agent { qaSummary(from: $f, to: $t) { evaluations } } } }`,
      {
        r: [{ __typename: 'Agent', employeeNo: 'E500' }],
        f: started.toISOString(),
        t: new Date(Date.now() + 60_000).toISOString(),
      },
    );
    expect(response.data?._entities[0].qaSummary.evaluations).toBe(0);
  });

  it("lists an agent's own evaluations apart from calibration scorings, as the summary counts them", async () => {
    const list = async (calibration: boolean | null) => {
      const response = await gql<{ evaluations: { nodes: { id: string }[] } }>(
        `query($c: Boolean) { evaluations(first: 200, filter: { agentEmployeeNos: ["E500"], calibration: $c }) {
          nodes { id } } }`,
        { c: calibration },
      );
      expect(response.errors).toBeUndefined();
      return response.data?.evaluations.nodes.map((n) => n.id).sort() ?? [];
    };
    const [own, calibrations, both] = [await list(false), await list(true), await list(null)];
    expect(own).toEqual([]);
    expect(calibrations.length).toBeGreaterThan(0);
    expect(both).toEqual(calibrations);
  });

  it('rejects the calibrator among the evaluators, and a bad threshold', async () => {
    const bad = await gql(
      `mutation($i: CreateCalibrationSessionInput!) { createCalibrationSession(input: $i) { id } }`,
      {
        i: {
          scorecardId: scorecard.id,
          contact: { source: 'pbx', externalId: 'x' },
          agentEmployeeNo: 'E500',
          calibratorEmployeeNo: 'CAL',
          evaluatorEmployeeNos: ['CAL'],
        },
      },
    );
    expect(bad.errors?.[0]).toMatchObject({
      message: 'evaluatorEmployeeNos: must not include the calibratorEmployeeNo "CAL"',
      extensions: { code: 'BAD_USER_INPUT' },
    });
    const threshold = await gql(
      `{ calibrationReport(from: "2026-01-01T00:00:00Z", to: "2026-02-01T00:00:00Z", driftThreshold: -1) { sessions } }`,
    );
    expect(threshold.errors?.[0].message).toBe(
      'driftThreshold: must be between 0 and 100 (percentage points)',
    );
  });
});
