import { postGraphQL, startTestSubgraph, type TestSubgraph } from '@switchboard/testing';
import { staffSubgraph } from '../../staff.subgraph';
import { StaffFactory } from '../../testing/staff-factories';

const FROM = '2026-05-01T00:00:00.000Z';
const TO = '2026-06-01T00:00:00.000Z';

interface StaffPart {
  name: string | null;
  agents: { employeeNo: string }[];
  children: { scopeType: string; scopeId: string; from: string; to: string }[];
  agentRecords: { scopeType: string; scopeId: string }[];
  ancestors: { type: string; id: string }[];
}

/** Staff's part of Performance: who is in a scope, its drill-down children and its enclosing scopes. */
describe('Performance: agents, children, ancestors', () => {
  let staff: TestSubgraph;
  let factory: StaffFactory;
  let center: { id: string };
  let teams: { id: string }[];
  let agents: { id: string; employeeNo: string }[];

  beforeAll(async () => {
    staff = await startTestSubgraph(staffSubgraph);
    factory = new StaffFactory(staff.url);
    center = await factory.center();
    teams = [await factory.team(center.id), await factory.team(center.id)];
    agents = [];
    for (const [i, team] of [teams[0], teams[0], teams[1]].entries()) {
      agents.push(
        await factory.agent({ teamId: team.id, displayName: `Agent ${i}`, hireDate: '2026-01-05' }),
      );
    }
  });
  afterAll(() => staff.stop());

  const record = (scopeType: string, scopeId: string, period = { from: FROM, to: TO }) => ({
    __typename: 'Performance',
    scopeType,
    scopeId,
    ...period,
  });
  const entities = (representations: unknown[]) =>
    postGraphQL<{ _entities: StaffPart[] }>(
      staff.url,
      `query($r: [_Any!]!) { _entities(representations: $r) { ... on Performance {
         name agents { employeeNo } children { scopeType scopeId from to } ancestors { type id }
         agentRecords { scopeType scopeId } } } }`,
      { r: representations },
    );
  const numbers = (list: { employeeNo: string }[]) => list.map((a) => a.employeeNo).sort();

  it('resolves each kind of scope from its key', async () => {
    const response = await entities([
      record('CENTER', center.id),
      record('TEAM', teams[0].id),
      record('AGENT', agents[2].id),
      record('QUEUE', '00000000-0000-0000-0000-000000000001'),
      record('TEAM', 'not-an-id'),
    ]);
    expect(response.errors).toBeUndefined();
    const [ofCenter, ofTeam, ofAgent, ofQueue, unknown] = response.data?._entities ?? [];
    expect(numbers(ofCenter.agents)).toEqual(numbers(agents));
    expect(ofCenter.children).toEqual(
      expect.arrayContaining(teams.map((t) => ({ scopeType: 'TEAM', scopeId: t.id, from: FROM, to: TO }))),
    );
    expect(ofCenter.ancestors).toEqual([]);
    expect(ofCenter.agentRecords.map((r) => r.scopeId).sort()).toEqual(agents.map((a) => a.id).sort());
    expect(new Set(ofCenter.agentRecords.map((r) => r.scopeType))).toEqual(new Set(['AGENT']));
    expect(ofCenter.name).toBe('Test center');
    expect(numbers(ofTeam.agents)).toEqual(numbers(agents.slice(0, 2)));
    expect(ofTeam.children.map((c) => c.scopeId).sort()).toEqual([agents[0].id, agents[1].id].sort());
    expect(ofTeam.ancestors).toEqual([{ type: 'CENTER', id: center.id }]);
    expect(ofAgent).toMatchObject({
      name: 'Agent 2',
      agents: [{ employeeNo: agents[2].employeeNo }],
      children: [],
      ancestors: [
        { type: 'TEAM', id: teams[1].id },
        { type: 'CENTER', id: center.id },
      ],
    });
    expect(ofQueue).toEqual({ name: null, agents: [], children: [], ancestors: [], agentRecords: [] });
    expect(unknown).toEqual({ name: null, agents: [], children: [], ancestors: [], agentRecords: [] });
  });

  it('costs the same statements for a batch of 2 or 200 records', async () => {
    const many = [...Array(200)].map((_, i) =>
      i % 3 === 0 ? record('TEAM', teams[i % 2].id) : record('AGENT', agents[i % 3].id),
    );
    const small = await staff.sql.count(() => entities(many.slice(0, 2)));
    const large = await staff.sql.count(() => entities(many));
    expect(large.result.errors).toBeUndefined();
    expect(large.statements.length).toBe(small.statements.length);
  });

  it('lists only agents of the AGENT role as the records a ranking ranks, not the team lead (issue 17)', async () => {
    // a center of its own: the other tests count the shared center's agents
    const team = await factory.team((await factory.center()).id);
    const agent = await factory.agent({ teamId: team.id, hireDate: '2026-01-05' });
    const lead = await factory.agent({ teamId: team.id, hireDate: '2026-01-05', role: 'TEAM_LEAD' });
    const response = await postGraphQL<{
      _entities: { agentRecords: { scopeId: string }[]; contactAgentRecords: { scopeId: string }[] }[];
    }>(
      staff.url,
      `query($r: [_Any!]!) { _entities(representations: $r) { ... on Performance {
         agentRecords { scopeId } contactAgentRecords { scopeId } } } }`,
      { r: [record('TEAM', team.id)] },
    );
    expect(response.errors).toBeUndefined();
    const [ofTeam] = response.data?._entities ?? [];
    expect(ofTeam.agentRecords.map((r) => r.scopeId).sort()).toEqual([agent.id, lead.id].sort());
    expect(ofTeam.contactAgentRecords).toEqual([{ scopeId: agent.id }]);
  });

  it("costs the same statements for a center's trend of 2 or 365 days, each day's members its own (issue 17)", async () => {
    const days = [...Array(365)].map((_, i) => {
      const from = new Date(Date.UTC(2025, 11, 1 + i));
      return record('CENTER', center.id, {
        from: from.toISOString(),
        to: new Date(from.getTime() + 86_400_000).toISOString(),
      });
    });
    const small = await staff.sql.count(() => entities(days.slice(-2)));
    const year = await staff.sql.count(() => entities(days));
    expect(year.result.errors).toBeUndefined();
    expect(year.statements.length).toBe(small.statements.length);
    const members = (year.result.data?._entities ?? []).map((e) => e.agents.length);
    // hired on 2026-01-05: nobody before, all three after
    expect(members[0]).toBe(0);
    expect(members[364]).toBe(3);
  });

  it("sends a trend's agents once per distinct set, not once per bucket, at each place in the answer (issue 17)", async () => {
    // a center of its own: two agents from the start, a third hired in the middle of the trend
    const ownCenter = await factory.center();
    const team = await factory.team(ownCenter.id);
    await factory.agent({ teamId: team.id, hireDate: '2026-01-05' });
    await factory.agent({ teamId: team.id, hireDate: '2026-01-05' });
    await factory.agent({ teamId: team.id, hireDate: '2026-03-10' });
    const trend = (count: number) =>
      [...Array(count)].map((_, i) => {
        const from = new Date(Date.UTC(2026, 2, 10 - Math.floor(count / 2) + i));
        return record('CENTER', ownCenter.id, {
          from: from.toISOString(),
          to: new Date(from.getTime() + 86_400_000).toISOString(),
        });
      });
    type Part = {
      agents: { employeeNo: string }[];
      agentSet: { id: string; agents: { employeeNo: string }[] | null };
      children: { agents: { employeeNo: string }[]; agentSet: Part['agentSet'] }[];
    };
    const ask = (representations: unknown[]) =>
      postGraphQL<{ _entities: Part[] }>(
        staff.url,
        `query($r: [_Any!]!) { _entities(representations: $r) { ... on Performance {
           agents { employeeNo } agentSet { id agents { employeeNo } }
           children { agents { employeeNo } agentSet { id agents { employeeNo } } } } } }`,
        { r: representations },
      );
    const answer = await ask(trend(60));
    expect(answer.errors).toBeUndefined();
    const records = answer.data?._entities ?? [];
    for (const place of [records, records.flatMap((r) => r.children)]) {
      // each set carried by exactly one record of its place; every record names its agents' set
      const carriers = place.filter((r) => r.agentSet.agents !== null);
      expect(carriers.map((r) => r.agentSet.id).sort()).toEqual(
        [...new Set(place.map((r) => r.agentSet.id))].sort(),
      );
      const setAgents = new Map(carriers.map((r) => [r.agentSet.id, r.agentSet.agents ?? []]));
      for (const r of place) expect(numbers(setAgents.get(r.agentSet.id) ?? [])).toEqual(numbers(r.agents));
    }
    // two sets (before and after the hire) at the center and at its team
    expect(new Set(records.map((r) => r.agentSet.id)).size).toBe(2);
    expect(new Set(records.map((r) => r.agentSet.agents?.length ?? null))).toEqual(new Set([null, 2, 3]));
    // the answer without the public agents grows with the buckets by their keys, not their agents
    const setOnly = (count: number) =>
      postGraphQL(
        staff.url,
        'query($r: [_Any!]!) { _entities(representations: $r) { ... on Performance { agentSet { id agents { employeeNo role skills { skill { code } } } } } } }',
        { r: trend(count) },
      ).then((a) => JSON.stringify(a).length);
    const [short, long] = [await setOnly(20), await setOnly(200)];
    expect((long - short) / 180).toBeLessThan(80);
  });
});
