import type { Identity } from '@switchboard/auth';
import {
  caller,
  databaseFingerprint,
  postGraphQL,
  startTestSubgraph,
  subgraphToken,
  type GraphQLResponse,
  type TestSubgraph,
} from '@switchboard/testing';
import { qaSubgraph } from '../qa.subgraph';
import { QaFactory, standardScorecard, toAnswerInputs, type ScorecardRef } from '../testing/qa-factories';
import { QaWorldDouble } from '../testing/qa-world-double';

const FULL = toAnswerInputs({ GREETING: 1, VERIFY: 1, LISTEN: 4, EMPATHY: 4, RESOLVED: 1 });
const CREATE = `mutation($i: CreateEvaluationInput!) { createEvaluation(input: $i) { id evaluatorEmployeeNo } }`;
const qa1 = caller('QA_EVALUATOR', { employeeNo: 'QA-1' });
const qa2 = caller('QA_EVALUATOR', { employeeNo: 'QA-2' });
const admin = caller('ADMIN', { employeeNo: 'ADM-1' });
const agent = caller('AGENT', { employeeNo: 'E100' });
/** An ADMIN who is also an evaluated agent (E101). */
const adminAgent = caller('ADMIN', { employeeNo: 'E101' });

/** Issue 17: an evaluation stands for something real: its evaluator, its agent, its contact. */
describe('evaluations are bound to reality', () => {
  let qa: TestSubgraph;
  let factory: QaFactory;
  let scorecard: ScorecardRef;
  const world = new QaWorldDouble()
    .person(['E100', 'E101', 'ADM-1'])
    .person('AG-9')
    .evaluator('QA-1', 'QA-2');

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

  const as = async <T>(who: Identity, query: string, variables: Record<string, unknown>) =>
    postGraphQL<T>(qa.url, query, variables, { authorization: `Bearer ${await subgraphToken('qa', who)}` });
  const create = (who: Identity, input: Record<string, unknown>) =>
    as<{ createEvaluation: { id: string; evaluatorEmployeeNo: string } }>(who, CREATE, {
      i: { scorecardId: scorecard.id, agentEmployeeNo: 'E100', contact: world.contact('E100'), ...input },
    });
  /** The request is refused with this code and message, and nothing is written. */
  const refused = async (request: () => Promise<GraphQLResponse>, code: string, message: RegExp) => {
    const before = await databaseFingerprint(qa.orm);
    const response = await request();
    expect(response.errors?.[0]?.extensions?.code).toBe(code);
    expect(response.errors?.[0]?.message).toMatch(message);
    expect(await databaseFingerprint(qa.orm)).toBe(before);
  };

  it("the evaluator is the caller: a QA evaluator cannot file under a colleague's name", async () => {
    const own = await create(qa1, {});
    expect(own.errors).toBeUndefined();
    expect(own.data?.createEvaluation.evaluatorEmployeeNo).toBe('QA-1');
    await refused(
      () => create(qa1, { evaluatorEmployeeNo: 'QA-2' }),
      'FORBIDDEN',
      /evaluatorEmployeeNo must be you/,
    );
  });

  it('only ADMIN files for another evaluator; one whose token names nobody must name them', async () => {
    const filed = await create(admin, { evaluatorEmployeeNo: 'QA-2' });
    expect(filed.data?.createEvaluation.evaluatorEmployeeNo).toBe('QA-2');
    await refused(
      () => create(caller('QA_EVALUATOR'), {}),
      'BAD_USER_INPUT',
      /^input\.evaluatorEmployeeNo: is required: your token names no employee number$/,
    );
  });

  it('the evaluated agent is never the caller, nor the evaluator', async () => {
    await refused(
      () =>
        create(admin, {
          agentEmployeeNo: 'ADM-1',
          evaluatorEmployeeNo: 'QA-2',
          contact: world.contact('ADM-1'),
        }),
      'BAD_USER_INPUT',
      /^input\.agentEmployeeNo: must not be you/,
    );
    await refused(
      () =>
        create(admin, {
          agentEmployeeNo: 'QA-2',
          evaluatorEmployeeNo: 'QA-2',
          contact: world.contact('QA-2'),
        }),
      'BAD_USER_INPUT',
      /^input\.evaluatorEmployeeNo: must not be the evaluated agent$/,
    );
  });

  it('the contact must be in traffic and handled by the evaluated agent', async () => {
    await refused(
      () => create(qa1, { contact: { source: 'pbx', externalId: 'nowhere' } }),
      'BAD_USER_INPUT',
      /^input\.contact: traffic holds no contact with source "pbx" and externalId "nowhere"$/,
    );
    for (const contact of [world.contact('E101'), world.contact(null)])
      await refused(
        () => create(qa1, { contact }),
        'BAD_USER_INPUT',
        /^input\.contact: the contact \(source, externalId\) was not handled by agentEmployeeNo "E100"$/,
      );
  });

  it('the agent and the evaluator exist in staff; an AGENT-role person does not evaluate', async () => {
    await refused(
      () => create(qa1, { agentEmployeeNo: 'GHOST', contact: world.contact('GHOST') }),
      'BAD_USER_INPUT',
      /^input\.agentEmployeeNo: no staff member has employee number "GHOST"$/,
    );
    await refused(
      () => create(admin, { evaluatorEmployeeNo: 'AG-9' }),
      'BAD_USER_INPUT',
      /^input\.evaluatorEmployeeNo: "AG-9" is AGENT, not an evaluator/,
    );
  });

  it('checks staff and traffic in one gateway call each', async () => {
    const before = world.requests.length;
    expect((await create(qa1, {})).errors).toBeUndefined();
    const asked = world.requests
      .slice(before)
      .map((r) => (r.query.includes('contactsByKeys') ? 'traffic' : 'staff'));
    expect(asked).toEqual(['staff', 'traffic']);
  });

  it('one evaluation per contact and scorecard (any version), even when several arrive at once', async () => {
    const contact = world.contact('E100');
    const all = await Promise.all(
      Array.from({ length: 6 }, (_, i) =>
        create(admin, { contact, evaluatorEmployeeNo: i % 2 ? 'QA-1' : 'QA-2' }),
      ),
    );
    expect(all.filter((r) => r.data?.createEvaluation).length).toBe(1);
    expect(all.find((r) => r.errors)?.errors?.[0]).toMatchObject({ extensions: { code: 'CONFLICT' } });
    const next = await factory.mutate<ScorecardRef>(
      'mutation($i: ScorecardInput!) { createScorecard(input: $i) { id code version } }',
      { i: standardScorecard(scorecard.code, { openingWeight: 50 }) },
    );
    await factory.mutate('mutation($id: ID!) { publishScorecard(id: $id) { id } }', { id: next.id });
    await refused(
      () => create(qa1, { scorecardId: next.id, contact }),
      'CONFLICT',
      /^input\.contact: the contact already has an evaluation on scorecard /,
    );
    scorecard = next;
    // a calibration of the same contact is not a second evaluation of it
    const session = await as(
      admin,
      'mutation($i: CreateCalibrationSessionInput!) { createCalibrationSession(input: $i) { id } }',
      {
        i: {
          scorecardId: next.id,
          contact,
          agentEmployeeNo: 'E100',
          calibratorEmployeeNo: 'QA-1',
          evaluatorEmployeeNos: ['QA-2'],
        },
      },
    );
    expect(session.errors).toBeUndefined();
  });

  it('an evaluator edits and submits only their own drafts', async () => {
    const id = (await create(qa1, { answers: FULL })).data?.createEvaluation.id;
    const edit = 'mutation($id: ID!) { updateEvaluation(id: $id, input: { comment: "mine now" }) { id } }';
    const submit = 'mutation($id: ID!) { submitEvaluation(id: $id) { id status } }';
    await refused(
      () => as(qa2, edit, { id }),
      'FORBIDDEN',
      /^updateEvaluation: only the evaluator who drafted it/,
    );
    await refused(
      () => as(qa2, submit, { id }),
      'FORBIDDEN',
      /^submitEvaluation: only the evaluator who drafted it/,
    );
    expect((await as(qa1, edit, { id })).errors).toBeUndefined();
    expect((await as(admin, edit, { id })).errors).toBeUndefined();
    expect((await as(qa1, submit, { id })).data).toEqual({ submitEvaluation: { id, status: 'SUBMITTED' } });
  });

  it('a dispute is resolved by someone other than the evaluator who scored it', async () => {
    const id = (await create(qa1, { answers: FULL })).data?.createEvaluation.id;
    await as(qa1, 'mutation($id: ID!) { submitEvaluation(id: $id) { id } }', { id });
    const disputed = await as(
      agent,
      'mutation($id: ID!) { disputeEvaluation(id: $id, employeeNo: "E100", reason: "unfair") { id } }',
      { id },
    );
    expect(disputed.errors).toBeUndefined();
    const resolve =
      'mutation($id: ID!) { resolveDispute(id: $id, input: { resolution: UPHELD, reason: "stands" }) { status } }';
    await refused(
      () => as(qa1, resolve, { id }),
      'FORBIDDEN',
      /^resolveDispute: the evaluator who scored it cannot/,
    );
    expect((await as(qa2, resolve, { id })).data).toEqual({ resolveDispute: { status: 'RESOLVED' } });
  });
  it('nobody edits, submits or resolves an evaluation of themself, ADMIN included', async () => {
    const draft = (
      await create(qa1, { agentEmployeeNo: 'E101', contact: world.contact('E101'), answers: FULL })
    ).data?.createEvaluation.id;
    await refused(
      () =>
        as(
          adminAgent,
          'mutation($id: ID!) { updateEvaluation(id: $id, input: { comment: "fine" }) { id } }',
          { id: draft },
        ),
      'FORBIDDEN',
      /^updateEvaluation: not on an evaluation of yourself$/,
    );
    await refused(
      () => as(adminAgent, 'mutation($id: ID!) { submitEvaluation(id: $id) { id } }', { id: draft }),
      'FORBIDDEN',
      /^submitEvaluation: not on an evaluation of yourself$/,
    );
    await as(qa1, 'mutation($id: ID!) { submitEvaluation(id: $id) { id } }', { id: draft });
    const disputed = await as(
      adminAgent,
      'mutation($id: ID!) { disputeEvaluation(id: $id, employeeNo: "E101", reason: "mine") { id } }',
      {
        id: draft,
      },
    );
    expect(disputed.errors).toBeUndefined();
    await refused(
      () =>
        as(
          adminAgent,
          'mutation($id: ID!) { resolveDispute(id: $id, input: { resolution: UPHELD, reason: "x" }) { id } }',
          {
            id: draft,
          },
        ),
      'FORBIDDEN',
      /^resolveDispute: not on an evaluation of yourself$/,
    );
  });
});
