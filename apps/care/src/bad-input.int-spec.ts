import { randomUUID } from 'node:crypto';
import { staticScopeSource } from '@switchboard/subgraph-kit';
import {
  badInputProperties,
  caller,
  databaseFingerprint,
  invalid,
  KnownReferences,
  postGraphQL,
  startTestSubgraph,
  subgraphToken,
  type MutationCase,
  type TestSubgraph,
} from '@switchboard/testing';
import fc from 'fast-check';
import { configureCare } from './care-services';
import { careSubgraph } from './care.subgraph';
import { CASE_FIELDS, CareFactory } from './testing/care-factories';
import { CareWorldDouble } from './testing/care-world-double';

/*
 * Issue 18's done-when: bad input on every care write of cases, calendars and commitments (due
 * before made, an unknown center or calendar, an owner out of scope, an illegal state move, an
 * unknown customer or contact) gets a clear error naming the field and writes nothing, as
 * properties over generated bad values (the complaint writes have theirs in complaint.int-spec.ts).
 */
const center = randomUUID();
const otherCenter = randomUUID();
const team = randomUUID();
const tag = randomUUID().slice(0, 6).toUpperCase();
const CENTER_CODE = `C-${tag}`;
const TEAM_CODE = `T-${tag}`;
const AGENT = `A${tag}`;
const COLLEAGUE = `B${tag}`;
const FAR = `F${tag}`; // works in another center
let now = new Date('2027-03-08T01:00:00Z');

const world = new CareWorldDouble();
let care: TestSubgraph;
let factory: CareFactory;
let restore: () => void;

beforeAll(async () => {
  await world.serveAsGateway();
  world.agents.set(AGENT, { teamId: team, centerId: center });
  world.agents.set(COLLEAGUE, { teamId: team, centerId: center });
  world.agents.set(FAR, { teamId: randomUUID(), centerId: otherCenter });
  // makeCommitment asks for its contact through this source (the world double answers cases' lookups)
  restore = configureCare({
    clock: () => now,
    // openServiceRecovery gives the recovery to the agent's lead: staff's answer has one
    directory: async (asks) => asks.map(() => ({ teamId: team, teamLead: COLLEAGUE })),
    contacts: async (keys) =>
      keys.map((k) => {
        const c = made.get(`${k.source}|${k.externalId}`);
        return c
          ? {
              source: c.source,
              externalId: c.externalId,
              channel: c.channel,
              direction: 'INBOUND' as const,
              outcome: 'ANSWERED',
              arrivedAt: new Date(c.arrivedAt),
              agentNo: AGENT,
              customerKey: c.customerKey,
            }
          : null;
      }),
  });
  care = await startTestSubgraph(careSubgraph, {
    referenceSource: new KnownReferences()
      .add('center', center, otherCenter)
      .add('team', team)
      .add('agent', AGENT, COLLEAGUE, FAR).source,
    scopeSource: staticScopeSource({
      centers: { [CENTER_CODE]: { id: center, teams: [TEAM_CODE] } },
      teams: { [TEAM_CODE]: { id: team, employeeNos: [AGENT, COLLEAGUE] } },
    }),
  });
  factory = new CareFactory(care.url);
});
afterAll(async () => {
  await care?.stop();
  restore?.();
  await world.release();
});

const OPEN = `mutation($i: OpenCaseInput!) { openCase(input: $i) { ${CASE_FIELDS} } }`;
const CHANGE = `mutation($caseId: ID!, $expectedVersion: Int!, $change: ChangeCaseInput!) {
  changeCase(caseId: $caseId, expectedVersion: $expectedVersion, change: $change) { ${CASE_FIELDS} } }`;
const CALENDAR = 'mutation($i: SetBusinessCalendarInput!) { setBusinessCalendar(input: $i) { centerId } }';
const MAKE = 'mutation($i: MakeCommitmentInput!) { makeCommitment(input: $i) { id } }';

const made = new Map<string, ReturnType<CareWorldDouble['contact']>>();
const freshContact = () => {
  const contact = world.contact(`cust-${randomUUID()}`, AGENT, '2027-03-08T00:30:00Z', { centerId: center });
  made.set(`${contact.source}|${contact.externalId}`, contact);
  return contact;
};

/** A new case (NEW), for changeCase's valid form. */
async function freshCase() {
  return factory.case({ centerId: center, contact: freshContact(), type: 'INQUIRY', ownerTeamId: team });
}

function makeInput(contact = freshContact()) {
  return {
    i: {
      clientKey: randomUUID(),
      centerId: center,
      contact: { source: contact.source, externalId: contact.externalId },
      customerKey: contact.customerKey as string,
      kind: 'CALL_BACK',
      channel: 'VOICE',
      dueAt: '2027-03-09T08:00:00Z',
    },
  };
}

describe('bad input on care writes', () => {
  badInputProperties(
    () => care,
    (): MutationCase[] => [
      {
        name: 'openCase',
        document: OPEN,
        valid: () => {
          const contact = freshContact();
          return {
            i: {
              contact: { source: contact.source, externalId: contact.externalId },
              centerId: center,
              type: 'INQUIRY',
              categoryCode: 'CARD.DELIVERY',
              title: 'card never arrived',
              department: 'Cards',
              ownerAgentNo: AGENT,
              ownerTeamId: team,
            },
          };
        },
        fields: {
          // an unknown contact (traffic has none such) or a malformed key
          'i.contact.externalId': fc.oneof(
            invalid.requiredText,
            fc.uuid().map((u) => `no-such-call-${u}`),
          ),
          'i.centerId': invalid.reference,
          'i.type': invalid.enumValue,
          'i.categoryCode': fc.oneof(invalid.code, fc.constant('NO.SUCH.CATEGORY')),
          'i.title': invalid.requiredText,
          'i.priority': invalid.smallInt,
          'i.department': invalid.requiredText,
          'i.ownerTeamId': invalid.reference,
          // an owner of another center (out of the case's scope) or unknown to staff
          'i.ownerAgentNo': fc.constantFrom(FAR, 'NO-SUCH-AGENT'),
        },
      },
      {
        name: 'changeCase',
        document: CHANGE,
        valid: async () => {
          const c = await freshCase();
          return { caseId: c.id, expectedVersion: c.version, change: { status: 'OPEN' } };
        },
        fields: {
          // from NEW: an illegal move (straight to CLOSED, RESOLVED is allowed only once open) or no state at all
          'change.status': fc.oneof(invalid.enumValue, fc.constantFrom('CLOSED', 'REOPENED')),
          caseId: invalid.reference,
          expectedVersion: fc.oneof(invalid.smallInt, fc.constant(0)),
          'change.ownerTeamId': invalid.reference,
          'change.ownerAgentNo': fc.constantFrom(FAR, 'NO-SUCH-AGENT'),
          'change.department': invalid.requiredText,
          'change.note': invalid.text,
        },
      },
      {
        name: 'setBusinessCalendar',
        document: CALENDAR,
        valid: () => ({
          i: {
            centerId: center,
            timeZone: 'Asia/Shanghai',
            periods: [
              { weekday: 1, start: '09:00', end: '12:00' },
              { weekday: 1, start: '13:00', end: '18:00' },
            ],
          },
        }),
        fields: {
          'i.centerId': invalid.reference,
          'i.timeZone': fc.oneof(invalid.requiredText, fc.constantFrom('Mars/Olympus', 'UTC+25')),
          'i.periods.0.weekday': fc.oneof(fc.integer({ min: 8, max: 1000 }), fc.integer({ max: -1 })),
          'i.periods.0.start': fc.constantFrom('25:00', '9am', '', '12:30'),
          'i.periods.1.end': fc.constantFrom('24:61', 'noon', '', '12:00'),
        },
      },
    ],
    8,
  );

  /**
   * makeCommitment: the promiser is the token's agent, so the property runs as that agent (the
   * shared helper calls as an administrator, who has no employee number to promise with).
   */
  it('makeCommitment: due before made, an unknown center, contact or customer, bad kinds and durations', async () => {
    const token = await subgraphToken('care', caller('AGENT', { employeeNo: AGENT }));
    const make = (variables: Record<string, unknown>) =>
      postGraphQL(care.url, MAKE, variables, { authorization: `Bearer ${token}` });
    now = new Date('2027-03-08T01:00:00Z');
    expect((await make(makeInput())).errors).toBeUndefined(); // the valid form is accepted
    const fields: Record<string, fc.Arbitrary<unknown>> = {
      // due before it was made (the clock says 2027-03-08T01:00Z), or no time at all
      dueAt: fc.oneof(invalid.timestamp, fc.constantFrom('2027-03-07T00:00:00Z', '2027-03-08T00:59:59Z')),
      centerId: invalid.reference,
      externalId: fc.oneof(
        invalid.requiredText,
        fc.uuid().map((u) => `no-such-call-${u}`),
      ),
      customerKey: fc.oneof(invalid.requiredText, fc.constant('another-customer')),
      kind: invalid.enumValue,
      channel: invalid.enumValue,
      graceMinutes: invalid.smallInt,
      clientKey: invalid.requiredText,
    };
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...Object.keys(fields)).chain((f) => fc.tuple(fc.constant(f), fields[f])),
        async ([field, value]) => {
          const variables = makeInput();
          if (field === 'externalId') variables.i.contact.externalId = value as string;
          else (variables.i as Record<string, unknown>)[field] = value;
          const before = await databaseFingerprint(care.orm);
          const answer = await make(variables);
          const error = answer.errors?.[0];
          expect({ field, value, code: error?.extensions?.code ?? 'accepted' }).toEqual({
            field,
            value,
            code: expect.stringMatching(/^(BAD_USER_INPUT|NOT_FOUND|GRAPHQL_VALIDATION_FAILED)$/),
          });
          // an unknown or malformed contact is named as the contact it is part of
          expect(error?.message).toContain(field === 'externalId' ? 'contact' : field);
          expect(await databaseFingerprint(care.orm)).toBe(before);
        },
      ),
      { numRuns: 24, seed: Number(process.env.FAST_CHECK_SEED ?? 20_261_207) },
    );
  }, 240_000);

  it('makeCommitment in business minutes on a center without a calendar, and an owner out of scope on a case, write nothing', async () => {
    const token = await subgraphToken('care', caller('AGENT', { employeeNo: AGENT }));
    const before = await databaseFingerprint(care.orm);
    const { i } = makeInput();
    const noCalendar = await postGraphQL(
      care.url,
      MAKE,
      { i: { ...i, centerId: otherCenter, dueAt: undefined, dueInBusinessMinutes: 90 } },
      { authorization: `Bearer ${token}` },
    );
    expect(noCalendar.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(noCalendar.errors?.[0]?.message).toMatch(/centerId|calendar/);
    // a case owned by an agent of another center: out of the case's scope
    const contact = freshContact();
    const farOwner = await postGraphQL(care.url, OPEN, {
      i: {
        contact: { source: contact.source, externalId: contact.externalId },
        centerId: center,
        type: 'INQUIRY',
        categoryCode: 'CARD.DELIVERY',
        title: 'card never arrived',
        department: 'Cards',
        ownerAgentNo: FAR,
      },
    });
    expect(farOwner.errors?.[0]?.extensions?.code).toMatch(/BAD_USER_INPUT|FORBIDDEN/);
    expect(farOwner.errors?.[0]?.message).toContain('ownerAgentNo');
    expect(await databaseFingerprint(care.orm)).toBe(before);
  });
});

const LINK = `mutation($caseId: ID!, $expectedVersion: Int!, $contact: CareContactKeyInput!) {
  linkContact(caseId: $caseId, expectedVersion: $expectedVersion, contact: $contact) { ${CASE_FIELDS} } }`;
const RESOLVE = `mutation($caseId: ID!, $expectedVersion: Int!) {
  resolveCase(caseId: $caseId, expectedVersion: $expectedVersion) { ${CASE_FIELDS} } }`;
const REASSIGN_CASE = `mutation($caseId: ID!, $expectedVersion: Int!, $ownerAgentNo: String!, $note: String) {
  reassignCase(caseId: $caseId, expectedVersion: $expectedVersion, ownerAgentNo: $ownerAgentNo, note: $note) { id } }`;
const SAVE_CUSTOMER = 'mutation($i: SaveCustomerInput!) { saveCustomer(input: $i) { customerKey } }';
const MERGE =
  'mutation($from: String!, $into: String!) { mergeCustomers(from: $from, into: $into) { customerKey } }';
const FULFIL = 'mutation($i: FulfilCommitmentInput!) { fulfilCommitment(input: $i) { id status } }';
const REASSIGN = 'mutation($i: ReassignCommitmentInput!) { reassignCommitment(input: $i) { id } }';
const POLICY = 'mutation($i: SetEscalationPolicyInput!) { setEscalationPolicy(input: $i) { code } }';
const RECOVERY = 'mutation($i: ServiceRecoveryInput!) { openServiceRecovery(input: $i) { id } }';

/** A key merged into another (writes to it are refused), and the live key it resolves to. */
const MERGED = `merged-${tag}`;
const LIVE = `live-${tag}`;

/** A contact (the whole key) that names nothing linkable: malformed, unknown, or of another customer. */
const badContact = fc.oneof(
  invalid.requiredText.map((externalId) => ({ source: 'pbx', externalId })),
  invalid.requiredText.map((source) => ({ source, externalId: 'x-1' })),
  fc.uuid().map((u) => ({ source: 'pbx', externalId: `no-such-call-${u}` })),
);

/** A commitment made by AGENT (the promiser is a token's agent), due tomorrow. */
async function freshCommitment(): Promise<{ id: string; version: number }> {
  const token = await subgraphToken('care', caller('AGENT', { employeeNo: AGENT }));
  const answer = await postGraphQL<{ makeCommitment: { id: string; version: number } }>(
    care.url,
    'mutation($i: MakeCommitmentInput!) { makeCommitment(input: $i) { id version } }',
    makeInput(),
    { authorization: `Bearer ${token}` },
  );
  if (!answer.data?.makeCommitment) throw new Error(JSON.stringify(answer.errors));
  return answer.data.makeCommitment;
}

describe('bad input on the other care writes', () => {
  beforeAll(async () => {
    now = new Date('2027-03-08T01:00:00Z');
    await factory.customer({ customerKey: MERGED });
    await factory.customer({ customerKey: LIVE });
    const merged = await postGraphQL(care.url, MERGE, { from: MERGED, into: LIVE });
    expect(merged.errors).toBeUndefined();
  });

  badInputProperties(
    () => care,
    (): MutationCase[] => [
      {
        name: 'linkContact',
        document: LINK,
        valid: async () => {
          now = new Date('2027-03-08T01:00:00Z');
          const c = await freshCase();
          const customerKey = (
            await postGraphQL<{ case: { customerKey: string } }>(
              care.url,
              'query($id: ID!) { case(id: $id) { customerKey } }',
              { id: c.id },
            )
          ).data?.case.customerKey as string;
          const again = world.contact(customerKey, AGENT, '2027-03-08T00:40:00Z', { centerId: center });
          return {
            caseId: c.id,
            expectedVersion: c.version,
            contact: { source: again.source, externalId: again.externalId },
          };
        },
        fields: {
          caseId: invalid.reference,
          expectedVersion: fc.oneof(invalid.smallInt, fc.constant(0)),
          // malformed, unknown to traffic, another customer's, or already the case's (or another's)
          contact: fc.oneof(
            badContact,
            fc.constant(null).map(() => {
              const other = freshContact();
              return { source: other.source, externalId: other.externalId };
            }),
          ),
        },
      },
      {
        name: 'resolveCase',
        document: RESOLVE,
        valid: async () => {
          const c = await freshCase();
          const opened = await postGraphQL<{ changeCase: { version: number } }>(
            care.url,
            `mutation($id: ID!, $v: Int!) { changeCase(caseId: $id, expectedVersion: $v, change: { status: OPEN }) { version } }`,
            { id: c.id, v: c.version },
          );
          return { caseId: c.id, expectedVersion: opened.data?.changeCase.version };
        },
        fields: {
          caseId: invalid.reference,
          expectedVersion: fc.oneof(invalid.smallInt, fc.constant(0)),
        },
      },
      {
        name: 'reassignCase',
        document: REASSIGN_CASE,
        valid: async () => {
          const c = await freshCase();
          return { caseId: c.id, expectedVersion: c.version, ownerAgentNo: COLLEAGUE, note: 'covering' };
        },
        fields: {
          caseId: invalid.reference,
          expectedVersion: fc.oneof(invalid.smallInt, fc.constant(0)),
          // unknown to staff, malformed, or working in another center than the case's
          ownerAgentNo: fc.oneof(invalid.requiredText, fc.constantFrom('NO-SUCH-AGENT', FAR)),
          note: invalid.text,
        },
      },
      {
        name: 'saveCustomer',
        document: SAVE_CUSTOMER,
        valid: () => ({
          i: {
            customerKey: `cust-${randomUUID()}`,
            segment: 'VIP',
            name: 'Wang Fang',
            phone: '138 0000 0001',
          },
        }),
        fields: {
          // malformed, or a key merged into another (write to the live one)
          'i.customerKey': fc.oneof(invalid.requiredText, fc.constant(MERGED)),
          'i.segment': invalid.enumValue,
          'i.name': fc.oneof(invalid.text, fc.constant('')),
          'i.phone': fc.oneof(
            invalid.text,
            fc.constantFrom('', 'call me maybe', '12', '+86 138 0000 0001 ext. 9'),
          ),
        },
      },
      {
        name: 'mergeCustomers',
        document: MERGE,
        valid: async () => {
          const [from, into] = [`cust-${randomUUID()}`, `cust-${randomUUID()}`];
          await factory.customer({ customerKey: from });
          await factory.customer({ customerKey: into });
          return { from, into };
        },
        fields: {
          // malformed, unknown, or merged already
          from: fc.oneof(
            invalid.requiredText,
            fc.uuid().map((u) => `nobody-${u}`),
            fc.constant(MERGED),
          ),
          into: fc.oneof(
            invalid.requiredText,
            fc.uuid().map((u) => `nobody-${u}`),
            fc.constant(MERGED),
          ),
        },
      },
      {
        name: 'fulfilCommitment',
        document: FULFIL,
        valid: async () => {
          now = new Date('2027-03-08T01:00:00Z');
          const c = await freshCommitment();
          return { i: { id: c.id, evidence: 'called back, card re-sent' } };
        },
        fields: {
          'i.id': invalid.reference,
          'i.evidence': invalid.requiredText,
        },
      },
      {
        name: 'reassignCommitment',
        document: REASSIGN,
        valid: async () => {
          now = new Date('2027-03-08T01:00:00Z');
          const c = await freshCommitment();
          return { i: { id: c.id, ownerEmployeeNo: COLLEAGUE, expectedVersion: c.version, reason: 'leave' } };
        },
        fields: {
          'i.id': invalid.reference,
          // unknown to staff, malformed, the owner already, or working in another center
          'i.ownerEmployeeNo': fc.oneof(invalid.requiredText, fc.constantFrom('NO-SUCH-AGENT', AGENT, FAR)),
          'i.expectedVersion': fc.oneof(invalid.smallInt, fc.constant(0)),
          'i.reason': invalid.text,
        },
      },
      {
        name: 'setEscalationPolicy',
        document: POLICY,
        valid: () => ({
          i: {
            centerId: center,
            caseType: 'COMPLAINT',
            priority: '1',
            segment: 'VIP',
            code: `VIP-${randomUUID().slice(0, 8).toUpperCase()}`,
            levels: [
              { level: 0, offset: -30, basis: 'CALENDAR_MINUTES', recipients: ['OWNER'], action: 'NOTIFY' },
              {
                level: 1,
                offset: 0,
                basis: 'CALENDAR_MINUTES',
                recipients: ['OWNER', 'TEAM_LEAD'],
                action: 'NOTIFY',
              },
              {
                level: 2,
                offset: 1,
                basis: 'BUSINESS_DAYS',
                recipients: ['CENTER_MANAGER'],
                action: 'RAISE_PRIORITY',
              },
            ],
          },
        }),
        fields: {
          'i.centerId': invalid.reference,
          'i.code': fc.oneof(invalid.requiredText, invalid.code),
          // none of the case types, priorities or segments, nor '*'
          'i.caseType': fc.oneof(invalid.requiredText, fc.constantFrom('NOT_A_TYPE', 'complaint', '**')),
          'i.priority': fc.oneof(invalid.requiredText, fc.constantFrom('0', '5', 'HIGH', '1.5')),
          'i.segment': fc.oneof(invalid.requiredText, fc.constantFrom('GOLD', 'vip')),
          'i.levels': fc.constant([]),
          'i.levels.0.level': fc.oneof(fc.integer({ max: -1 }), fc.constantFrom(1.5, '0')),
          // a level out of order, or beyond a year from due
          'i.levels.1.offset': fc.oneof(
            fc.integer({ min: -100_000_000, max: -31 }),
            fc.integer({ min: 525_601, max: 2_147_483_647 }),
          ),
          'i.levels.2.offset': fc.oneof(
            fc.integer({ min: 366, max: 2_147_483_647 }),
            fc.integer({ max: -1 }),
          ),
          'i.levels.0.basis': invalid.enumValue,
          'i.levels.1.recipients': fc.constantFrom([], ['NOBODY'], ['ROLE:'], ['OWNER', 'OWNER']),
          'i.levels.2.action': invalid.enumValue,
        },
      },
      {
        name: 'openServiceRecovery',
        document: RECOVERY,
        valid: () => {
          now = new Date('2027-03-08T01:00:00Z');
          const contact = freshContact();
          return {
            i: {
              responseKey: `resp-${randomUUID()}`,
              centerId: center,
              contact: { source: contact.source, externalId: contact.externalId },
              agentEmployeeNo: AGENT,
              score: 1,
              answeredAt: '2027-03-08T00:50:00Z',
            },
          };
        },
        fields: {
          'i.responseKey': invalid.requiredText,
          'i.centerId': invalid.reference,
          'i.contact': badContact,
          // unknown, malformed, or not the agent of the contact
          'i.agentEmployeeNo': fc.oneof(invalid.requiredText, fc.constantFrom('NO-SUCH-AGENT', FAR)),
          // satisfied (nothing to recover) or no score at all
          'i.score': fc.oneof(invalid.smallInt, fc.constantFrom(0, 3, 4, 5, 6)),
          // malformed, or after the clock (2027-03-08T01:00Z)
          'i.answeredAt': fc.oneof(invalid.timestamp, fc.constant('2027-03-09T00:00:00Z')),
        },
      },
    ],
    20,
  );
});
