import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import {
  ces,
  csat,
  emptySurveyTotals,
  nps,
  NPS_DETRACTOR_MAX,
  NPS_PROMOTER_MIN,
  responseRate,
  SURVEY_SCALES,
  type SurveyTotals,
} from '@switchboard/metrics';
import { staticScopeSource } from '@switchboard/subgraph-kit';
import {
  checkBadInputs,
  invalid,
  KnownReferences,
  postGraphQL,
  startTestSubgraph,
  type TestSubgraph,
} from '@switchboard/testing';
import type { InvitationStatus, SurveyKind } from '../model/enums';
import { SurveyCorrectionService } from '../survey/survey-correction.service';
import { SurveyImportService, type SurveyRow } from '../survey/survey-import.service';
import { VocFactory } from '../testing/voc-factories';
import { VocWorldDouble } from '../testing/voc-world-double';
import { vocSubgraph } from '../voc.subgraph';
import { SURVEY_GROUPS, type SurveyGroup, type SurveyRankMetric } from './survey-stats.service';

/*
 * The rollup's answer is the raw rows' answer: random invitations and responses go through the real
 * writes (imports in two steps of the lifecycle and a repeated file, then corrections and
 * withdrawals), and surveyStats over a random period, grouping, ranking metric and minimum sample
 * must equal the figures computed here, in JavaScript, from the raw rows as stored.
 */

const centers = [randomUUID(), randomUUID()];
const teamA = randomUUID();
const teamB = randomUUID();
const AGENTS = ['E1', 'E2', 'E3', 'E10', null] as const;
const QUEUES = ['CARDS', 'LOANS', null] as const;
const FORM_OF: Record<SurveyKind, string> = { CSAT: 'P_CSAT', NPS: 'P_NPS', CES: 'P_CES' };
const SPAN_START = Date.UTC(2026, 8, 28); // 09-28: the periods reach into September and January
const SPAN_MINUTES = 100 * 24 * 60;
const MINUTE = 60_000;
/** Every survey row and the rollup (the service's role may not truncate). */
const CLEAR =
  'delete from voc_survey_response; delete from voc_survey_invitation; delete from voc_survey_rollup';

const STATS = `query($g: [SurveyGroup!]!, $from: DateTimeISO!, $to: DateTimeISO!, $rank: SurveyRankMetric!, $min: Int!) {
  surveyStats(groupBy: $g, from: $from, to: $to, rankBy: $rank, minResponses: $min) {
    agentEmployeeNo teamId centerId queueCode month insufficientSample rank optedOut
    csat { value n low high } nps { value n low high marginOfError } ces { value n low high }
    responseRate { value n low high } } }`;

interface RawResponse {
  kind: SurveyKind;
  score: number;
  top_box: boolean | null;
  center_id: string;
  team_id: string | null;
  agent_employee_no: string | null;
  queue_code: string | null;
  contact_arrived_at: Date;
}
interface RawInvitation {
  status: InvitationStatus;
  center_id: string;
  team_id: string | null;
  agent_employee_no: string | null;
  queue_code: string | null;
  contact_arrived_at: Date;
}

/** One generated invitation: its contact, its status in the first file and in the second. */
const invitationArb = fc.record({
  center: fc.integer({ min: 0, max: 1 }),
  agent: fc.constantFrom(...AGENTS),
  queue: fc.constantFrom(...QUEUES),
  minute: fc.integer({ min: 0, max: SPAN_MINUTES }),
  kind: fc.constantFrom<SurveyKind>('CSAT', 'NPS', 'CES'),
  pick: fc.nat(1000),
  first: fc.constantFrom<InvitationStatus>('SENT', 'OPENED', 'FINISHED', 'EXPIRED', 'OPTED_OUT'),
  later: fc.constantFrom<InvitationStatus | 'SAME'>('SAME', 'SAME', 'OPENED', 'FINISHED', 'EXPIRED'),
  // after the imports: nothing, a corrected score (its unit) or a withdrawal
  change: fc.oneof(
    fc.constant<null>(null),
    fc.constant<null>(null),
    fc.record({ kind: fc.constant<'CORRECT'>('CORRECT'), pick: fc.nat(1000) }),
    fc.constant({ kind: 'WITHDRAW' as const }),
  ),
});

type GeneratedInvitation = typeof invitationArb extends fc.Arbitrary<infer T> ? T : never;

/** A period: aligned on months, on days, a week from a day's start, or any minute. */
const periodArb = fc
  .tuple(
    fc.constantFrom('month', 'day', 'week', 'minute'),
    fc.integer({ min: 0, max: SPAN_MINUTES }),
    fc.integer({ min: 1, max: SPAN_MINUTES }),
  )
  .map(([align, offset, length]) => {
    const start = SPAN_START + offset * MINUTE;
    const end = Math.min(start + length * MINUTE, SPAN_START + (SPAN_MINUTES + 10 * 24 * 60) * MINUTE);
    if (align === 'minute') return { from: new Date(start), to: new Date(Math.max(end, start + MINUTE)) };
    const day = (t: number) => Math.floor(t / 86_400_000) * 86_400_000;
    if (align === 'week') return { from: new Date(day(start)), to: new Date(day(start) + 7 * 86_400_000) };
    if (align === 'day')
      return { from: new Date(day(start)), to: new Date(Math.max(day(end), day(start) + 86_400_000)) };
    const month = (t: number) => {
      const d = new Date(t);
      return Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1);
    };
    const from = month(start);
    const next = new Date(from);
    return {
      from: new Date(from),
      to: new Date(Math.max(month(end), Date.UTC(next.getUTCFullYear(), next.getUTCMonth() + 1, 1))),
    };
  });

/** A score on the kind's scale, from any natural number. */
const scoreOf = (kind: SurveyKind, pick: number): number => {
  const { min, max } = SURVEY_SCALES[kind];
  return min + (pick % (max - min + 1));
};

const STATUS_TOTAL: Record<InvitationStatus, keyof SurveyTotals> = {
  SENT: 'invitationsSent',
  OPENED: 'invitationsOpened',
  FINISHED: 'invitationsFinished',
  EXPIRED: 'invitationsExpired',
  OPTED_OUT: 'invitationsOptedOut',
};
const RANK_OF: Record<SurveyRankMetric, (t: SurveyTotals) => { n: number; value: number }> = {
  CSAT: (t) => ({ n: t.csatResponses, value: t.csatTopBox / t.csatResponses }),
  NPS: (t) => ({ n: t.npsResponses, value: (t.promoters - t.detractors) / t.npsResponses }),
  CES: (t) => ({ n: t.cesResponses, value: t.cesSum / t.cesResponses }),
};

/** Code-point order, nulls last (the answer's order of its keys). */
const byCodePoint = (a: string | null, b: string | null): number =>
  a === b ? 0 : a === null ? 1 : b === null ? -1 : a < b ? -1 : 1;

/** surveyStats as the raw rows give it: counts per group, the shared formulas, ranks and order. */
function expectedStats(
  responses: RawResponse[],
  invitations: RawInvitation[],
  groupBy: SurveyGroup[],
  from: Date,
  to: Date,
  rankBy: SurveyRankMetric,
  minResponses: number,
) {
  const has = (g: SurveyGroup) => groupBy.includes(g);
  const keyOf = (r: RawInvitation | RawResponse) => ({
    agentEmployeeNo: has('AGENT') ? r.agent_employee_no : null,
    teamId: has('TEAM') ? r.team_id : null,
    centerId: has('CENTER') ? r.center_id : null,
    queueCode: has('QUEUE') ? r.queue_code : null,
    month: has('MONTH') ? r.contact_arrived_at.toISOString().slice(0, 7) : null,
  });
  const groups = new Map<string, { key: ReturnType<typeof keyOf>; totals: SurveyTotals }>();
  const totalsOf = (r: RawInvitation | RawResponse): SurveyTotals => {
    const key = keyOf(r);
    const id = JSON.stringify(key);
    if (!groups.has(id)) groups.set(id, { key, totals: emptySurveyTotals() });
    return groups.get(id)!.totals;
  };
  const inPeriod = (r: { contact_arrived_at: Date }) =>
    r.contact_arrived_at >= from && r.contact_arrived_at < to;
  for (const r of responses.filter(inPeriod)) {
    const t = totalsOf(r);
    if (r.kind === 'CSAT') {
      t.csatResponses++;
      if (r.top_box) t.csatTopBox++;
    } else if (r.kind === 'NPS') {
      t.npsResponses++;
      if (r.score >= NPS_PROMOTER_MIN) t.promoters++;
      if (r.score <= NPS_DETRACTOR_MAX) t.detractors++;
    } else {
      t.cesResponses++;
      t.cesSum += r.score;
      t.cesSumOfSquares += r.score * r.score;
    }
  }
  for (const i of invitations.filter(inPeriod)) totalsOf(i)[STATUS_TOTAL[i.status]]++;
  const rows = [...groups.values()].map(({ key, totals }) => {
    const rank = RANK_OF[rankBy](totals);
    const ranked = has('AGENT') && key.agentEmployeeNo !== null && rank.n >= minResponses;
    return {
      ...key,
      totals,
      ranked,
      rankValue: ranked ? rank.value : null,
      rankN: ranked ? rank.n : null,
      rankMetricN: rank.n,
      rank: null as number | null,
    };
  });
  const peers = (r: (typeof rows)[number]) => [r.month, r.centerId, r.teamId, r.queueCode];
  rows.sort((a, b) => {
    const [pa, pb] = [peers(a), peers(b)];
    for (let k = 0; k < pa.length; k++) {
      const c = byCodePoint(pa[k], pb[k]);
      if (c) return c;
    }
    if (a.rankValue !== b.rankValue)
      return a.rankValue === null ? 1 : b.rankValue === null ? -1 : b.rankValue - a.rankValue;
    if (a.rankN !== b.rankN) return a.rankN === null ? 1 : b.rankN === null ? -1 : b.rankN - a.rankN;
    return byCodePoint(a.agentEmployeeNo, b.agentEmployeeNo);
  });
  let previous: string | null = null;
  let place = 0;
  for (const r of rows) {
    const id = JSON.stringify(peers(r));
    if (id !== previous) place = 0;
    previous = id;
    place++;
    r.rank = r.ranked ? place : null;
  }
  return rows.map((r) => ({
    agentEmployeeNo: r.agentEmployeeNo,
    teamId: r.teamId,
    centerId: r.centerId,
    queueCode: r.queueCode,
    month: r.month,
    insufficientSample: r.rankMetricN < minResponses,
    rank: r.rank,
    optedOut: r.totals.invitationsOptedOut,
    csat: csat(r.totals),
    nps: nps(r.totals),
    ces: ces(r.totals),
    responseRate: responseRate(r.totals),
  }));
}

describe('surveyStats from the rollup equals surveyStats from the raw rows', () => {
  let voc: TestSubgraph;
  const world = new VocWorldDouble();
  // E1 moves from team A to team B on 11-15: the rollup keeps the team of each arrival day
  world.memberOf('E1', teamA, '2026-01-01', '2026-11-15').memberOf('E1', teamB, '2026-11-15');
  world.memberOf('E2', teamA, '2026-01-01').memberOf('E10', teamB, '2026-01-01');

  beforeAll(async () => {
    await world.serveAsGateway();
    voc = await startTestSubgraph(vocSubgraph, {
      scopeSource: staticScopeSource({
        centers: { C1: { id: centers[0], teams: [] }, C2: { id: centers[1], teams: [] } },
        teams: {},
      }),
      referenceSource: new KnownReferences().add('center', ...centers).source,
    });
    const factory = new VocFactory(voc.url);
    for (const centerId of centers)
      for (const kind of ['CSAT', 'NPS', 'CES'] as const)
        await factory.surveyForm({
          centerId,
          code: FORM_OF[kind],
          kind,
          topBoxMin: kind === 'CSAT' ? 4 : undefined,
        });
  });
  afterAll(async () => {
    await voc.stop();
    await world.release();
  });

  /** Every write of a run through the import and the correction service, as the API does them. */
  const write = async (invitations: GeneratedInvitation[]) => {
    await voc.orm.em.fork().execute(CLEAR);
    const files: SurveyRow[][][] = [
      [[], []],
      [[], []],
    ]; // [center][file]
    const planned = invitations.map((inv, i) => {
      const arrived = new Date(SPAN_START + inv.minute * MINUTE);
      const ended = new Date(arrived.getTime() + 5 * MINUTE);
      const contact = world.contact(inv.agent, inv.queue, arrived.toISOString(), ended.toISOString());
      // a later status only moves an invitation still SENT or OPENED along its lifecycle
      const open = inv.first === 'SENT' || inv.first === 'OPENED';
      const final = inv.later === 'SAME' || !open ? inv.first : inv.later;
      const row = (status: InvitationStatus, n: number): SurveyRow => ({
        row: n,
        invitationKey: `k-${i}-${randomUUID()}`,
        formCode: FORM_OF[inv.kind],
        formRevision: null,
        contactSource: contact.source,
        contactExternalId: contact.externalId,
        sentAt: ended,
        status,
        answeredAt: status === 'FINISHED' ? new Date(ended.getTime() + MINUTE) : null,
        score: status === 'FINISHED' ? scoreOf(inv.kind, inv.pick) : null,
        verbatim: null,
      });
      const first = row(inv.first, i + 1);
      files[inv.center][0].push(first);
      files[inv.center][1].push({ ...row(final, i + 1), invitationKey: first.invitationKey });
      return { inv, key: first.invitationKey, final };
    });
    for (const c of [0, 1])
      for (const file of [0, 1, 1]) // the second file twice: nothing is counted twice
        if (files[c][file].length) {
          const report = await new SurveyImportService(voc.orm.em.fork()).import(centers[c], files[c][file]);
          expect(report.problems).toEqual([]);
        }
    const ids = new Map(
      (
        await voc.orm.em
          .fork()
          .execute<
            { key: string; id: string }[]
          >(`select i.invitation_key as key, r.id from voc_survey_response r join voc_survey_invitation i on i.id = r.invitation_id`)
      ).map((r) => [r.key, r.id]),
    );
    const access = { action: 'test', all: true, sees: () => true };
    for (const { inv, key, final } of planned) {
      if (!inv.change || final !== 'FINISHED') continue;
      const change =
        inv.change.kind === 'CORRECT'
          ? { kind: 'CORRECT' as const, score: scoreOf(inv.kind, inv.change.pick) }
          : { kind: 'WITHDRAW' as const };
      await new SurveyCorrectionService(voc.orm.em.fork()).change(
        ids.get(key)!,
        change,
        'test',
        'test',
        access,
      );
    }
  };

  const raw = async () => {
    const em = voc.orm.em.fork();
    const [responses, invitations] = await Promise.all([
      em.execute<RawResponse[]>(
        `select kind, score, top_box, center_id, team_id, agent_employee_no, queue_code, contact_arrived_at
         from voc_survey_response where withdrawn_at is null`,
      ),
      em.execute<RawInvitation[]>(
        'select status, center_id, team_id, agent_employee_no, queue_code, contact_arrived_at from voc_survey_invitation',
      ),
    ]);
    const at = <T extends { contact_arrived_at: Date }>(r: T): T => ({
      ...r,
      contact_arrived_at: new Date(r.contact_arrived_at),
    });
    return { responses: responses.map(at), invitations: invitations.map(at) };
  };

  it('for random writes, periods, groupings, ranking metrics and minimum samples', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(invitationArb, { minLength: 1, maxLength: 40 }),
        fc.array(
          fc.record({
            period: periodArb,
            groupBy: fc.subarray([...SURVEY_GROUPS]),
            rankBy: fc.constantFrom<SurveyRankMetric>('CSAT', 'NPS', 'CES'),
            minResponses: fc.integer({ min: 1, max: 4 }),
          }),
          { minLength: 1, maxLength: 4 },
        ),
        async (invitations, questions) => {
          await write(invitations);
          const rows = await raw();
          for (const q of questions) {
            const answer = await postGraphQL<{ surveyStats: unknown[] }>(voc.url, STATS, {
              g: q.groupBy,
              from: q.period.from.toISOString(),
              to: q.period.to.toISOString(),
              rank: q.rankBy,
              min: q.minResponses,
            });
            expect(answer.errors).toBeUndefined();
            expect(answer.data?.surveyStats).toEqual(
              expectedStats(
                rows.responses,
                rows.invitations,
                q.groupBy,
                q.period.from,
                q.period.to,
                q.rankBy,
                q.minResponses,
              ),
            );
          }
        },
      ),
      { numRuns: Number(process.env.FAST_CHECK_RUNS ?? 30), seed: Number(process.env.FAST_CHECK_SEED ?? 19) },
    );
  });

  it('moves with every write: an import, its repetition, a correction, a withdrawal', async () => {
    await voc.orm.em.fork().execute(CLEAR);
    const contact = world.contact('E2', 'CARDS', '2026-11-03T09:00:00Z', '2026-11-03T09:05:00Z');
    const stats = async () => {
      const answer = await postGraphQL<{
        surveyStats: {
          agentEmployeeNo: string;
          month: string;
          csat: { value: number; n: number };
          responseRate: { n: number };
        }[];
      }>(voc.url, STATS, {
        g: ['AGENT', 'MONTH'],
        from: '2026-01-01T00:00:00Z',
        to: '2027-01-01T00:00:00Z',
        rank: 'CSAT',
        min: 1,
      });
      if (!answer.data) throw new Error(JSON.stringify(answer.errors));
      return answer.data.surveyStats.map((r) => [
        r.agentEmployeeNo,
        r.month,
        r.csat.n,
        r.csat.value,
        r.responseRate.n,
      ]);
    };
    const mutate = async (query: string, variables: Record<string, unknown>) => {
      const answer = await postGraphQL<Record<string, unknown>>(voc.url, query, variables);
      if (!answer.data) throw new Error(JSON.stringify(answer.errors));
      return answer.data;
    };
    const IMPORT = `mutation($c: ID!, $r: [SurveyImportRowInput!]!) { importSurveys(centerId: $c, rows: $r) { responsesRecorded unchanged } }`;
    const answered = (key: string, score: number) => ({
      invitationKey: key,
      formCode: FORM_OF.CSAT,
      contactSource: contact.source,
      contactExternalId: contact.externalId,
      sentAt: '2026-11-03T09:10:00Z',
      status: 'FINISHED',
      answeredAt: '2026-11-03T09:20:00Z',
      score,
    });
    expect(await stats()).toEqual([]);
    const first = `one-${randomUUID()}`;
    await mutate(IMPORT, { c: centers[0], r: [answered(first, 5)] });
    expect(await stats()).toEqual([['E2', '2026-11', 1, 1, 1]]);
    // the same row again: counted once
    expect(await mutate(IMPORT, { c: centers[0], r: [answered(first, 5)] })).toEqual({
      importSurveys: { responsesRecorded: 0, unchanged: 1 },
    });
    expect(await stats()).toEqual([['E2', '2026-11', 1, 1, 1]]);
    await mutate(IMPORT, { c: centers[0], r: [answered(`two-${randomUUID()}`, 2)] });
    expect(await stats()).toEqual([['E2', '2026-11', 2, 0.5, 2]]);
    const [{ id }] = await voc.orm.em
      .fork()
      .execute<
        { id: string }[]
      >(`select r.id from voc_survey_response r join voc_survey_invitation i on i.id = r.invitation_id where i.invitation_key = ?`, [first]);
    // the 5 was meant as a 1: the old answer subtracted, the new one counted
    const corrected = await mutate(
      'mutation($id: ID!) { correctSurveyResponse(id: $id, score: 1, reason: "typed 5 for 1") { score } }',
      { id },
    );
    expect(corrected).toEqual({ correctSurveyResponse: { score: 1 } });
    expect(await stats()).toEqual([['E2', '2026-11', 2, 0, 2]]);
    // the original file again leaves the correction as it is
    expect(await mutate(IMPORT, { c: centers[0], r: [answered(first, 5)] })).toEqual({
      importSurveys: { responsesRecorded: 0, unchanged: 1 },
    });
    expect(await stats()).toEqual([['E2', '2026-11', 2, 0, 2]]);
    // withdrawn: no longer counted (its invitation stays answered), twice is once
    for (let i = 0; i < 2; i++)
      await mutate(
        'mutation($id: ID!) { withdrawSurveyResponse(id: $id, reason: "customer asked") { id } }',
        {
          id,
        },
      );
    expect(await stats()).toEqual([['E2', '2026-11', 1, 0, 2]]);
    // and a withdrawn answer is not corrected
    const refused = await postGraphQL(
      voc.url,
      'mutation($id: ID!) { correctSurveyResponse(id: $id, score: 4, reason: "again") { score } }',
      { id },
    );
    expect(refused.errors?.[0]?.extensions?.code).toBe('CONFLICT');
  });

  it('refuses a bad correction (id, score off the scale, reason) naming the field, and writes nothing', async () => {
    const contact = world.contact('E3', 'CARDS', '2026-11-04T09:00:00Z', '2026-11-04T09:05:00Z');
    const key = `bad-${randomUUID()}`;
    await new SurveyImportService(voc.orm.em.fork()).import(centers[0], [
      {
        row: 1,
        invitationKey: key,
        formCode: FORM_OF.CSAT,
        formRevision: null,
        contactSource: contact.source,
        contactExternalId: contact.externalId,
        sentAt: new Date('2026-11-04T09:10:00Z'),
        status: 'FINISHED',
        answeredAt: new Date('2026-11-04T09:20:00Z'),
        score: 3,
        verbatim: null,
      },
    ]);
    const [{ id }] = await voc.orm.em
      .fork()
      .execute<
        { id: string }[]
      >(`select r.id from voc_survey_response r join voc_survey_invitation i on i.id = r.invitation_id where i.invitation_key = ?`, [key]);
    await checkBadInputs(voc.url, voc.orm, {
      name: 'correctSurveyResponse',
      document:
        'mutation($id: ID!, $score: Int!, $reason: String!) { correctSurveyResponse(id: $id, score: $score, reason: $reason) { score } }',
      valid: () => ({ id, score: 4, reason: 'typed 3 for 4' }),
      fields: {
        id: invalid.reference,
        score: fc.oneof(fc.constantFrom(0, 6, -1, 10), invalid.smallInt),
        reason: fc.oneof(invalid.requiredText, fc.constant('x'.repeat(501))),
      },
    });
    await checkBadInputs(voc.url, voc.orm, {
      name: 'withdrawSurveyResponse',
      document:
        'mutation($id: ID!, $reason: String!) { withdrawSurveyResponse(id: $id, reason: $reason) { id } }',
      valid: () => ({ id, reason: 'customer asked' }),
      fields: { id: invalid.reference, reason: invalid.requiredText },
    });
  });
});
