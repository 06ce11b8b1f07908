import {
  databaseFingerprint,
  postGraphQL,
  startTestSubgraph,
  type GraphQLResponse,
  type TestSubgraph,
} from '@switchboard/testing';
import { qaSubgraph } from '../qa.subgraph';
import { QaFactory, type ScorecardRef } from '../testing/qa-factories';
import { QaWorldDouble } from '../testing/qa-world-double';

const CALIBRATE =
  'mutation($i: CreateCalibrationSessionInput!) { createCalibrationSession(input: $i) { id } }';
const PLAN = 'mutation($i: CreateSamplingPlanInput!) { createSamplingPlan(input: $i) { id } }';

/** Issue 17: calibration sessions and sampling plans name real people, contacts and queues. */
describe('qa references are checked when written', () => {
  let qa: TestSubgraph;
  let factory: QaFactory;
  let scorecard: ScorecardRef;
  const world = new QaWorldDouble()
    .person(['E100', 'E101', 'AG-9'])
    .person('LEAD-1', 'TEAM_LEAD')
    .person('GONE', 'QA_EVALUATOR', 'TERMINATED')
    .evaluator('QA-1', 'QA-2', 'CAL');
  world.queues.add('CARDS');

  beforeAll(async () => {
    process.env.SWITCHBOARD_GATEWAY_URL = await world.start();
    qa = await startTestSubgraph(qaSubgraph);
    factory = new QaFactory(qa.url, world);
    scorecard = await factory.publishedScorecard();
  });
  afterAll(async () => {
    delete process.env.SWITCHBOARD_GATEWAY_URL;
    await qa.stop();
    await world.stop();
  });

  const refused = async (request: () => Promise<GraphQLResponse>, message: RegExp) => {
    const before = await databaseFingerprint(qa.orm);
    const response = await request();
    expect(response.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(response.errors?.[0]?.message).toMatch(message);
    expect(await databaseFingerprint(qa.orm)).toBe(before);
  };
  const calibrate = (input: Record<string, unknown>) =>
    postGraphQL(qa.url, CALIBRATE, {
      i: {
        scorecardId: scorecard.id,
        contact: world.contact('E100'),
        agentEmployeeNo: 'E100',
        calibratorEmployeeNo: 'CAL',
        evaluatorEmployeeNos: ['QA-1', 'QA-2'],
        ...input,
      },
    });
  const plan = (input: Record<string, unknown>) =>
    postGraphQL(qa.url, PLAN, {
      i: {
        code: factory.unique('P'),
        name: 'Weekly',
        period: 'WEEK',
        evaluationsPerAgent: 1,
        queueCodes: ['CARDS'],
        assignments: [{ evaluatorEmployeeNo: 'QA-1', agentEmployeeNos: ['E100', 'E101'] }],
        ...input,
      },
    });

  it('a calibration of real people and a contact the agent handled is accepted; a team lead may calibrate', async () => {
    expect((await calibrate({})).errors).toBeUndefined();
    expect((await calibrate({ calibratorEmployeeNo: 'LEAD-1' })).errors).toBeUndefined();
  });

  it('a calibration refuses the evaluated agent as evaluator or calibrator', async () => {
    await refused(
      () => calibrate({ evaluatorEmployeeNos: ['QA-1', 'E100'] }),
      /^input\.evaluatorEmployeeNos: must not include the evaluated agent$/,
    );
    await refused(
      () => calibrate({ calibratorEmployeeNo: 'E100' }),
      /^input\.calibratorEmployeeNo: must not be the evaluated agent$/,
    );
  });

  it("a calibration refuses unknown people, non-evaluators, leavers and a contact not the agent's", async () => {
    await refused(
      () => calibrate({ evaluatorEmployeeNos: ['QA-1', 'NOBODY'] }),
      /^input\.evaluatorEmployeeNos\.1: no staff member has employee number "NOBODY"$/,
    );
    await refused(
      () => calibrate({ calibratorEmployeeNo: 'AG-9' }),
      /^input\.calibratorEmployeeNo: "AG-9" is AGENT/,
    );
    await refused(
      () => calibrate({ evaluatorEmployeeNos: ['GONE'] }),
      /^input\.evaluatorEmployeeNos\.0: "GONE" has left/,
    );
    await refused(
      () => calibrate({ agentEmployeeNo: 'NOBODY', contact: world.contact('NOBODY') }),
      /^input\.agentEmployeeNo: no staff member has employee number "NOBODY"$/,
    );
    await refused(
      () => calibrate({ contact: world.contact('E101') }),
      /^input\.contact: the contact \(source, externalId\) was not handled by agentEmployeeNo "E100"$/,
    );
    await refused(
      () => calibrate({ contact: { source: 'pbx', externalId: 'nowhere' } }),
      /^input\.contact: traffic holds no contact/,
    );
  });

  it('a sampling plan of real agents, evaluators and queues is accepted', async () => {
    expect((await plan({})).errors).toBeUndefined();
  });

  it('a sampling plan refuses unknown agents, AGENT-role evaluators and unknown queues, naming each', async () => {
    await refused(
      () => plan({ assignments: [{ evaluatorEmployeeNo: 'QA-1', agentEmployeeNos: ['E100', 'NOBODY'] }] }),
      /^input\.assignments\.0\.agentEmployeeNos\.1: no staff member has employee number "NOBODY"$/,
    );
    await refused(
      () => plan({ assignments: [{ evaluatorEmployeeNo: 'AG-9', agentEmployeeNos: ['E100'] }] }),
      /^input\.assignments\.0\.evaluatorEmployeeNo: "AG-9" is AGENT, not an evaluator/,
    );
    await refused(
      () => plan({ assignments: [{ evaluatorEmployeeNo: 'GHOST', agentEmployeeNos: ['E100'] }] }),
      /^input\.assignments\.0\.evaluatorEmployeeNo: no staff member/,
    );
    await refused(
      () => plan({ queueCodes: ['CARDS', 'NO-SUCH'] }),
      /^input\.queueCodes: traffic has no queue with code "NO-SUCH"$/,
    );
  });

  it('asks staff once for a whole plan of people', async () => {
    const agents = Array.from({ length: 40 }, (_, i) => `P${i}`);
    world.person(agents);
    const before = world.requests.length;
    expect(
      (await plan({ assignments: [{ evaluatorEmployeeNo: 'QA-2', agentEmployeeNos: agents }] })).errors,
    ).toBeUndefined();
    expect(world.requests.slice(before).filter((r) => r.query.includes('agents('))).toHaveLength(1);
  });
});
