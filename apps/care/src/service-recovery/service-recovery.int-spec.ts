import { randomUUID } from 'node:crypto';
import { serviceIdentity, type Identity } from '@switchboard/auth';
import { staticScopeSource } from '@switchboard/subgraph-kit';
import {
  authorizationFor,
  caller,
  databaseFingerprint,
  KnownReferences,
  postGraphQL,
  startTestSubgraph,
  type TestSubgraph,
} from '@switchboard/testing';
import { configureCare, type CareContact, type RecipientAsk } from '../care-services';
import { careSubgraph } from '../care.subgraph';

/*
 * Issue 19 item 4: voc asks care, as its service identity, to recover a dissatisfied survey answer:
 * a CALL_BACK owned by the lead of the survey's agent, due one business day later on the center's
 * calendar, on the customer of the contact; one per response.
 */
const center = randomUUID();
const team = randomUUID();
const tag = randomUUID().slice(0, 6).toUpperCase();
const no = { agent: `A${tag}`, lead: `L${tag}` };
// Friday 2027-03-12 16:30 in Shanghai: one business day later is Monday 16:30
let now = new Date('2027-03-12T08:30:00Z');
const contacts = new Map<string, CareContact>();
const asked: RecipientAsk[][] = [];
let care: TestSubgraph;
let restore: () => void;

const OPEN = `mutation($i: ServiceRecoveryInput!) { openServiceRecovery(input: $i) {
  id ownerEmployeeNo customerKey kind channel dueAt status } }`;
const contact = { source: 'CTI', externalId: `sr-${tag}` };
const input = (more: Record<string, unknown> = {}) => ({
  responseKey: `resp-${tag}`,
  centerId: center,
  contact,
  agentEmployeeNo: no.agent,
  score: 1,
  ...more,
});
const open = async (who: Identity, i: Record<string, unknown>) =>
  postGraphQL<{ openServiceRecovery: Record<string, string> }>(
    care.url,
    OPEN,
    { i },
    await authorizationFor(care.url, who),
  );
const count = async () =>
  (
    await care.orm.em
      .fork()
      .getConnection()
      .execute<{ n: number }[]>('select count(*)::int as n from care_commitment')
  )[0].n;

beforeAll(async () => {
  contacts.set(contact.externalId, {
    ...contact,
    channel: 'VOICE',
    direction: 'INBOUND',
    outcome: 'ANSWERED',
    arrivedAt: new Date('2027-03-12T02:00:00Z'),
    agentNo: no.agent,
    customerKey: '+8613800000099',
  });
  restore = configureCare({
    clock: () => now,
    contacts: async (keys) => keys.map((k) => contacts.get(k.externalId) ?? null),
    directory: async (asks) => {
      asked.push([...asks]);
      return asks.map((a) => ({ teamId: team, teamLead: a.ownerEmployeeNo === no.agent ? no.lead : null }));
    },
    webhookUrl: null,
  });
  care = await startTestSubgraph(careSubgraph, {
    scopeSource: staticScopeSource({
      centers: { [`C-${tag}`]: { id: center, teams: [`T-${tag}`] } },
      teams: { [`T-${tag}`]: { id: team, employeeNos: [no.agent, no.lead] } },
    }),
    referenceSource: new KnownReferences().add('center', center).source,
  });
  const periods = [1, 2, 3, 4, 5].map((weekday) => ({ weekday, start: '09:00', end: '18:00' }));
  const set = await postGraphQL(
    care.url,
    'mutation($i: SetBusinessCalendarInput!) { setBusinessCalendar(input: $i) { centerId } }',
    { i: { centerId: center, timeZone: 'Asia/Shanghai', periods, exceptions: [] } },
  );
  expect(set.errors).toBeUndefined();
});
afterAll(async () => {
  await care?.stop();
  restore?.();
});

describe('openServiceRecovery (voc → care, service:voc)', () => {
  it.each([
    ['BI_READER', caller('BI_READER')],
    ['CASE_HANDLER', caller('CASE_HANDLER')],
    ['TEAM_LEAD', caller('TEAM_LEAD', { teams: [`T-${tag}`], employeeNo: no.lead })],
    ['AGENT', caller('AGENT', { employeeNo: no.agent })],
    ['service:staff', serviceIdentity('staff')],
    [
      'SERVICE without a service subject',
      { subject: 'x', roles: ['SERVICE', 'BI_READER'], centers: [], teams: [] } as Identity,
    ],
  ])('refuses %s: FORBIDDEN, nothing written', async (_who, who) => {
    const before = await databaseFingerprint(care.orm);
    const answer = await open(who, input());
    expect(answer.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(await databaseFingerprint(care.orm)).toEqual(before);
  });

  it.each([
    ['a CSAT 3', { score: 3 }, 'input.score'],
    ['another agent than the contact’s', { agentEmployeeNo: 'SOMEONE-ELSE' }, 'input.agentEmployeeNo'],
    ['an unknown contact', { contact: { source: 'CTI', externalId: 'nope' } }, 'input.contact'],
    ['an unknown center', { centerId: randomUUID() }, 'input.centerId'],
  ])('refuses %s naming the field, writing nothing', async (_what, more, field) => {
    const before = await databaseFingerprint(care.orm);
    const answer = await open(serviceIdentity('voc'), input(more));
    expect(answer.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(answer.errors?.[0]?.message).toContain(field);
    expect(await databaseFingerprint(care.orm)).toEqual(before);
  });

  it("makes one CALL_BACK for the agent's lead, due one business day later, on the customer", async () => {
    const before = await count();
    const first = await open(serviceIdentity('voc'), input());
    expect(first.errors).toBeUndefined();
    expect(first.data?.openServiceRecovery).toMatchObject({
      ownerEmployeeNo: no.lead,
      customerKey: '+8613800000099',
      kind: 'CALL_BACK',
      channel: 'VOICE',
      // Friday 16:30 Shanghai + 1 business day = Monday 16:30 Shanghai
      dueAt: '2027-03-15T08:30:00.000Z',
      status: 'OPEN',
    });
    // the agent's lead today (then the lead's own team, for the commitment's scope)
    expect(asked.at(-2)).toEqual([{ ownerEmployeeNo: no.agent, asOf: '2027-03-12', at: now }]);
    // a retry (voc crashed before it noted the answer), even later and as ADMIN: the same one
    now = new Date('2027-03-12T09:00:00Z');
    const again = await open(serviceIdentity('voc'), input());
    const admin = await open(caller('ADMIN'), input());
    expect(again.data?.openServiceRecovery.id).toBe(first.data?.openServiceRecovery.id);
    expect(admin.data?.openServiceRecovery.id).toBe(first.data?.openServiceRecovery.id);
    expect(await count()).toBe(before + 1);
    // the customer's promises: the lead's call-back is there for whoever sees the team
    const lead = caller('TEAM_LEAD', { teams: [`T-${tag}`], employeeNo: no.lead });
    const listed = await postGraphQL<{ commitments: { id: string; ownerEmployeeNo: string }[] }>(
      care.url,
      'query($k: String!) { commitments(customerKey: $k) { id ownerEmployeeNo } }',
      { k: '138 0000 0099' },
      await authorizationFor(care.url, lead),
    );
    expect(listed.data?.commitments).toEqual([
      { id: first.data?.openServiceRecovery.id, ownerEmployeeNo: no.lead },
    ]);
  });
});
