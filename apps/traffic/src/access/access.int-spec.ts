import { randomUUID } from 'node:crypto';
import type { Identity } from '@switchboard/auth';
import {
  accessMatrix,
  KnownReferences,
  postGraphQL,
  startTestSubgraph,
  subgraphToken,
  INJECTION_ATTEMPTS,
  type AccessCell,
  type TestSubgraph,
} from '@switchboard/testing';
import { trafficSubgraph } from '../traffic.subgraph';
import { DAY, seedTrafficAccess, trafficAccessFixture } from './access-fixture';

type Data = Record<string, unknown>;

const f = trafficAccessFixture('TRM');
const { agents, ids, queues } = f;
const ALL_CONTACTS = Object.keys(f.contacts);
const ALL_AGENTS = [agents.a1, agents.a2, agents.b1];
const sorted = (values: string[]): string[] => [...new Set(values)].sort();

describe('traffic access: every role x every query and reference (allowed, denied, scoped down)', () => {
  let traffic: TestSubgraph;
  let queueIds: Record<string, string> = {};

  beforeAll(async () => {
    traffic = await startTestSubgraph(trafficSubgraph, {
      scopeSource: f.source,
      referenceSource: new KnownReferences().add('center', f.ids.sha, f.ids.ctu).source,
    });
    queueIds = await seedTrafficAccess(traffic.url, f);
    await traffic.orm.em
      .fork()
      .getConnection()
      .execute(
        `insert into cost_rate (id, center_id, channel, per_hour, valid_from)
       values (gen_random_uuid(), ?, 'VOICE', 85.00, '2026-01-01'), (gen_random_uuid(), ?, 'VOICE', 62.00, '2026-01-01')`,
        [f.ids.sha, f.ids.ctu],
      );
  });
  afterAll(() => traffic.stop());

  const cells: AccessCell<Data>[] = f.callers.flatMap(({ who, identity, contacts, teams, centers }) => {
    const seenAgents = sorted([
      ...(teams.includes(ids.teamA) ? [agents.a1, agents.a2] : []),
      ...(teams.includes(ids.teamB) ? [agents.b1] : []),
      ...(identity.employeeNo ? [identity.employeeNo] : []),
    ]);
    const seesQueue = (code: string) =>
      centers.includes('unassigned') ||
      (code === queues.sha && centers.includes(ids.sha)) ||
      (code === queues.ctu && centers.includes(ids.ctu));
    const base = { who, identity };
    const visible = (keys: string[]) => keys.filter((k) => contacts.includes(k)).sort();
    return [
      {
        ...base,
        operation: 'queues (reference data, readable by all)',
        query: '{ queues { code } }',
        expect: {
          allow: true,
          check: (d: Data) =>
            expect(sorted((d.queues as { code: string }[]).map((q) => q.code))).toEqual(
              sorted(Object.values(queues)),
            ),
        },
      },
      {
        ...base,
        operation: 'dispositionCodes and products (reference data, readable by all)',
        query: '{ dispositionCodes { code version } products { code } }',
        expect: {
          allow: true,
          check: (d: Data) => {
            expect(Array.isArray(d.dispositionCodes)).toBe(true);
            expect(Array.isArray(d.products)).toBe(true);
          },
        },
      },
      {
        ...base,
        operation: "queue(code) with stats and currentInterval (null unless the queue's center is seen)",
        query: `query($c: String, $f: DateTimeISO!, $t: DateTimeISO!) { queue(code: $c) { code
          stats(from: $f, to: $t) { offered } currentInterval { offered } } }`,
        variables: () => ({ c: queues.sha, f: DAY.from, t: DAY.to }),
        expect: {
          scoped: (d: Data) =>
            expect(d.queue).toEqual({
              code: queues.sha,
              stats: seesQueue(queues.sha) ? { offered: 3 } : null,
              currentInterval: seesQueue(queues.sha) ? { offered: 0 } : null,
            }),
        },
      },
      {
        ...base,
        operation: 'trafficStats by queue and agent, with FCR (rows scoped down in SQL)',
        query: `query($f: DateTimeISO!, $t: DateTimeISO!) { trafficStats(filter: { from: $f, to: $t },
          granularity: TOTAL, groupBy: [QUEUE, AGENT]) { queueCode employeeNo offered fcrRate } }`,
        variables: () => ({ f: DAY.from, t: DAY.to }),
        expect: {
          scoped: (d: Data) => {
            const rows = d.trafficStats as {
              queueCode: string;
              employeeNo: string | null;
              offered: number;
            }[];
            const want = visible(ALL_CONTACTS).map((k) => {
              const c = f.contacts[k as keyof typeof f.contacts];
              return `${c.queue}|${c.agent ?? ''}`;
            });
            expect(sorted(rows.map((r) => `${r.queueCode}|${r.employeeNo ?? ''}`))).toEqual(sorted(want));
            expect(rows.reduce((n, r) => n + r.offered, 0)).toBe(want.length);
          },
        },
      },
      {
        ...base,
        operation: 'trafficStats total (queue-level rollups for all, agent rows otherwise)',
        query: `query($f: DateTimeISO!, $t: DateTimeISO!) { trafficStats(filter: { from: $f, to: $t },
          granularity: TOTAL) { offered } }`,
        variables: () => ({ f: DAY.from, t: DAY.to }),
        expect: {
          scoped: (d: Data) =>
            expect((d.trafficStats as { offered: number }[]).reduce((n, r) => n + r.offered, 0)).toBe(
              visible(ALL_CONTACTS).length,
            ),
        },
      },
      {
        ...base,
        operation: "segmentStats (queue-level: the queues of the caller's centers)",
        query: `query($f: DateTimeISO!, $t: DateTimeISO!) { segmentStats(filter: { from: $f, to: $t },
          granularity: TOTAL, groupBy: [QUEUE]) { segment queueCode offered } }`,
        variables: () => ({ f: DAY.from, t: DAY.to }),
        expect: {
          scoped: (d: Data) => {
            const rows = d.segmentStats as { segment: string; offered: number }[];
            expect(rows.every((r) => r.segment === 'STANDARD')).toBe(true);
            expect(rows.reduce((n, r) => n + r.offered, 0)).toBe(
              ALL_CONTACTS.filter((k) => seesQueue(f.contacts[k as keyof typeof f.contacts].queue)).length,
            );
          },
        },
      },
      {
        ...base,
        operation: 'contactSample',
        query: `query($f: DateTimeISO!, $t: DateTimeISO!) { contactSample(filter: { from: $f, to: $t, perAgent: 10,
          seed: "s" }) { externalId } }`,
        variables: () => ({ f: DAY.from, t: DAY.to }),
        expect: {
          scoped: (d: Data) =>
            expect(sorted((d.contactSample as { externalId: string }[]).map((c) => c.externalId))).toEqual(
              visible(ALL_CONTACTS.filter((k) => k !== 'c5')),
            ),
        },
      },
      {
        ...base,
        operation: 'costRates (of the centers the caller sees)',
        query: '{ costRates { centerId } }',
        expect: {
          scoped: (d: Data) =>
            expect(sorted((d.costRates as { centerId: string }[]).map((r) => r.centerId))).toEqual(
              sorted(centers.filter((c) => c !== 'unassigned')),
            ),
        },
      },
      {
        ...base,
        operation: 'frequentContacters (only the contacts the caller sees count)',
        query: `query($f: DateTimeISO!, $t: DateTimeISO!) { frequentContacters(from: $f, to: $t, minContacts: 1,
          first: 500) { customerKey contacts } }`,
        variables: () => ({ f: DAY.from, t: DAY.to }),
        expect: {
          scoped: (d: Data) =>
            expect(
              sorted(
                (d.frequentContacters as { customerKey: string }[])
                  .map((c) => c.customerKey)
                  .filter((k) => k.startsWith('cust-c')),
              ),
            ).toEqual(visible(ALL_CONTACTS).map((k) => `cust-${k}`)),
        },
      },
      {
        ...base,
        operation: 'contactsByKeys (null out of scope)',
        query: 'query($k: [ContactKeyInput!]!) { contactsByKeys(keys: $k) { externalId } }',
        variables: () => ({ k: ALL_CONTACTS.map((k) => ({ source: `access-${f.tag}`, externalId: k })) }),
        expect: {
          scoped: (d: Data) =>
            expect(
              (d.contactsByKeys as ({ externalId: string } | null)[]).map((c) => c?.externalId ?? null),
            ).toEqual(ALL_CONTACTS.map((k) => (contacts.includes(k) ? k : null))),
        },
      },
      {
        ...base,
        operation: '_entities Contact (null out of scope)',
        query: 'query($r: [_Any!]!) { _entities(representations: $r) { ... on Contact { externalId } } }',
        variables: () => ({
          r: ALL_CONTACTS.map((k) => ({ __typename: 'Contact', source: `access-${f.tag}`, externalId: k })),
        }),
        expect: {
          scoped: (d: Data) =>
            expect(
              (d._entities as ({ externalId: string } | null)[]).map((c) => c?.externalId ?? null),
            ).toEqual(ALL_CONTACTS.map((k) => (contacts.includes(k) ? k : null))),
        },
      },
      {
        ...base,
        operation: '_entities Agent.trafficSummary, agentStates and stateSpans (null out of scope)',
        query: `query($r: [_Any!]!, $f: DateTimeISO!, $t: DateTimeISO!) { _entities(representations: $r) {
          ... on Agent { trafficSummary(from: $f, to: $t) { answered } agentStates(from: $f, to: $t) { loggedInSeconds }
            stateSpans(from: $f, to: $t) { state } } } }`,
        variables: () => ({
          r: ALL_AGENTS.map((employeeNo) => ({ __typename: 'Agent', employeeNo })),
          f: DAY.from,
          t: DAY.to,
        }),
        expect: {
          scoped: (d: Data) =>
            expect(d._entities).toEqual(
              ALL_AGENTS.map((a) =>
                seenAgents.includes(a)
                  ? {
                      trafficSummary: { answered: a === agents.a2 ? 1 : 2 },
                      agentStates: { loggedInSeconds: 0 },
                      stateSpans: [],
                    }
                  : { trafficSummary: null, agentStates: null, stateSpans: null },
              ),
            ),
        },
      },
      {
        ...base,
        operation: '_entities Center.trafficSummary and Queue stats (by center)',
        query: `query($r: [_Any!]!, $f: DateTimeISO!, $t: DateTimeISO!) { _entities(representations: $r) {
          ... on Center { trafficSummary(from: $f, to: $t) { offered } }
          ... on Queue { stats(from: $f, to: $t) { offered } } } }`,
        variables: () => ({
          r: [
            { __typename: 'Center', id: ids.sha },
            { __typename: 'Center', id: ids.ctu },
            ...Object.values(queues).map((code) => ({ __typename: 'Queue', id: queueIds[code] })),
          ],
          f: DAY.from,
          t: DAY.to,
        }),
        expect: {
          scoped: (d: Data) =>
            expect(d._entities).toEqual([
              { trafficSummary: centers.includes(ids.sha) ? { offered: 3 } : null },
              { trafficSummary: centers.includes(ids.ctu) ? { offered: 2 } : null },
              { stats: seesQueue(queues.sha) ? { offered: 3 } : null },
              { stats: seesQueue(queues.ctu) ? { offered: 2 } : null },
              { stats: seesQueue(queues.none) ? { offered: 1 } : null },
            ]),
        },
      },
      {
        ...base,
        operation: '_entities Performance.traffic and StaffingPlan.history and centerId',
        query: `query($r: [_Any!]!) { _entities(representations: $r) {
          ... on Performance { traffic { offered } } ... on StaffingPlan { history { forecastCalls } centerId } } }`,
        variables: () => {
          const record = (scopeType: string, scopeId: string, members: string[]) => ({
            __typename: 'Performance',
            scopeType,
            scopeId,
            from: DAY.from,
            to: DAY.to,
            agents: members.map((employeeNo) => ({ employeeNo })),
          });
          return {
            r: [
              record('AGENT', randomUUID(), [agents.a1]),
              record('TEAM', ids.teamA, [agents.a1, agents.a2]),
              record('CENTER', ids.ctu, [agents.b1]),
              record('QUEUE', queueIds[queues.sha], []),
              {
                __typename: 'StaffingPlan',
                queueId: queueIds[queues.sha],
                day: '2026-03-09',
                timeZone: 'UTC',
                weeks: 1,
                intervalMinutes: 60,
              },
            ],
          };
        },
        expect: {
          scoped: (d: Data) => {
            const [agent, team, center, queue, plan] = d._entities as {
              traffic?: { offered: number } | null;
              history?: { forecastCalls: number }[];
              centerId?: string | null;
            }[];
            expect(agent.traffic ?? null).toEqual(seenAgents.includes(agents.a1) ? { offered: 2 } : null);
            expect(team.traffic ?? null).toEqual(teams.includes(ids.teamA) ? { offered: 3 } : null);
            expect(center.traffic ?? null).toEqual(centers.includes(ids.ctu) ? { offered: 2 } : null);
            expect(queue.traffic ?? null).toEqual(seesQueue(queues.sha) ? { offered: 3 } : null);
            expect(plan.history?.length).toBe(seesQueue(queues.sha) ? 24 : 0);
            expect(plan.centerId).toBe(ids.sha); // queues are reference data: kpi checks the caller against it
          },
        },
      },
      {
        ...base,
        operation: 'dataFreshness and systemAvailability of SHA-01 (FORBIDDEN unless the center is seen)',
        query: `query($c: ID, $f: DateTimeISO!, $t: DateTimeISO!) { dataFreshness(centerId: $c, from: $f, to: $t,
          kinds: [ACD_CONTACTS]) { kind } systemAvailability(centerId: $c, from: $f, to: $t) { incidents { id } } }`,
        variables: () => ({ c: ids.sha, f: DAY.from, t: DAY.to }),
        expect: centers.includes(ids.sha)
          ? {
              allow: true,
              check: (d: Data) =>
                expect(d).toEqual({
                  dataFreshness: [{ kind: 'ACD_CONTACTS' }],
                  systemAvailability: { incidents: [] },
                }),
            }
          : { deny: true },
      },
      {
        ...base,
        operation: 'alertRules and alertNotifications of SHA-01 (FORBIDDEN unless the center is seen)',
        query: `query($c: ID!) { alertRules(centerId: $c) { id } alertNotifications(centerId: $c) { id } }`,
        variables: () => ({ c: ids.sha }),
        expect: centers.includes(ids.sha)
          ? { allow: true, check: (d: Data) => expect(d).toEqual({ alertRules: [], alertNotifications: [] }) }
          : { deny: true },
      },
      {
        ...base,
        operation: 'dataFreshness of the whole bank (no center): bank-wide readers only',
        query: `query($f: DateTimeISO!, $t: DateTimeISO!) { dataFreshness(from: $f, to: $t, kinds: [ROSTER]) { kind } }`,
        variables: () => ({ f: DAY.from, t: DAY.to }),
        expect: centers.includes('unassigned')
          ? { allow: true, check: (d: Data) => expect(d).toEqual({ dataFreshness: [{ kind: 'ROSTER' }] }) }
          : { deny: true },
      },
    ];
  });

  accessMatrix(() => traffic.url, cells);

  it('costs a scoped caller the same SQL statements for 60 references as for 4 (scope checks add none per key)', async () => {
    const manager = f.callers.find((c) => c.who === 'CENTER_MANAGER of SHA-01')?.identity as Identity;
    const headers = { authorization: `Bearer ${await subgraphToken('traffic', manager)}` };
    const references = (n: number) => [
      ...Array.from({ length: n }, (_, i) => ({
        __typename: 'Agent',
        employeeNo: [agents.a1, agents.a2, agents.b1][i % 3] + (i < 3 ? '' : `-${i}`),
      })),
      ...ALL_CONTACTS.slice(0, Math.min(n, 6)).map((k) => ({
        __typename: 'Contact',
        source: `access-${f.tag}`,
        externalId: k,
      })),
      ...Object.values(queues).map((code) => ({ __typename: 'Queue', id: queueIds[code] })),
    ];
    const ask = (n: number) =>
      traffic.sql.count(() =>
        postGraphQL(
          traffic.url,
          `query($r: [_Any!]!, $f: DateTimeISO!, $t: DateTimeISO!) { _entities(representations: $r) {
            ... on Agent { trafficSummary(from: $f, to: $t) { answered } agentStates(from: $f, to: $t) { loggedInSeconds }
              stateSpans(from: $f, to: $t) { state } }
            ... on Contact { externalId } ... on Queue { stats(from: $f, to: $t) { offered } } } }`,
          { r: references(n), f: DAY.from, t: DAY.to },
          headers,
        ),
      );
    const small = await ask(4);
    const large = await ask(60);
    expect(small.result.errors).toBeUndefined();
    expect(large.result.errors).toBeUndefined();
    expect(large.statements.length).toBe(small.statements.length);
  });

  describe('injection attempts in filters and text arguments never widen the answer nor fail', () => {
    const as = async (identity: Identity, query: string, variables: Record<string, unknown>) =>
      postGraphQL<Data>(traffic.url, query, variables, {
        authorization: `Bearer ${await subgraphToken('traffic', identity)}`,
      });
    const agent = f.callers.find((c) => c.who === 'AGENT A1')?.identity as Identity;
    const manager = f.callers.find((c) => c.who === 'CENTER_MANAGER of SHA-01')?.identity as Identity;

    it.each(INJECTION_ATTEMPTS.map((text) => [text.slice(0, 20), text] as const))(
      '%s',
      async (_label, text) => {
        for (const identity of [agent, manager]) {
          const stats = await as(
            identity,
            `query($f: DateTimeISO!, $t: DateTimeISO!, $x: [String!]) { trafficStats(filter: { from: $f, to: $t,
            queueCodes: $x, employeeNos: $x }, granularity: TOTAL, groupBy: [AGENT]) { offered } }`,
            { f: DAY.from, t: DAY.to, x: [text, agents.b1] },
          );
          expect(stats.status).toBe(200);
          expect(stats.data?.trafficStats).toEqual([]);
          const sample = await as(
            identity,
            `query($f: DateTimeISO!, $t: DateTimeISO!, $x: [String!]) { contactSample(filter: { from: $f, to: $t,
            perAgent: 5, seed: "s", employeeNos: $x }) { externalId } }`,
            { f: DAY.from, t: DAY.to, x: [text, agents.b1] },
          );
          expect(sample.data?.contactSample).toEqual(identity === manager ? [{ externalId: 'c2' }] : []);
          const queue = await as(identity, 'query($c: String) { queue(code: $c) { id } }', { c: text });
          expect(queue.data).toEqual({ queue: null });
          const refs = await as(
            identity,
            'query($r: [_Any!]!) { _entities(representations: $r) { ... on Contact { externalId } } }',
            { r: [{ __typename: 'Contact', source: text, externalId: text }] },
          );
          expect(refs.data).toEqual({ _entities: [null] });
        }
      },
    );
  });
});
