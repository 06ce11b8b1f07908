import { randomUUID } from 'node:crypto';
import {
  accessMatrix,
  cellsPerCaller,
  INJECTION_ATTEMPTS,
  postGraphQL,
  authorizationFor,
  startTestSubgraph,
  type AccessCell,
  type AccessLevel,
  type TestSubgraph,
} from '@switchboard/testing';
import { staffSubgraph } from '../staff.subgraph';
import { AccessFixture } from '../testing/access-fixture';

type Data = Record<string, unknown>;
const fx = new AccessFixture();
let staff: TestSubgraph;

beforeAll(async () => {
  staff = await startTestSubgraph(staffSubgraph);
  await fx.create(staff.url);
});
afterAll(() => staff.stop());

const nos = (list: unknown): string[] =>
  ((list ?? []) as { employeeNo: string }[]).map((a) => a.employeeNo).sort();
const codes = (list: unknown): string[] => ((list ?? []) as { code: string }[]).map((c) => c.code).sort();
const path = (data: Data, ...keys: string[]): unknown =>
  keys.reduce<unknown>((value, key) => (value as Data | null)?.[key], data);

const perCaller = cellsPerCaller(fx.callers);

const onlyAll = (level: AccessLevel, check?: (data: Data) => void): AccessCell['expect'] =>
  level === 'all' ? { allow: true, check } : { deny: true };
const b1Secrets = () => [fx.nameOf(fx.no.b1)];

describe('staff access: queries', () => {
  accessMatrix(
    () => staff.url,
    [
      ...perCaller(
        'agents',
        '{ agents(first: 100) { nodes { employeeNo } totalCount } }',
        undefined,
        (level) => ({
          scoped: (data) => {
            expect(nos(path(data, 'agents', 'nodes'))).toEqual(fx.agentsSeen[level]);
            expect(path(data, 'agents', 'totalCount')).toBe(fx.agentsSeen[level].length);
          },
        }),
      ),
      ...perCaller(
        'agent by employeeNo outside most scopes (b1)',
        'query($no: String!) { agent(employeeNo: $no) { employeeNo displayName } }',
        () => ({ no: fx.no.b1 }),
        (level) => onlyAll(level, (data) => expect(path(data, 'agent', 'employeeNo')).toBe(fx.no.b1)),
        b1Secrets,
      ),
      ...perCaller(
        'agent by id outside most scopes (b1)',
        'query($id: ID!) { agent(id: $id) { employeeNo displayName } }',
        () => ({ id: fx.id.b1 }),
        (level) => onlyAll(level),
        b1Secrets,
      ),
      ...perCaller(
        'agent by an unknown id (existence not revealed)',
        'query($id: ID!) { agent(id: $id) { employeeNo } }',
        () => ({ id: randomUUID() }),
        (level) => onlyAll(level, (data) => expect(data.agent).toBeNull()),
      ),
      ...perCaller(
        'agent a1 (in every scope)',
        'query($no: String!) { agent(employeeNo: $no) { employeeNo skills { proficiency } teamHistory { validFrom } } }',
        () => ({ no: fx.no.a1 }),
        () => ({ allow: true, check: (data) => expect(path(data, 'agent', 'employeeNo')).toBe(fx.no.a1) }),
      ),
      ...perCaller(
        "agent a1's team and center: org-chart nodes, people only as seen",
        `query($no: String!) { agent(employeeNo: $no) {
         team { code members { employeeNo } agents { employeeNo } lead { employeeNo } }
         center { code agents { employeeNo } teams { code } } } }`,
        () => ({ no: fx.no.a1 }),
        (level) => ({
          scoped: (data) => {
            const team = path(data, 'agent', 'team') as Data;
            const center = path(data, 'agent', 'center') as Data;
            expect(team.code).toBe(fx.code.A1);
            const inA1 = fx.agentsSeen[level].filter((n) => [fx.no.a1, fx.no.lead].includes(n));
            expect(nos(team.members)).toEqual(inA1);
            expect(nos(team.agents)).toEqual(inA1);
            expect(path(team, 'lead', 'employeeNo') ?? null).toBe(level === 'self' ? null : fx.no.lead);
            expect(nos(center.agents)).toEqual(fx.agentsSeen[level].filter((n) => n !== fx.no.b1));
            expect(codes(center.teams)).toEqual(fx.teamsSeen[level].filter((c) => c !== fx.code.B1));
          },
        }),
      ),
      ...perCaller('centers', '{ centers { code } }', undefined, (level) => ({
        scoped: (data) => expect(codes(data.centers)).toEqual(fx.centersSeen[level]),
      })),
      ...perCaller(
        'center B by code',
        'query($code: String!) { center(code: $code) { code agents { displayName } } }',
        () => ({ code: fx.code.B }),
        (level) => onlyAll(level),
        b1Secrets,
      ),
      ...perCaller(
        'center A by id',
        'query($id: ID!) { center(id: $id) { code agents { employeeNo } } }',
        () => ({ id: fx.id.A }),
        (level) =>
          level === 'all' || level === 'center'
            ? {
                allow: true,
                check: (data) => expect(nos(path(data, 'center', 'agents'))).toEqual(fx.agentsSeen.center),
              }
            : { deny: true },
      ),
      ...perCaller('teams', '{ teams { code } }', undefined, (level) => ({
        scoped: (data) => expect(codes(data.teams)).toEqual(fx.teamsSeen[level]),
      })),
      ...perCaller(
        'team A1 by id',
        'query($id: ID!) { team(id: $id) { code members { employeeNo } lead { employeeNo } } }',
        () => ({ id: fx.id.A1 }),
        (level) =>
          level === 'self'
            ? { deny: true }
            : {
                allow: true,
                check: (data) => expect(nos(path(data, 'team', 'members'))).toEqual(fx.agentsSeen.team),
              },
      ),
      ...perCaller(
        'team A2 by code',
        'query($code: String!) { team(code: $code) { code } }',
        () => ({ code: fx.code.A2 }),
        (level) => (level === 'all' || level === 'center' ? { allow: true } : { deny: true }),
      ),
      ...perCaller(
        'team by an unknown code (existence not revealed)',
        'query($code: String!) { team(code: $code) { code } }',
        () => ({ code: `NOPE-${fx.tag}` }),
        (level) => onlyAll(level, (data) => expect(data.team).toBeNull()),
      ),
      ...perCaller(
        "teamLeadsAt: A1's lead as Team.lead shows it, B1 (no lead) and an unknown team null",
        'query($a: [TeamLeadAskInput!]!) { teamLeadsAt(asks: $a) { employeeNo } }',
        () => ({
          a: [fx.id.A1, fx.id.B1, randomUUID()].map((teamId) => ({ teamId, at: new Date().toISOString() })),
        }),
        (level) => ({
          allow: true,
          check: (data) =>
            expect(data.teamLeadsAt).toEqual([
              level === 'self' ? null : { employeeNo: fx.no.lead },
              null,
              null,
            ]),
        }),
      ),
      ...perCaller('skills (reference data)', '{ skills { code } }', undefined, () => ({ allow: true })),
      ...perCaller('piiAccessLog', '{ piiAccessLog { nodes { field } } }', undefined, (_level, who) =>
        who === 'ADMIN' ? { allow: true } : { deny: true },
      ),
      ...perCaller(
        'accessScope',
        'query($c: [String!]!) { accessScope(centers: $c, teams: []) { employeeNos } }',
        () => ({ c: [fx.code.B] }),
        (level) => onlyAll(level),
        b1Secrets,
      ),
    ],
  );
});

const ENTITIES = `query($r: [_Any!]!) { _entities(representations: $r) {
  ... on Agent { employeeNo }
  ... on Team { code agents { employeeNo } lead { employeeNo } }
  ... on Center { code agents { employeeNo } teams { code } }
  ... on Performance { agents { employeeNo } agentRecords { scopeId } children { scopeId } agent { employeeNo } }
} }`;
const period = { from: '2026-01-01T00:00:00.000Z', to: '2026-01-02T00:00:00.000Z' };

describe('staff access: reference resolvers (null / empty outside the scope, never an error)', () => {
  accessMatrix(
    () => staff.url,
    [
      ...perCaller(
        'Agent references by employeeNo and id',
        ENTITIES,
        () => ({
          r: [
            { __typename: 'Agent', employeeNo: fx.no.a1 },
            { __typename: 'Agent', employeeNo: fx.no.b1 },
            { __typename: 'Agent', id: fx.id.a2 },
          ],
        }),
        (level) => ({
          scoped: (data) => {
            const seen = new Set(fx.agentsSeen[level]);
            expect(data._entities).toEqual(
              [fx.no.a1, fx.no.b1, fx.no.a2].map((n) => (seen.has(n) ? { employeeNo: n } : null)),
            );
          },
        }),
      ),
      ...perCaller(
        'Team and Center references: their people as seen',
        ENTITIES,
        () => ({
          r: [
            { __typename: 'Team', id: fx.id.A1 },
            { __typename: 'Team', id: fx.id.B1 },
            { __typename: 'Center', id: fx.id.A },
            { __typename: 'Center', id: fx.id.B },
          ],
        }),
        (level) => ({
          scoped: (data) => {
            const [a1, b1, a, b] = data._entities as Data[];
            const seen = (list: string[]) => list.filter((n) => fx.agentsSeen[level].includes(n)).sort();
            expect([a1.code, b1.code, a.code, b.code]).toEqual([
              fx.code.A1,
              fx.code.B1,
              fx.code.A,
              fx.code.B,
            ]);
            expect(nos(a1.agents)).toEqual(seen([fx.no.a1, fx.no.lead]));
            expect(nos(b1.agents)).toEqual(seen([fx.no.b1]));
            expect(nos(a.agents)).toEqual(seen([fx.no.a1, fx.no.lead, fx.no.a2]));
            expect(nos(b.agents)).toEqual(seen([fx.no.b1]));
            expect(codes(b.teams)).toEqual(level === 'all' ? [fx.code.B1] : []);
            expect(path(b1, 'lead')).toBeNull();
          },
        }),
      ),
      ...perCaller(
        'Performance references: agents, records and children as seen',
        ENTITIES,
        () => ({
          r: [
            { __typename: 'Performance', scopeType: 'TEAM', scopeId: fx.id.A1, ...period },
            { __typename: 'Performance', scopeType: 'CENTER', scopeId: fx.id.B, ...period },
            { __typename: 'Performance', scopeType: 'AGENT', scopeId: fx.id.b1, ...period },
          ],
        }),
        (level) => ({
          scoped: (data) => {
            const [team, center, agent] = data._entities as Data[];
            const seen = (list: string[]) => list.filter((n) => fx.agentsSeen[level].includes(n)).sort();
            expect(nos(team.agents)).toEqual(seen([fx.no.a1, fx.no.lead]));
            expect((team.agentRecords as unknown[]).length).toBe(seen([fx.no.a1, fx.no.lead]).length);
            expect(nos(center.agents)).toEqual(seen([fx.no.b1]));
            expect((center.children as unknown[]).length).toBe(level === 'all' ? 1 : 0);
            expect(nos(agent.agents)).toEqual(seen([fx.no.b1]));
            expect(agent.agent).toEqual(level === 'all' ? { employeeNo: fx.no.b1 } : null);
          },
        }),
      ),
    ],
  );
});

describe('staff access: injection attempts in filters and text arguments', () => {
  const restricted = fx.callers.filter((c) => c.level !== 'all');
  it.each(INJECTION_ATTEMPTS.map((text) => [text.slice(0, 20), text] as const))(
    'never widen what a restricted caller sees, never a 500: %s',
    async (_label, text) => {
      for (const { identity, level } of restricted) {
        const authorization = await authorizationFor(staff.url, identity);
        const response = await postGraphQL<{ agents: { nodes: { employeeNo: string }[] } }>(
          staff.url,
          `query($t: String!, $list: [String!]) { agents(filter: { nameContains: $t, employeeNos: $list }) { nodes { employeeNo } } }`,
          { t: text, list: null },
          authorization,
        );
        expect(response.status).toBeLessThan(500);
        for (const a of response.data?.agents.nodes ?? [])
          expect(fx.agentsSeen[level]).toContain(a.employeeNo);
        const byList = await postGraphQL<{ agents: { nodes: { employeeNo: string }[] } }>(
          staff.url,
          `query($list: [String!]) { agents(filter: { employeeNos: $list }) { nodes { employeeNo } } }`,
          { list: [text, fx.no.b1] },
          authorization,
        );
        expect(byList.status).toBeLessThan(500);
        expect(nos(byList.data?.agents.nodes)).toEqual([]);
        for (const query of [
          'query($t: String!) { center(code: $t) { code } }',
          'query($t: String!) { team(code: $t) { code } }',
          'query($t: String!) { agent(employeeNo: $t) { employeeNo } }',
        ]) {
          const one = await postGraphQL(staff.url, query, { t: text }, authorization);
          expect(one.status).toBeLessThan(500);
          expect(one.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
        }
      }
    },
  );
});
