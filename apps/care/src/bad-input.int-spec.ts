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
    directory: async (asks) => asks.map(() => ({ teamId: team, teamLead: null })),
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
