import { randomUUID } from 'node:crypto';
import { staticScopeSource } from '@switchboard/subgraph-kit';
import {
  authorizationFor,
  badInputProperties,
  caller,
  databaseFingerprint,
  invalid,
  KnownReferences,
  postGraphQL,
  startTestSubgraph,
  type MutationCase,
  type TestSubgraph,
} from '@switchboard/testing';
import fc from 'fast-check';
import { configureCare } from '../care-services';
import { careSubgraph } from '../care.subgraph';
import { CareFactory, type OpenedCase } from '../testing/care-factories';
import { CareWorldDouble } from '../testing/care-world-double';
import { CHANGE, DECIDE, EXTEND, REGISTER, registration } from '../testing/complaint-calls';

const center = randomUUID();
const team = randomUUID();
const CENTER_CODE = `CC-${center.slice(0, 6)}`;
const manager = caller('CENTER_MANAGER', { centers: [CENTER_CODE] });
let now = new Date('2026-10-05T00:00:00Z');

interface ComplaintAnswer {
  id: string;
  deadlineBasis: string;
  deadlineDate: string;
  closedAt: string | null;
  outcome: string | null;
  timely: boolean | null;
  overdue: boolean;
  escalatedFromType: string | null;
  remedyAmount: string | null;
  extensionApprovedBy: string | null;
}

describe('Complaints', () => {
  let care: TestSubgraph;
  let factory: CareFactory;
  let restore: () => void;
  const world = new CareWorldDouble();
  const references = new KnownReferences()
    .add('center', center)
    .add('team', team)
    .add('agent', '2001', '2002', '2003');

  beforeAll(async () => {
    await world.serveAsGateway();
    restore = configureCare({ clock: () => now });
    care = await startTestSubgraph(careSubgraph, {
      referenceSource: references.source,
      scopeSource: staticScopeSource({
        centers: { [CENTER_CODE]: { id: center, teams: [] } },
        teams: {},
      }),
    });
    factory = new CareFactory(care.url);
  });
  afterAll(async () => {
    await care.stop();
    restore();
    await world.release();
  });

  /** A fresh case of `type` for a new customer, from a contact answered in the center. */
  async function freshCase(type = 'COMPLAINT', arrivedAt = '2026-10-01T00:30:00Z'): Promise<OpenedCase> {
    const contact = world.contact(`cust-${randomUUID()}`, '2001', arrivedAt, { centerId: center });
    return factory.case({ centerId: center, contact, type, ownerTeamId: team });
  }
  const register = async (c: OpenedCase, more: Record<string, unknown> = {}) =>
    postGraphQL<{ registerComplaint: ComplaintAnswer }>(
      care.url,
      REGISTER,
      registration(c.id, c.version, more),
    );
  const decide = (id: string, v: number, more: Record<string, unknown>) =>
    postGraphQL<{ decideComplaint: ComplaintAnswer }>(care.url, DECIDE, {
      i: { caseId: id, expectedVersion: v, outcome: 'UPHELD', ...more },
    });

  it('received on the 1st and decided on the 17th without extension: deadline the 16th, not timely', async () => {
    now = new Date('2026-10-05T00:00:00Z');
    const c = await freshCase();
    const made = await register(c);
    expect(made.errors).toBeUndefined();
    expect(made.data?.registerComplaint).toMatchObject({
      deadlineBasis: 'DAYS_15',
      deadlineDate: '2026-10-16',
      timely: null,
      overdue: false,
    });
    now = new Date('2026-10-20T00:00:00Z');
    const decided = await decide(c.id, c.version + 1, {
      decidedAt: '2026-10-17T03:00:00Z',
      remedyAmount: '200.5',
      remedy: 'annual fee refunded',
    });
    expect(decided.errors).toBeUndefined();
    expect(decided.data?.decideComplaint).toMatchObject({
      outcome: 'UPHELD',
      timely: false,
      remedyAmount: '200.50',
      closedAt: '2026-10-17T03:00:00.000Z',
    });
  });

  it('with a 30-day extension approved by a manager of its center before the 16th, the same decision is timely', async () => {
    now = new Date('2026-10-05T00:00:00Z');
    const c = await freshCase();
    await register(c);
    now = new Date('2026-10-10T02:00:00Z');
    const asManager = await authorizationFor(care.url, manager);
    const extended = await postGraphQL<{ extendComplaintDeadline: ComplaintAnswer }>(
      care.url,
      EXTEND,
      {
        i: {
          caseId: c.id,
          expectedVersion: c.version + 1,
          basis: 'EXTENDED_30',
          reason: 'needs the card issuer',
        },
      },
      asManager,
    );
    expect(extended.errors).toBeUndefined();
    expect(extended.data?.extendComplaintDeadline).toMatchObject({
      deadlineBasis: 'EXTENDED_30',
      deadlineDate: '2026-10-31',
      extensionApprovedBy: manager.subject,
    });
    now = new Date('2026-10-20T00:00:00Z');
    const decided = await decide(c.id, c.version + 2, { decidedAt: '2026-10-17T03:00:00Z' });
    expect(decided.data?.decideComplaint.timely).toBe(true);
    // the case's log holds every step, the version moved with each
    const log = await postGraphQL<{ case: { version: number; events: { kind: string; payload: string }[] } }>(
      care.url,
      'query($id: ID!) { case(id: $id) { version events { kind payload } } }',
      { id: c.id },
    );
    const complaintEvents = log.data?.case.events.filter((e) => e.kind === 'COMPLAINT') ?? [];
    expect(complaintEvents.map((e) => JSON.parse(e.payload).action)).toEqual([
      'REGISTERED',
      'EXTENDED',
      'DECIDED',
    ]);
    expect(log.data?.case.version).toBe(c.version + 3);
    expect(JSON.stringify(log.data)).not.toContain('hung up'); // the verbatim (PII) stays out of the log
  });

  it('an extension after the deadline passed, or by a manager of another center, is refused and writes nothing', async () => {
    now = new Date('2026-10-05T00:00:00Z');
    const c = await freshCase();
    await register(c);
    now = new Date('2026-10-16T16:00:00Z'); // midnight ending the 16th in Shanghai: passed
    const before = await databaseFingerprint(care.orm);
    const late = await postGraphQL(care.url, EXTEND, {
      i: { caseId: c.id, expectedVersion: c.version + 1, basis: 'EXTENDED_30', reason: 'late' },
    });
    expect(late.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(late.errors?.[0]?.message).toContain('basis');
    const elsewhere = await postGraphQL(
      care.url,
      EXTEND,
      { i: { caseId: c.id, expectedVersion: c.version + 1, basis: 'EXTENDED_30', reason: 'x' } },
      await authorizationFor(care.url, caller('CENTER_MANAGER', { centers: ['SOMEWHERE-ELSE'] })),
    );
    expect(elsewhere.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(await databaseFingerprint(care.orm)).toBe(before);
  });

  it('refuses a handler who is the agent complained about (BAD_USER_INPUT naming handlerAgentNo), on register and change', async () => {
    now = new Date('2026-10-05T00:00:00Z');
    const c = await freshCase();
    const before = await databaseFingerprint(care.orm);
    const same = await register(c, { subjectAgentNo: '2003', handlerAgentNo: '2003' });
    expect(same.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(same.errors?.[0]?.message).toContain('handlerAgentNo');
    expect(await databaseFingerprint(care.orm)).toBe(before);
    await register(c, { subjectAgentNo: '2003', handlerAgentNo: '2002' });
    const before2 = await databaseFingerprint(care.orm);
    const changed = await postGraphQL(care.url, CHANGE, {
      id: c.id,
      v: c.version + 1,
      c: { handlerAgentNo: '2003' },
    });
    expect(changed.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(changed.errors?.[0]?.message).toContain('handlerAgentNo');
    expect(await databaseFingerprint(care.orm)).toBe(before2);
  });

  it('refuses an agent unknown to staff, a code not in the list, a stale version, and a second complaint', async () => {
    now = new Date('2026-10-05T00:00:00Z');
    const c = await freshCase();
    const before = await databaseFingerprint(care.orm);
    const unknown = await register(c, { handlerAgentNo: 'NOBODY' });
    expect(unknown.errors?.[0]?.message).toContain('handlerAgentNo');
    const code = await register(c, { reasonCode: 'C77' });
    expect(code.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(code.errors?.[0]?.message).toContain('reasonCode');
    const stale = await postGraphQL(care.url, REGISTER, registration(c.id, c.version - 1));
    expect(stale.errors?.[0]?.extensions?.code).toBe('CONFLICT');
    expect(await databaseFingerprint(care.orm)).toBe(before);
    await register(c);
    const again = await postGraphQL(care.url, REGISTER, registration(c.id, c.version + 1));
    expect(again.errors?.[0]?.extensions?.code).toBe('CONFLICT');
  });

  it('an inquiry that becomes a complaint is escalated: the case turns COMPLAINT, the rate counts it', async () => {
    now = new Date('2026-10-05T00:00:00Z');
    const c = await freshCase('INQUIRY', '2026-10-02T00:30:00Z');
    const made = await register(c, { source: 'ESCALATED_FROM_CASE' });
    expect(made.data?.registerComplaint.escalatedFromType).toBe('INQUIRY');
    const read = await postGraphQL<{ case: { type: string; complaint: { id: string } } }>(
      care.url,
      'query($id: ID!) { case(id: $id) { type complaint { id } } }',
      { id: c.id },
    );
    expect(read.data?.case).toEqual({ type: 'COMPLAINT', complaint: { id: c.id } });
  });

  it('flags an inquiry at complaint risk on the third inbound call within 7 days, before it is a complaint', async () => {
    const key = `cust-${randomUUID()}`;
    const calls = ['2026-11-02T01:00:00Z', '2026-11-04T01:00:00Z', '2026-11-06T01:00:00Z'].map((at) =>
      world.contact(key, '2001', at, { centerId: center }),
    );
    const c = await factory.case({ centerId: center, contact: calls[0], type: 'INQUIRY' });
    const risk = () =>
      postGraphQL<{
        case: { complaintRisk: { atRisk: boolean; reasons: string[]; repeatContacts: number } };
      }>(care.url, 'query($id: ID!) { case(id: $id) { complaintRisk { atRisk reasons repeatContacts } } }', {
        id: c.id,
      });
    let v = c.version;
    const link = async (call: (typeof calls)[number]) => {
      const r = await postGraphQL<{ linkContact: { version: number } }>(
        care.url,
        'mutation($id: ID!, $v: Int!, $c: CareContactKeyInput!) { linkContact(caseId: $id, expectedVersion: $v, contact: $c) { version } }',
        { id: c.id, v, c: { source: call.source, externalId: call.externalId } },
      );
      v = r.data?.linkContact.version ?? -1;
    };
    await link(calls[1]);
    expect((await risk()).data?.case.complaintRisk).toEqual({
      atRisk: false,
      reasons: [],
      repeatContacts: 2,
    });
    await link(calls[2]);
    expect((await risk()).data?.case.complaintRisk).toEqual({
      atRisk: true,
      reasons: ['REPEAT_CONTACTS'],
      repeatContacts: 3,
    });
  });

  it('complaintStats by reason axis sums to the total; complaintKpis per 10k answered contacts', async () => {
    const from = '2026-10-01T00:00:00Z';
    const to = '2026-11-01T00:00:00Z';
    now = new Date('2026-12-01T00:00:00Z'); // the period's end counts for overdue: four open past 10-16
    const stats = await postGraphQL<{
      total: {
        received: number;
        closed: number;
        closedTimely: number;
        upheld: number;
        complaintTimelyRate: number;
        overdueOpen: number;
      }[];
      byReason: { reasonCode: string; received: number }[];
    }>(
      care.url,
      `query($f: DateTimeISO!, $t: DateTimeISO!) {
        total: complaintStats(from: $f, to: $t) { received closed closedTimely upheld complaintTimelyRate overdueOpen }
        byReason: complaintStats(from: $f, to: $t, groupBy: [REASON_AXIS]) { reasonCode received } }`,
      { f: from, t: to },
    );
    expect(stats.errors).toBeUndefined();
    const total = stats.data?.total[0];
    expect(total).toMatchObject({
      received: 6,
      closed: 2,
      closedTimely: 1,
      upheld: 2,
      complaintTimelyRate: 0.5,
      overdueOpen: 4,
    });
    // a day after the deadline: nothing received, the two decisions, the four still open and overdue
    const day = await postGraphQL<{ complaintStats: unknown[] }>(
      care.url,
      '{ complaintStats(from: "2026-10-17T00:00:00Z", to: "2026-10-18T00:00:00Z") { received closed overdueOpen } }',
    );
    expect(day.data?.complaintStats).toEqual([{ received: 0, closed: 2, overdueOpen: 4 }]);
    const early = await postGraphQL<{ complaintStats: unknown[] }>(
      care.url,
      '{ complaintStats(from: "2026-10-01T00:00:00Z", to: "2026-10-10T00:00:00Z") { received closed overdueOpen } }',
    );
    expect(early.data?.complaintStats).toEqual([{ received: 6, closed: 0, overdueOpen: 0 }]);
    expect(stats.data?.byReason.reduce((s, r) => s + r.received, 0)).toBe(6);
    const kpis = await postGraphQL<{
      complaintKpis: {
        received: number;
        answeredContacts: number;
        complaintsPer10k: number;
        escalatedCases: number;
      };
    }>(
      care.url,
      'query($f: DateTimeISO!, $t: DateTimeISO!, $c: [ID!]) { complaintKpis(from: $f, to: $t, centerIds: $c) { received answeredContacts complaintsPer10k escalatedCases casesOpened } }',
      { f: from, t: '2027-01-01T00:00:00Z', c: [center] },
    );
    expect(kpis.errors).toBeUndefined();
    const answered = [...world.contacts.values()].filter(
      (w) => w.centerId === center && w.arrivedAt >= from && w.arrivedAt < '2027',
    ).length;
    expect(kpis.data?.complaintKpis).toMatchObject({
      received: 6,
      answeredContacts: answered,
      complaintsPer10k: (6 / answered) * 10_000,
      escalatedCases: 1, // cases count by their opening (today's clock), complaints by receipt
    });
  });

  it('lists complaints with their cases in a fixed number of SQL statements', async () => {
    const read = (first: number) =>
      care.sql.count(() =>
        postGraphQL<{ complaints: unknown[] }>(
          care.url,
          'query($n: Int!) { complaints(first: $n) { id verbatim case { id caseNo } } }',
          { n: first },
        ),
      );
    const one = await read(1);
    const all = await read(50);
    expect((all.result.data?.complaints ?? []).length).toBeGreaterThan(5);
    expect(all.statements.length).toBe(one.statements.length);
  });

  it('exports the month as CSV: one row per complaint, the three codes, the dates, customers masked; scoped', async () => {
    const exportAs = async (identity?: Parameters<typeof authorizationFor>[1], month = '2026-10') =>
      fetch(new URL(`/export/complaints?month=${month}`, care.url), {
        headers: await authorizationFor(care.url, identity),
      });
    const admin = await exportAs();
    expect(admin.status).toBe(200);
    const lines = (await admin.text()).trim().split('\n');
    expect(lines[0]).toBe(
      'case_no,center_id,received_date,channel_code,business_code,reason_code,taxonomy_version,product_code,severity,source,deadline_basis,deadline_date,extension_reason,closed_date,outcome,timely,customer,subject_agent_no,handler_agent_no,remedy_amount,remedy_currency',
    );
    expect(lines).toHaveLength(1 + 6);
    expect(lines.filter((l) => l.includes(',2026-10-01,A0302,B03,C01,1,'))).toHaveLength(6);
    expect(lines.some((l) => l.includes(',2026-10-17,UPHELD,false,') && l.includes(',200.50,CNY'))).toBe(
      true,
    );
    expect(
      lines.some((l) => l.includes('EXTENDED_30,2026-10-31,needs the card issuer,2026-10-17,UPHELD,true')),
    ).toBe(true);
    expect(lines.slice(1).every((l) => /,\*+.{4},/.test(l) && !l.includes('cust-'))).toBe(true);
    expect((await exportAs(manager)).status).toBe(200);
    const elsewhere = await exportAs(caller('CENTER_MANAGER', { centers: ['SOMEWHERE-ELSE'] }));
    expect((await elsewhere.text()).trim().split('\n')).toHaveLength(1);
    expect((await exportAs(caller('AGENT', { employeeNo: '2001' }))).status).toBe(403);
    expect((await exportAs(undefined, '2026-13')).status).toBe(400);
    expect((await exportAs(undefined, '2026-11')).headers.get('x-report-rows')).toBe('0');
  });

  it('two registrations of one case at the same version: one wins, the other is CONFLICT', async () => {
    now = new Date('2026-10-05T00:00:00Z');
    const c = await freshCase();
    const answers = await Promise.all([register(c), register(c, { reasonCode: 'C02' })]);
    expect(answers.map((a) => a.errors?.[0]?.extensions?.code ?? 'OK').sort()).toEqual(['CONFLICT', 'OK']);
  });

  it("a bank's own code makes a new version; complaints keep the version they were coded with", async () => {
    const added = await postGraphQL<{ addComplaintCode: { version: number; origin: string } }>(
      care.url,
      'mutation { addComplaintCode(input: { axis: REASON, code: "C9901", parentCode: "C99", nameZh: "年费争议", nameEn: "Annual fee dispute" }) { version origin } }',
    );
    expect(added.data?.addComplaintCode.version).toBeGreaterThan(1);
    const codes = await postGraphQL<{ complaintCodes: { code: string; version: number }[] }>(
      care.url,
      '{ complaintCodes(axis: REASON) { code version } }',
    );
    const current = codes.data?.complaintCodes ?? [];
    expect(current.map((c) => c.code)).toEqual(expect.arrayContaining(['C01', 'C99', 'C9901']));
    expect(new Set(current.map((c) => c.version))).toEqual(new Set([added.data?.addComplaintCode.version]));
    now = new Date('2026-10-05T00:00:00Z');
    const c = await freshCase();
    const made = await postGraphQL<{ registerComplaint: { id: string } }>(
      care.url,
      'mutation($i: RegisterComplaintInput!) { registerComplaint(input: $i) { id taxonomyVersion } }',
      registration(c.id, c.version, { reasonCode: 'C9901' }),
    );
    expect(made.data?.registerComplaint).toEqual({
      id: c.id,
      taxonomyVersion: added.data?.addComplaintCode.version,
    });
    const old = await postGraphQL<{ complaints: { taxonomyVersion: number }[] }>(
      care.url,
      '{ complaints(first: 200) { taxonomyVersion } }',
    );
    expect(old.data?.complaints.some((x) => x.taxonomyVersion === 1)).toBe(true);
  });

  it('the verbatim is read by CASE_HANDLER and ADMIN, each read audit-logged without its value; a manager gets it masked', async () => {
    const [first] =
      (await postGraphQL<{ complaints: { id: string }[] }>(care.url, '{ complaints(first: 1) { id } }')).data
        ?.complaints ?? [];
    const audit = async () =>
      care.orm.em
        .fork()
        .getConnection()
        .execute<
          { field: string; subject: string; row: string }[]
        >("select field, subject, x::text as row from customer_pii_access x where field like 'complaint.%' order by id");
    const before = (await audit()).length;
    const read = (identity?: Parameters<typeof authorizationFor>[1]) =>
      authorizationFor(care.url, identity).then((auth) =>
        postGraphQL<{ complaint: { verbatim: string | null; customerKey: string } }>(
          care.url,
          'query($id: ID!) { complaint(caseId: $id) { verbatim customerKey } }',
          { id: first.id },
          auth,
        ),
      );
    const handler = await read(caller('CASE_HANDLER'));
    expect(handler.data?.complaint.verbatim).toBe('The agent hung up on me twice');
    expect(handler.data?.complaint.customerKey).toMatch(/^cust-/);
    const logged = (await audit()).slice(before);
    expect(logged.map((r) => r.field).sort()).toEqual(['complaint.customerKey', 'complaint.verbatim']);
    expect(logged.every((r) => !r.row.includes('hung up'))).toBe(true);
    const masked = await read(manager);
    expect(masked.data?.complaint.verbatim).toBeNull();
    expect(masked.data?.complaint.customerKey).toMatch(/^\*+.{4}$/);
    expect((await audit()).length).toBe(before + 2);
  });

  describe('bad input', () => {
    badInputProperties(
      () => care,
      (): MutationCase[] => [
        {
          name: 'registerComplaint',
          document: REGISTER,
          valid: async () => {
            now = new Date('2026-10-05T00:00:00Z');
            const c = await freshCase();
            return registration(c.id, c.version);
          },
          fields: {
            'i.caseId': invalid.reference,
            'i.receivedAt': fc.oneof(invalid.timestamp, fc.constant('2027-01-01T00:00:00Z')),
            'i.channelCode': fc.oneof(invalid.code, fc.constant('A77')),
            'i.businessCode': invalid.code,
            'i.reasonCode': invalid.code,
            'i.severity': invalid.enumValue,
            'i.source': invalid.enumValue,
            'i.handlerAgentNo': fc.oneof(invalid.requiredText, fc.constant('2001')),
            'i.verbatim': invalid.text,
          },
        },
        {
          name: 'decideComplaint',
          document: DECIDE,
          valid: async () => {
            now = new Date('2026-10-05T00:00:00Z');
            const c = await freshCase();
            await register(c);
            return {
              i: {
                caseId: c.id,
                expectedVersion: c.version + 1,
                outcome: 'PARTIALLY_UPHELD',
                decidedAt: '2026-10-04T00:00:00Z',
                remedyAmount: '10.00',
                correctiveAction: 'retrain the team',
                correctiveActionDue: '2026-11-30',
              },
            };
          },
          fields: {
            'i.outcome': invalid.enumValue,
            'i.decidedAt': fc.oneof(
              invalid.timestamp,
              fc.constantFrom('2026-09-01T00:00:00Z', '2027-01-01T00:00:00Z'),
            ),
            'i.remedyAmount': fc.constantFrom('-1', '1.234', 'abc', '1e5', '', '12345678901234567'),
            'i.remedyCurrency': fc.constantFrom('cny', 'YUAN', ''),
            'i.correctiveActionDue': fc.oneof(invalid.date, fc.constant('2026-10-01')),
          },
        },
        {
          name: 'extendComplaintDeadline',
          document: EXTEND,
          valid: async () => {
            now = new Date('2026-10-05T00:00:00Z');
            const c = await freshCase();
            await register(c);
            return {
              i: { caseId: c.id, expectedVersion: c.version + 1, basis: 'EXTENDED_60', reason: 'complex' },
            };
          },
          fields: {
            'i.basis': fc.oneof(invalid.enumValue, fc.constant('DAYS_15')),
            'i.reason': invalid.requiredText,
            'i.expectedVersion': invalid.smallInt,
          },
        },
        {
          name: 'changeComplaint',
          document: `mutation($caseId: ID!, $expectedVersion: Int!, $change: ChangeComplaintInput!) {
            changeComplaint(caseId: $caseId, expectedVersion: $expectedVersion, change: $change) { id } }`,
          valid: async () => {
            now = new Date('2026-10-05T00:00:00Z');
            const c = await freshCase();
            await register(c);
            return { caseId: c.id, expectedVersion: c.version + 1, change: { handlerAgentNo: '2003' } };
          },
          fields: {
            caseId: invalid.reference,
            expectedVersion: fc.oneof(invalid.smallInt, fc.constant(0)),
            // unknown to staff, malformed, or the agent complained about (2001)
            'change.handlerAgentNo': fc.oneof(invalid.requiredText, fc.constantFrom('NOBODY', '2001')),
            // malformed, or after the clock (2026-10-05)
            'change.correctiveActionDoneAt': fc.oneof(invalid.timestamp, fc.constant('2026-10-06T00:00:00Z')),
            // not a satisfaction, or before the complaint is decided
            'change.followUpSatisfaction': fc.oneof(invalid.enumValue, fc.constant('SATISFIED')),
          },
        },
        {
          name: 'addComplaintCode',
          document: 'mutation($i: AddComplaintCodeInput!) { addComplaintCode(input: $i) { version } }',
          valid: () => ({
            i: {
              axis: 'REASON',
              code: `C99${randomUUID().slice(0, 8).toUpperCase()}`,
              parentCode: 'C99',
              nameZh: '年费争议',
              nameEn: 'Annual fee dispute',
            },
          }),
          fields: {
            'i.axis': invalid.enumValue,
            'i.code': fc.oneof(invalid.code, fc.constant('C01')),
            'i.parentCode': fc.oneof(invalid.code, fc.constant('Z99')),
            'i.nameZh': invalid.requiredText,
            'i.nameEn': invalid.requiredText,
          },
        },
      ],
      8,
    );
  });
});
