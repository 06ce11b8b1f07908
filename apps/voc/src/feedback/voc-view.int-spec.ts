import { randomUUID } from 'node:crypto';
import { staticScopeSource } from '@switchboard/subgraph-kit';
import {
  caller,
  KnownReferences,
  postGraphQL,
  startTestSubgraph,
  subgraphToken,
  type TestSubgraph,
} from '@switchboard/testing';
import type { EntityManager } from '@mikro-orm/postgresql';
import { gatewayReferences } from '../references/voc-references';
import { VocFactory } from '../testing/voc-factories';
import { VocWorldDouble } from '../testing/voc-world-double';
import { vocSubgraph } from '../voc.subgraph';
import { settleRepeatContacts } from './feedback-repeat.service';

const center = randomUUID();
const IMPORT = `mutation($c: ID!, $r: [SurveyImportRowInput!]!) { importSurveys(centerId: $c, rows: $r) { responsesRecorded problems { message } } }`;
const VIEW = `query($c: ID, $top: Int! = 10, $from: DateTimeISO! = "2026-11-01T00:00:00Z", $to: DateTimeISO! = "2026-12-01T00:00:00Z") {
  vocView(from: $from, to: $to, centerId: $c, top: $top) { previousFrom categories {
    category nameEn nameZh feedback previousFeedback change changeRate csat { value n } nps { value n } } } }`;

interface Category {
  category: string;
  nameEn: string;
  nameZh: string;
  feedback: number;
  previousFeedback: number;
  change: number;
  changeRate: number | null;
  csat: { value: number | null; n: number };
  nps: { value: number | null; n: number };
}

describe('feedback from survey verbatims and the VOC view', () => {
  let voc: TestSubgraph;
  const world = new VocWorldDouble();
  const november = () => world.contact('F1', 'CARDS', '2026-11-10T09:00:00Z', '2026-11-10T09:05:00Z');
  const october = () => world.contact('F1', 'CARDS', '2026-10-10T09:00:00Z', '2026-10-10T09:05:00Z');
  let rows: Record<string, unknown>[] = [];

  const row = (
    key: { source: string; externalId: string },
    score: number,
    verbatim: string | null,
    formCode = 'CSAT_FORM',
  ) => ({
    invitationKey: `inv-${randomUUID()}`,
    formCode,
    contactSource: key.source,
    contactExternalId: key.externalId,
    sentAt: '2026-11-12T08:00:00Z',
    status: 'FINISHED',
    answeredAt: '2026-11-12T09:00:00Z',
    score,
    verbatim,
  });
  const contactOf = (r: Record<string, unknown>) => ({
    source: String(r.contactSource),
    externalId: String(r.contactExternalId),
  });
  const importRows = (list: Record<string, unknown>[]) =>
    postGraphQL<{ importSurveys: { responsesRecorded: number } }>(voc.url, IMPORT, { c: center, r: list });
  const view = async (variables: Record<string, unknown> = {}, headers: Record<string, string> = {}) =>
    postGraphQL<{ vocView: { previousFrom: string; categories: Category[] } }>(
      voc.url,
      VIEW,
      variables,
      headers,
    );

  beforeAll(async () => {
    await world.serveAsGateway();
    voc = await startTestSubgraph(vocSubgraph, {
      scopeSource: staticScopeSource({
        centers: { C1: { id: center, teams: ['T1'] } },
        teams: { T1: { id: randomUUID(), employeeNos: ['F1'] } },
      }),
      referenceSource: new KnownReferences().add('center', center).source,
    });
    const factory = new VocFactory(voc.url);
    await factory.surveyForm({ centerId: center, code: 'CSAT_FORM', kind: 'CSAT' });
    await factory.surveyForm({ centerId: center, code: 'NPS_FORM', kind: 'NPS' });
    rows = [
      row(november(), 1, '等了二十分钟才接通，太久了'),
      row(november(), 2, 'I waited 25 minutes on hold'),
      row(november(), 5, '排队排了半天但是客服很耐心'), // WAIT_TIME and AGENT_ATTITUDE hit once each: rule order
      row(november(), 10, '电话一直打不通', 'NPS_FORM'),
      row(november(), 2, '手机银行总是闪退'),
      row(november(), 4, null), // no verbatim: no feedback
      row(november(), 5, '挺好的'),
      row(october(), 2, '等待时间太长'),
      row(october(), 1, '手机银行登录不了'),
      row(october(), 2, 'the app crashes'),
    ];
    // traffic's repeat flags (read once each window closes): of WAIT_TIME's four, two customers came
    // back within 7 days, one did not, and traffic cannot say for the fourth (no customer key)
    world.repeats(contactOf(rows[0])).repeats(contactOf(rows[1])).repeats(contactOf(rows[3]), null);
    const first = await importRows(rows);
    expect(first.data?.importSurveys.responsesRecorded).toBe(10);
  });
  afterAll(async () => {
    await voc.stop();
    await world.release();
  });

  it('files verbatims by the rules and shows top categories with the change and their surveys’ CSAT and NPS', async () => {
    const answer = await view();
    expect(answer.errors).toBeUndefined();
    expect(answer.data?.vocView.previousFrom).toBe('2026-10-02T00:00:00.000Z');
    const [first, ...rest] = answer.data?.vocView.categories ?? [];
    expect(first).toEqual({
      category: 'WAIT_TIME',
      nameEn: 'Waiting and getting through',
      nameZh: '等待与接通',
      feedback: 4,
      previousFeedback: 1,
      change: 3,
      changeRate: 3,
      csat: { value: 1 / 3, n: 3 },
      nps: { value: 100, n: 1 },
    });
    expect(rest.map((c) => [c.category, c.feedback, c.previousFeedback, c.change])).toEqual([
      // a tie on count: the growing one first
      ['UNCATEGORIZED', 1, 0, 1],
      ['APP_DIGITAL', 1, 2, -1],
    ]);
    expect((await view({ top: 1 })).data?.vocView.categories).toHaveLength(1);
  });

  it('gives each category its repeat-contact rate, settled by traffic once the 7-day window closed', async () => {
    // a recent contact's feedback waits: its window is still open
    const recent = new Date(Date.now() - 2 * 86_400_000);
    const fresh = world.contact(
      'F1',
      'CARDS',
      recent.toISOString(),
      new Date(recent.getTime() + 60_000).toISOString(),
    );
    world.repeats(fresh);
    const waiting = {
      ...row(fresh, 1, '等了很久才接通'),
      sentAt: new Date(recent.getTime() + 120_000).toISOString(),
      answeredAt: new Date(recent.getTime() + 180_000).toISOString(),
    };
    expect((await importRows([waiting])).errors).toBeUndefined();
    // the hourly job's pass: traffic (the double, as the gateway) asked in one batch; a second pass has nothing to do
    const asked = world.requests.length;
    const now = new Date();
    expect(await settleRepeatContacts(voc.orm.em.fork() as EntityManager, gatewayReferences, now)).toBe(9);
    expect(world.requests.length - asked).toBe(1);
    expect(await settleRepeatContacts(voc.orm.em.fork() as EntityManager, gatewayReferences, now)).toBe(0);
    const answer = await postGraphQL<{
      vocView: { categories: { category: string; repeatContactRate: Record<string, number | null> }[] };
    }>(
      voc.url,
      `query { vocView(from: "2026-11-01T00:00:00Z", to: "2026-12-01T00:00:00Z") { categories {
         category repeatContactRate { value n low high } } } }`,
    );
    expect(answer.errors).toBeUndefined();
    const rates = Object.fromEntries(
      (answer.data?.vocView.categories ?? []).map((c) => [c.category, c.repeatContactRate]),
    );
    // WAIT_TIME: 2 of the 3 known came back (the fourth unknown); Wilson (0.208, 0.939)
    expect(rates.WAIT_TIME).toEqual({
      value: 2 / 3,
      n: 3,
      low: expect.closeTo(0.2077, 3),
      high: expect.closeTo(0.9385, 3),
    });
    expect(rates.APP_DIGITAL).toEqual({ value: 0, n: 1, low: 0, high: expect.closeTo(0.7935, 3) });
    const settled = await voc.orm.em.fork().execute<{ checked: string; waiting: string }[]>(
      `select count(*) filter (where repeat_checked_at is not null) as checked,
                count(*) filter (where repeat_checked_at is null) as waiting from voc_feedback`,
    );
    expect(settled[0]).toEqual({ checked: '9', waiting: '1' });
  });

  it('makes feedback once per response: importing again adds nothing', async () => {
    const before = await voc.orm.em.fork().execute<{ n: string }[]>('select count(*) as n from voc_feedback');
    await importRows(rows);
    const after = await voc.orm.em.fork().execute<{ n: string }[]>('select count(*) as n from voc_feedback');
    expect(Number(after[0].n)).toBe(Number(before[0].n));
    // the fixture's feedback (October and November; another test adds a recent one)
    const fixture = await voc.orm.em
      .fork()
      .execute<{ n: string }[]>(`select count(*) as n from voc_feedback where occurred_at < '2026-12-01'`);
    expect(Number(fixture[0].n)).toBe(9);
  });

  it('is scoped like survey stats: another center or agent sees nothing', async () => {
    const other = {
      authorization: `Bearer ${await subgraphToken('voc', caller('AGENT', { employeeNo: 'F2' }))}`,
    };
    expect((await view({}, other)).data?.vocView.categories).toEqual([]);
    const own = {
      authorization: `Bearer ${await subgraphToken('voc', caller('AGENT', { employeeNo: 'F1' }))}`,
    };
    expect((await view({}, own)).data?.vocView.categories[0].feedback).toBe(4);
    expect((await view({ c: randomUUID() })).data?.vocView.categories).toEqual([]);
  });

  it('refuses bad input naming the field', async () => {
    for (const [variables, field] of [
      [{ top: 0 }, 'top'],
      [{ top: 1000 }, 'top'],
      [{ c: 'not-a-center' }, 'centerId'],
      [{ from: '2026-12-01T00:00:00Z', to: '2026-11-01T00:00:00Z' }, 'to'],
    ] as const) {
      const answer = await view(variables);
      expect(answer.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
      expect(JSON.stringify(answer.errors?.[0])).toContain(field);
    }
  });
});
