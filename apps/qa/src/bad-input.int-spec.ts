import fc from 'fast-check';
import {
  badInputProperties,
  databaseFingerprint,
  invalid,
  type MutationCase,
  postGraphQL,
  startTestSubgraph,
  type TestSubgraph,
} from '@switchboard/testing';
import { qaSubgraph } from './qa.subgraph';
import { QaFactory, standardScorecard, toAnswerInputs, type ScorecardRef } from './testing/qa-factories';
import { QaWorldDouble } from './testing/qa-world-double';

const ALL_ANSWERS = toAnswerInputs({ GREETING: 1, VERIFY: 1, LISTEN: 3, EMPATHY: 'NA', RESOLVED: 1 });
const employeeNo = fc.oneof(invalid.code, fc.constantFrom('x'.repeat(33), 'a b'));
const answerValue = fc.oneof(invalid.smallInt, fc.constantFrom(5, 2));
/** Well-formed employee numbers staff does not hold, or holds as an agent (AG-9), not an evaluator. */
const unknownPerson = fc.constantFrom('GHOST', 'NOBODY-2');
const notEvaluator = fc.oneof(unknownPerson, fc.constant('AG-9'));

/** A request refused with a code and a message (a counterexample kept as a plain regression test). */
type Refusal = [
  string,
  () => Promise<{ document: string; variables: Record<string, unknown> }>,
  string,
  RegExp,
];

/** Every QA mutation, its valid form, and what must be refused in each field (issue 9: bad input everywhere). */
describe('qa: bad input is refused with a clear error and writes nothing', () => {
  let qa: TestSubgraph;
  let factory: QaFactory;
  let scorecard: ScorecardRef;
  /** A contact of E100 already evaluated on `scorecard` (a second evaluation of it is refused). */
  let evaluated: { source: string; externalId: string };
  // Staff and traffic as QA's reference checks see them (an app may not start another app).
  const world = new QaWorldDouble().person(['E100', 'E101', 'AG-9']).evaluator('QA-1', 'QA-2', 'CAL');
  world.queues.add('CARDS');
  beforeAll(async () => {
    await world.serveAsGateway();
    qa = await startTestSubgraph(qaSubgraph);
    factory = new QaFactory(qa.url, world);
    scorecard = await factory.publishedScorecard();
    evaluated = world.contact('E100');
    await factory.mutate('mutation($i: CreateEvaluationInput!) { createEvaluation(input: $i) { id } }', {
      i: {
        scorecardId: scorecard.id,
        agentEmployeeNo: 'E100',
        evaluatorEmployeeNo: 'QA-1',
        contact: evaluated,
      },
    });
  });
  afterAll(async () => {
    await qa.stop();
    await world.release();
  });

  /** A published version's id, read when the case runs (a published scorecard never changes). */
  const publishedId = () => fc.constant(null).map(() => scorecard.id);
  const contact = () => world.contact('E100');
  /** A contact traffic holds that E101 handled, or nobody did (read when the case runs). */
  const notE100s = () => fc.constantFrom('E101', null).map((agent) => world.contact(agent));
  const alreadyEvaluated = () => fc.constant(null).map(() => evaluated);
  const contactFields = {
    'input.contact': fc.oneof(notE100s(), alreadyEvaluated()),
    'input.contact.source': fc.oneof(invalid.requiredText, fc.constant('elsewhere')),
    'input.contact.externalId': fc.oneof(invalid.requiredText, fc.constant('nowhere')),
  };
  const draftScorecard = () =>
    factory.mutate<ScorecardRef>('mutation($i: ScorecardInput!) { createScorecard(input: $i) { id } }', {
      i: standardScorecard(factory.unique('SC')),
    });
  const draftEvaluation = () =>
    factory.mutate<{ id: string }>(
      'mutation($i: CreateEvaluationInput!) { createEvaluation(input: $i) { id } }',
      {
        i: {
          scorecardId: scorecard.id,
          agentEmployeeNo: 'E100',
          evaluatorEmployeeNo: 'QA-1',
          contact: contact(),
          answers: ALL_ANSWERS,
        },
      },
    );
  const submitted = async () =>
    (
      await factory.submitted(scorecard.id, 'E100', {
        GREETING: 1,
        VERIFY: 1,
        LISTEN: 2,
        EMPATHY: 3,
        RESOLVED: 1,
      })
    ).id;
  const disputed = async () => {
    const id = await submitted();
    await factory.mutate(
      'mutation($id: ID!) { disputeEvaluation(id: $id, employeeNo: "E100", reason: "hung up") { id } }',
      { id },
    );
    return id;
  };
  const plan = () =>
    factory.mutate<{ id: string }>(
      'mutation($i: CreateSamplingPlanInput!) { createSamplingPlan(input: $i) { id } }',
      {
        i: {
          code: factory.unique('P'),
          name: 'Weekly',
          period: 'WEEK',
          evaluationsPerAgent: 1,
          assignments: [{ evaluatorEmployeeNo: 'QA-1', agentEmployeeNos: ['E100'] }],
        },
      },
    );

  const scorecardFields = {
    'input.code': invalid.code,
    'input.name': invalid.requiredText,
    'input.description': invalid.text,
    'input.sections': fc.constantFrom([], 'none'),
    'input.sections.0.key': invalid.code,
    'input.sections.0.title': invalid.requiredText,
    'input.sections.0.weight': fc.oneof(invalid.seconds, fc.constant(1001)),
    'input.sections.0.criteria': fc.constant([]),
    'input.sections.0.criteria.0.key': fc.oneof(invalid.code, fc.constant('VERIFY')),
    'input.sections.0.criteria.0.label': invalid.requiredText,
    'input.sections.0.criteria.0.type': invalid.enumValue,
    'input.sections.0.criteria.0.points': fc.oneof(invalid.seconds, fc.constant(0)),
    'input.sections.0.criteria.0.scaleMax': invalid.smallInt,
    'input.sections.0.criteria.0.critical': invalid.enumValue,
    'input.sections.0.criteria.0.category': invalid.code,
  };

  const cases = (): MutationCase[] => [
    {
      name: 'createScorecard',
      document: 'mutation($input: ScorecardInput!) { createScorecard(input: $input) { id } }',
      valid: () => ({ input: standardScorecard(factory.unique('SC')) }),
      fields: scorecardFields,
    },
    {
      name: 'updateScorecardDraft',
      document:
        'mutation($id: ID!, $input: ScorecardInput!) { updateScorecardDraft(id: $id, input: $input) { id } }',
      valid: async () => {
        const draft = await factory.mutate<ScorecardRef>(
          'mutation($i: ScorecardInput!) { createScorecard(input: $i) { id code } }',
          { i: standardScorecard(factory.unique('SC')) },
        );
        return { id: draft.id, input: standardScorecard(draft.code, { openingWeight: 50 }) };
      },
      fields: {
        id: fc.oneof(invalid.reference, publishedId()),
        ...scorecardFields,
        'input.code': fc.constant('OTHER-CODE'),
      },
    },
    {
      name: 'publishScorecard',
      document: 'mutation($id: ID!) { publishScorecard(id: $id) { id } }',
      valid: async () => ({ id: (await draftScorecard()).id }),
      fields: { id: fc.oneof(invalid.reference, publishedId()) },
    },
    {
      name: 'createEvaluation',
      document: 'mutation($input: CreateEvaluationInput!) { createEvaluation(input: $input) { id } }',
      valid: () => ({
        input: {
          scorecardId: scorecard.id,
          agentEmployeeNo: 'E100',
          evaluatorEmployeeNo: 'QA-1',
          contact: contact(),
          answers: ALL_ANSWERS,
          comment: 'fine',
        },
      }),
      fields: {
        'input.scorecardId': invalid.reference,
        'input.agentEmployeeNo': fc.oneof(employeeNo, unknownPerson),
        'input.evaluatorEmployeeNo': fc.oneof(employeeNo, fc.constant('E100'), notEvaluator),
        ...contactFields,
        'input.answers.0.criterionKey': fc.oneof(invalid.requiredText, fc.constant('NO-SUCH-KEY')),
        'input.answers.0.value': answerValue,
        'input.answers.0.comment': invalid.text,
        'input.comment': invalid.text,
      },
    },
    {
      name: 'updateEvaluation',
      document:
        'mutation($id: ID!, $input: UpdateEvaluationInput!) { updateEvaluation(id: $id, input: $input) { id } }',
      valid: async () => ({
        id: (await draftEvaluation()).id,
        input: { answers: ALL_ANSWERS, comment: 'better' },
      }),
      fields: {
        id: invalid.reference,
        'input.answers.0.criterionKey': fc.oneof(invalid.requiredText, fc.constant('NO-SUCH-KEY')),
        'input.answers.0.value': answerValue,
        'input.comment': invalid.text,
      },
    },
    {
      name: 'submitEvaluation',
      document: 'mutation($id: ID!) { submitEvaluation(id: $id) { id } }',
      valid: async () => ({ id: (await draftEvaluation()).id }),
      fields: { id: invalid.reference },
    },
    {
      name: 'acknowledgeEvaluation',
      document:
        'mutation($id: ID!, $employeeNo: String!) { acknowledgeEvaluation(id: $id, employeeNo: $employeeNo) { id } }',
      valid: async () => ({ id: await submitted(), employeeNo: 'E100' }),
      fields: { id: invalid.reference, employeeNo: fc.oneof(employeeNo, fc.constant('E999')) },
    },
    {
      name: 'disputeEvaluation',
      document:
        'mutation($id: ID!, $employeeNo: String!, $reason: String!) { disputeEvaluation(id: $id, employeeNo: $employeeNo, reason: $reason) { id } }',
      valid: async () => ({ id: await submitted(), employeeNo: 'E100', reason: 'the customer hung up' }),
      fields: {
        id: invalid.reference,
        employeeNo: fc.oneof(employeeNo, fc.constant('E999')),
        reason: invalid.requiredText,
      },
    },
    {
      name: 'resolveDispute',
      document:
        'mutation($id: ID!, $input: ResolveDisputeInput!) { resolveDispute(id: $id, input: $input) { id } }',
      valid: async () => ({
        id: await disputed(),
        input: { resolution: 'RESCORED', reason: 'rescored', answers: ALL_ANSWERS },
      }),
      fields: {
        id: invalid.reference,
        'input.resolution': invalid.enumValue,
        'input.reason': invalid.requiredText,
        'input.answers.0.criterionKey': fc.oneof(invalid.requiredText, fc.constant('NO-SUCH-KEY')),
        'input.answers.0.value': answerValue,
      },
    },
    {
      name: 'createCalibrationSession',
      document:
        'mutation($input: CreateCalibrationSessionInput!) { createCalibrationSession(input: $input) { id } }',
      valid: () => ({
        input: {
          scorecardId: scorecard.id,
          contact: contact(),
          agentEmployeeNo: 'E100',
          calibratorEmployeeNo: 'CAL',
          evaluatorEmployeeNos: ['QA-1', 'QA-2'],
        },
      }),
      fields: {
        'input.scorecardId': invalid.reference,
        'input.contact': notE100s(),
        'input.contact.source': contactFields['input.contact.source'],
        'input.contact.externalId': contactFields['input.contact.externalId'],
        'input.agentEmployeeNo': fc.oneof(employeeNo, unknownPerson),
        'input.calibratorEmployeeNo': fc.oneof(employeeNo, fc.constantFrom('QA-1', 'E100'), notEvaluator),
        'input.evaluatorEmployeeNos': fc.constantFrom([], ['QA-1', 'QA-1'], ['CAL'], ['E100']),
        'input.evaluatorEmployeeNos.0': fc.oneof(employeeNo, notEvaluator),
      },
    },
    {
      name: 'createSamplingPlan',
      document: 'mutation($input: CreateSamplingPlanInput!) { createSamplingPlan(input: $input) { id } }',
      valid: () => ({
        input: {
          code: factory.unique('P'),
          name: 'Weekly voice',
          period: 'WEEK',
          evaluationsPerAgent: 2,
          seed: 'fixed',
          queueCodes: ['CARDS'],
          channels: ['VOICE'],
          assignments: [{ evaluatorEmployeeNo: 'QA-1', agentEmployeeNos: ['E100', 'E101'] }],
        },
      }),
      fields: {
        'input.code': invalid.code,
        'input.name': invalid.requiredText,
        'input.period': invalid.enumValue,
        'input.evaluationsPerAgent': fc.oneof(invalid.smallInt, fc.constant(0)),
        'input.seed': invalid.text,
        'input.queueCodes.0': fc.oneof(invalid.requiredText, fc.constant('NO-SUCH-QUEUE')),
        'input.channels.0': fc.oneof(invalid.enumValue, fc.constant('FAX')),
        'input.assignments': fc.constantFrom([], 'x'),
        'input.assignments.0.evaluatorEmployeeNo': fc.oneof(employeeNo, fc.constant('E100'), notEvaluator),
        'input.assignments.0.agentEmployeeNos': fc.constantFrom([], ['E100', 'E100']),
        'input.assignments.0.agentEmployeeNos.0': fc.oneof(employeeNo, unknownPerson),
      },
    },
    {
      name: 'drawSample',
      document: 'mutation($planId: ID!, $at: DateTimeISO) { drawSample(planId: $planId, at: $at) { added } }',
      valid: async () => ({ planId: (await plan()).id, at: '2026-05-06T00:00:00Z' }),
      fields: { planId: invalid.reference, at: invalid.timestamp },
    },
  ];

  // Counterexamples the properties found, kept as plain regression tests.
  it.each<Refusal>([
    [
      'a published scorecard: CONFLICT naming the id',
      async () => ({
        document: 'mutation($id: ID!) { publishScorecard(id: $id) { id } }',
        variables: { id: scorecard.id },
      }),
      'CONFLICT',
      /^id: scorecard .* is PUBLISHED/,
    ],
    [
      'an unknown plan: NOT_FOUND naming planId',
      async () => ({
        document: 'mutation($p: ID!) { drawSample(planId: $p) { added } }',
        variables: { p: '00000000-0000-4000-8000-000000000000' },
      }),
      'NOT_FOUND',
      /^SamplingPlan with planId "0{8}-/,
    ],
    [
      'an agent evaluating themself',
      async () => ({
        document: 'mutation($i: CreateEvaluationInput!) { createEvaluation(input: $i) { id } }',
        variables: {
          i: {
            scorecardId: scorecard.id,
            agentEmployeeNo: 'E100',
            evaluatorEmployeeNo: 'E100',
            contact: contact(),
          },
        },
      }),
      'BAD_USER_INPUT',
      /^input\.evaluatorEmployeeNo: must not be the evaluated agent$/,
    ],
    [
      'a sampling plan whose evaluator samples themself',
      async () => ({
        document: 'mutation($i: CreateSamplingPlanInput!) { createSamplingPlan(input: $i) { id } }',
        variables: {
          i: {
            code: factory.unique('P'),
            name: 'Weekly',
            period: 'WEEK',
            evaluationsPerAgent: 1,
            assignments: [{ evaluatorEmployeeNo: 'E100', agentEmployeeNos: ['E100'] }],
          },
        },
      }),
      'BAD_USER_INPUT',
      /^assignments: evaluatorEmployeeNo "E100" cannot be assigned to evaluate themself$/,
    ],
    [
      'a section weight of 1e308',
      async () => ({
        document: 'mutation($i: ScorecardInput!) { createScorecard(input: $i) { id } }',
        variables: {
          i: (() => {
            const input = standardScorecard(factory.unique('SC'));
            input.sections[0].weight = 1e308;
            return input;
          })(),
        },
      }),
      'BAD_USER_INPUT',
      /^sections\[0\]\.weight: must be a number >= 0 and <= 1000$/,
    ],
    [
      'a sampling plan of an unknown channel',
      async () => ({
        document: 'mutation($i: CreateSamplingPlanInput!) { createSamplingPlan(input: $i) { id } }',
        variables: {
          i: {
            code: factory.unique('P'),
            name: 'Faxes',
            period: 'WEEK',
            evaluationsPerAgent: 1,
            channels: ['FAX'],
            assignments: [{ evaluatorEmployeeNo: 'QA-1', agentEmployeeNos: ['E100'] }],
          },
        },
      }),
      'BAD_USER_INPUT',
      /^channels: channels must be among VOICE, /,
    ],
    [
      'a calibration naming an evaluator twice',
      async () => ({
        document:
          'mutation($i: CreateCalibrationSessionInput!) { createCalibrationSession(input: $i) { id } }',
        variables: {
          i: {
            scorecardId: scorecard.id,
            contact: contact(),
            agentEmployeeNo: 'E100',
            calibratorEmployeeNo: 'CAL',
            evaluatorEmployeeNos: ['QA-1', 'QA-1'],
          },
        },
      }),
      'BAD_USER_INPUT',
      /^evaluatorEmployeeNos: "QA-1" is named more than once$/,
    ],
    // issue 17: records stand for something real
    [
      'an evaluation of a contact traffic does not hold',
      async () => ({
        document: 'mutation($i: CreateEvaluationInput!) { createEvaluation(input: $i) { id } }',
        variables: {
          i: {
            scorecardId: scorecard.id,
            agentEmployeeNo: 'E100',
            evaluatorEmployeeNo: 'QA-1',
            contact: { source: 'pbx', externalId: 'nowhere' },
          },
        },
      }),
      'BAD_USER_INPUT',
      /^input\.contact: traffic holds no contact with source "pbx" and externalId "nowhere"$/,
    ],
    [
      'an evaluation of a contact another agent handled',
      async () => ({
        document: 'mutation($i: CreateEvaluationInput!) { createEvaluation(input: $i) { id } }',
        variables: {
          i: {
            scorecardId: scorecard.id,
            agentEmployeeNo: 'E100',
            evaluatorEmployeeNo: 'QA-1',
            contact: world.contact('E101'),
          },
        },
      }),
      'BAD_USER_INPUT',
      /^input\.contact: the contact \(source, externalId\) was not handled by agentEmployeeNo "E100"$/,
    ],
    [
      'a second evaluation of a contact on the same scorecard',
      async () => ({
        document: 'mutation($i: CreateEvaluationInput!) { createEvaluation(input: $i) { id } }',
        variables: {
          i: {
            scorecardId: scorecard.id,
            agentEmployeeNo: 'E100',
            evaluatorEmployeeNo: 'QA-2',
            contact: evaluated,
          },
        },
      }),
      'CONFLICT',
      /^input\.contact: the contact already has an evaluation on scorecard /,
    ],
    [
      'a calibration calibrated by the evaluated agent',
      async () => ({
        document:
          'mutation($i: CreateCalibrationSessionInput!) { createCalibrationSession(input: $i) { id } }',
        variables: {
          i: {
            scorecardId: scorecard.id,
            contact: contact(),
            agentEmployeeNo: 'E100',
            calibratorEmployeeNo: 'E100',
            evaluatorEmployeeNos: ['QA-1'],
          },
        },
      }),
      'BAD_USER_INPUT',
      /^input\.calibratorEmployeeNo: must not be the evaluated agent$/,
    ],
    [
      'a sampling plan whose evaluator is an agent, of an unknown queue',
      async () => ({
        document: 'mutation($i: CreateSamplingPlanInput!) { createSamplingPlan(input: $i) { id } }',
        variables: {
          i: {
            code: factory.unique('P'),
            name: 'Weekly',
            period: 'WEEK',
            evaluationsPerAgent: 1,
            queueCodes: ['NO-SUCH-QUEUE'],
            assignments: [{ evaluatorEmployeeNo: 'AG-9', agentEmployeeNos: ['E100'] }],
          },
        },
      }),
      'BAD_USER_INPUT',
      /^input\.assignments\.0\.evaluatorEmployeeNo: "AG-9" is AGENT, not an evaluator/,
    ],
  ])('refuses %s, writing nothing', async (_name, request, code, message) => {
    const { document, variables } = await request();
    const before = await databaseFingerprint(qa.orm);
    const response = await postGraphQL(qa.url, document, variables);
    expect(response.errors?.[0].extensions?.code).toBe(code);
    expect(response.errors?.[0].message).toMatch(message);
    expect(await databaseFingerprint(qa.orm)).toBe(before);
  });

  badInputProperties(() => qa, cases, 20);
});
