import { databaseFingerprint, postGraphQL, startTestSubgraph, type TestSubgraph } from '@switchboard/testing';
import type { EntityManager } from '@mikro-orm/postgresql';
import { Center } from '../center/center.entity';
import { seedStaffDemo } from '../seed/demo-seed';
import { staffSubgraph } from '../staff.subgraph';
import { StaffFactory } from '../testing/staff-factories';

/**
 * The team's dated lead history (issue 18): who led a team at an instant, so care notifies the lead
 * the team had when a promise fell due. Kept by a trigger on team in the writer's transaction.
 */
describe("a team's dated lead history", () => {
  let staff: TestSubgraph;
  let factory: StaffFactory;
  let centerId: string;

  beforeAll(async () => {
    staff = await startTestSubgraph(staffSubgraph);
    factory = new StaffFactory(staff.url);
    centerId = (await factory.center()).id;
  });
  afterAll(() => staff.stop());

  const gql = (query: string, variables?: Record<string, unknown>) =>
    postGraphQL(staff.url, query, variables);
  const setLead = async (id: string, leadEmployeeNo: string | null) => {
    const answer = await gql(
      `mutation($id: ID!, $input: UpdateTeamInput!) { updateTeam(id: $id, input: $input) { id } }`,
      { id, input: { leadEmployeeNo } },
    );
    expect(answer.errors).toBeUndefined();
  };
  /** The team's periods, instants in (fractional) epoch milliseconds: the database keeps microseconds. */
  const periods = (teamId: string) =>
    staff.orm.em
      .getConnection()
      .execute<Array<{ lead_agent_id: string; valid_from: number; valid_to: number | null }>>(
        `select lead_agent_id, extract(epoch from valid_from)::float8 * 1000 as valid_from,
                extract(epoch from valid_to)::float8 * 1000 as valid_to
           from team_lead_period where team_id = ? order by valid_from`,
        [teamId],
      );
  const LEADS_AT = `query($asks: [TeamLeadAskInput!]!) { teamLeadsAt(asks: $asks) { employeeNo } }`;
  const iso = (ms: number) => new Date(ms).toISOString();
  const mid = (a: number, b: number) => iso(Math.floor((a + b) / 2));

  it('records each lead from when they took over, and answers the lead at any instant in one statement', async () => {
    const [first, second, third] = [await factory.agent(), await factory.agent(), await factory.agent()];
    const team = await factory.team(centerId, { leadEmployeeNo: first.employeeNo });
    await setLead(team.id, second.employeeNo);
    await setLead(team.id, null);
    await setLead(team.id, third.employeeNo);
    await setLead(team.id, third.employeeNo); // no change: no new period

    const rows = await periods(team.id);
    expect(rows.map((r) => r.lead_agent_id)).toEqual([first.id, second.id, third.id]);
    expect(rows[0].valid_to).toEqual(rows[1].valid_from); // first handed over to second
    expect(rows[1].valid_to).not.toBeNull(); // second left, the team had no lead a while
    expect(rows[2].valid_to).toBeNull(); // third is current
    const [a, b, c] = rows;
    const asks = [
      { teamId: team.id, at: iso(a.valid_from - 60_000) }, // before the team
      { teamId: team.id, at: mid(a.valid_from, a.valid_to as number) },
      { teamId: team.id, at: iso(Math.ceil(a.valid_to as number)) }, // the change's instant: the new lead
      { teamId: team.id, at: mid(b.valid_from, b.valid_to as number) },
      { teamId: team.id, at: mid(b.valid_to as number, c.valid_from) }, // no lead then
      { teamId: team.id, at: iso(Date.now() + 86_400_000) },
      { teamId: '00000000-0000-0000-0000-000000000000', at: new Date().toISOString() },
      { teamId: 'not-a-team', at: new Date().toISOString() },
    ];
    const { result: answer, statements } = await staff.sql.count(() => gql(LEADS_AT, { asks }));
    expect(answer.errors).toBeUndefined();
    expect(answer.data?.teamLeadsAt).toEqual([
      null,
      { employeeNo: first.employeeNo },
      { employeeNo: second.employeeNo },
      { employeeNo: second.employeeNo },
      null,
      { employeeNo: third.employeeNo },
      null,
      null,
    ]);
    // the periods in one statement, the leads in one, whatever the number of asks
    const more = await staff.sql.count(() => gql(LEADS_AT, { asks: [...asks, ...asks, ...asks] }));
    expect(more.statements.length).toBe(statements.length);
  });

  it('a refused change of lead writes no period', async () => {
    const lead = await factory.agent();
    const team = await factory.team(centerId, { leadEmployeeNo: lead.employeeNo });
    const before = await databaseFingerprint(staff.orm);
    const answer = await gql(
      `mutation($id: ID!, $input: UpdateTeamInput!) { updateTeam(id: $id, input: $input) { id } }`,
      { id: team.id, input: { leadEmployeeNo: 'NO-SUCH-AGENT' } },
    );
    expect(answer.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(await databaseFingerprint(staff.orm)).toEqual(before);
    expect((await periods(team.id)).map((r) => r.lead_agent_id)).toEqual([lead.id]);
  });

  it('replaces, not closes empty, a lead set twice in one transaction', async () => {
    const [one, two] = [await factory.agent(), await factory.agent()];
    const team = await factory.team(centerId);
    await staff.orm.em.fork().transactional(async (tx) => {
      await tx
        .getConnection()
        .execute(
          'update team set lead_agent_id = ? where id = ?',
          [one.id, team.id],
          'run',
          tx.getTransactionContext(),
        );
      await tx
        .getConnection()
        .execute(
          'update team set lead_agent_id = ? where id = ?',
          [two.id, team.id],
          'run',
          tx.getTransactionContext(),
        );
    });
    expect((await periods(team.id)).map((r) => [r.lead_agent_id, r.valid_to])).toEqual([[two.id, null]]);
  });

  it('refuses more than 500 asks', async () => {
    const asks = Array.from({ length: 501 }, () => ({ teamId: centerId, at: new Date().toISOString() }));
    const answer = await gql(LEADS_AT, { asks });
    expect(answer.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(answer.errors?.[0].message).toContain('asks');
  });
});

describe("the demo's teams", () => {
  let demo: TestSubgraph;
  beforeAll(async () => {
    demo = await startTestSubgraph(staffSubgraph);
  });
  afterAll(() => demo.stop());

  it('have led since their first member joined, so a promise due in the demo past finds its lead', async () => {
    const em = demo.orm.em.fork() as EntityManager;
    if ((await em.count(Center)) === 0) expect(await seedStaffDemo(em)).toBe(true);
    const rows = await demo.orm.em
      .getConnection()
      .execute<Array<{ code: string; lead: string; periods: string; from_ok: boolean }>>(
        `select t.code, t.lead_agent_id as lead, count(p.id)::text as periods,
              bool_and(p.valid_from <= (select min(m.valid_from) from team_membership m where m.team_id = t.id)) as from_ok
         from team t left join team_lead_period p on p.team_id = t.id and p.valid_to is null
        where t.lead_agent_id is not null group by t.id, t.code, t.lead_agent_id`,
      );
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) expect([row.code, row.periods, row.from_ok]).toEqual([row.code, '1', true]);
  });
});
