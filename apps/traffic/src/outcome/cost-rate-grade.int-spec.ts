import { randomUUID } from 'node:crypto';
import { KnownReferences, postGraphQL, startTestSubgraph, type TestSubgraph } from '@switchboard/testing';
import { trafficSubgraph } from '../traffic.subgraph';

/**
 * Issue 20: standard cost rates per role and career level. Center C's voice queue FX-G, 2026-05-04:
 * six agents answer 60 contacts of 60 s each (1 handle hour apiece). Rates of C on VOICE from
 * 2026-01-01: every agent 80.00; SENIOR_AGENT 100.00; SENIOR_AGENT level 3 110.00; AGENT 70.00;
 * level 5 90.00; TEAM_LEAD level 3 500.00 (nobody); SENIOR_AGENT level 3 300.00 from 2026-06-01 (not
 * yet). The most specific rate applies (METRICS.md): role and level, role, level, every agent.
 */
const DAY = '2026-05-04';
const CENTER = randomUUID();
const AGENTS = [
  ['G1', 'SENIOR_AGENT', 3, '110.00'], // role and level
  ['G2', 'SENIOR_AGENT', 1, '100.00'], // role
  ['G3', 'AGENT', 2, '70.00'], // role
  ['G4', 'AGENT', 5, '70.00'], // role before level
  ['G5', 'TRAINER', 5, '90.00'], // level before every agent
  ['G6', null, null, '80.00'], // no grade known: every agent
] as const;
const SET = `mutation($i: CostRateInput!) { setCostRate(input: $i) { role level perHour validFrom } }`;
const FIELDS = 'answered handlingCost uncostedContacts costPerContact';

describe('cost rates per role and career level (issue 20)', () => {
  let traffic: TestSubgraph;
  const sql = <T>(text: string, params: unknown[] = []) =>
    traffic.orm.em.fork().getConnection().execute<T[]>(text, params);
  const record = (scopeType: string, scopeId: string, employeeNos: string[]) => ({
    __typename: 'Performance',
    scopeType,
    scopeId,
    from: `${DAY}T00:00:00Z`,
    to: '2026-05-05T00:00:00Z',
    agents: employeeNos.map((employeeNo) => ({ employeeNo })),
  });
  const traffics = async (representations: unknown[]) => {
    const answer = await postGraphQL<{ _entities: { traffic: Record<string, unknown> }[] }>(
      traffic.url,
      `query($r: [_Any!]!) { _entities(representations: $r) { ... on Performance { traffic { ${FIELDS} } } } }`,
      { r: representations },
    );
    expect(answer.errors).toBeUndefined();
    return answer.data?._entities.map((e) => e.traffic) ?? [];
  };
  const set = (input: Record<string, unknown>) =>
    postGraphQL<{ setCostRate: Record<string, unknown> }>(traffic.url, SET, {
      i: { centerId: CENTER, channel: 'VOICE', validFrom: '2026-01-01', ...input },
    });

  beforeAll(async () => {
    traffic = await startTestSubgraph(trafficSubgraph, {
      referenceSource: new KnownReferences().add('center', CENTER).source,
    });
    await sql(
      `insert into queue (id, code, channel, center_id, created_at) values (gen_random_uuid(), 'FX-G', 'VOICE', ?, now())`,
      [CENTER],
    );
    // staff's roles and levels as the team directory copies them
    for (const [employeeNo, role, level] of AGENTS)
      if (role)
        await sql('insert into agent_grade (employee_no, role, career_level) values (?, ?, ?)', [
          employeeNo,
          role,
          level,
        ]);
    for (const rate of [
      { perHour: '80.00' },
      { perHour: '100.00', role: 'SENIOR_AGENT' },
      { perHour: '110.00', role: 'SENIOR_AGENT', level: 3 },
      { perHour: '70.00', role: 'AGENT' },
      { perHour: '90.00', level: 5 },
      { perHour: '500.00', role: 'TEAM_LEAD', level: 3 },
      { perHour: '300.00', role: 'SENIOR_AGENT', level: 3, validFrom: '2026-06-01' },
    ]) {
      const answer = await set(rate);
      expect(answer.errors).toBeUndefined();
    }
    const contacts = AGENTS.flatMap(([agent], k) =>
      Array.from({ length: 60 }, (_, i) => {
        const at = `${DAY}T${String(8 + k).padStart(2, '0')}:${String(i).padStart(2, '0')}`;
        return {
          source: 'FX-G',
          externalId: `${agent}-${i}`,
          channel: 'VOICE',
          queue: 'FX-G',
          agent,
          arrivedAt: `${at}:00Z`,
          answeredAt: `${at}:00Z`,
          endedAt: new Date(Date.parse(`${at}:00Z`) + 60_000).toISOString(),
          outcome: 'ANSWERED',
        };
      }),
    );
    const answer = await postGraphQL(
      traffic.url,
      'mutation($c: [ContactInput!]!) { ingestContacts(contacts: $c) { inserted rejected } }',
      { c: contacts },
    );
    expect(answer.data).toEqual({ ingestContacts: { inserted: 360, rejected: 0 } });
  });
  afterAll(() => traffic.stop());

  it('lists each scope’s versions with its role and level', async () => {
    const listed = await postGraphQL<{ costRates: Record<string, unknown>[] }>(
      traffic.url,
      `query($c: [ID!]) { costRates(centerIds: $c) { role level perHour validFrom validUntil } }`,
      { c: [CENTER] },
    );
    expect(listed.data?.costRates).toEqual([
      { role: null, level: null, perHour: '80.00', validFrom: '2026-01-01', validUntil: null },
      { role: null, level: 5, perHour: '90.00', validFrom: '2026-01-01', validUntil: null },
      { role: 'AGENT', level: null, perHour: '70.00', validFrom: '2026-01-01', validUntil: null },
      { role: 'SENIOR_AGENT', level: null, perHour: '100.00', validFrom: '2026-01-01', validUntil: null },
      {
        role: 'SENIOR_AGENT',
        level: 3,
        perHour: '110.00',
        validFrom: '2026-01-01',
        validUntil: '2026-06-01',
      },
      { role: 'SENIOR_AGENT', level: 3, perHour: '300.00', validFrom: '2026-06-01', validUntil: null },
      { role: 'TEAM_LEAD', level: 3, perHour: '500.00', validFrom: '2026-01-01', validUntil: null },
    ]);
  });

  it('prices each agent’s hour at the most specific rate that applies', async () => {
    const rows = await traffics(AGENTS.map(([agent]) => record('AGENT', randomUUID(), [agent])));
    expect(rows).toEqual(
      AGENTS.map(([, , , perHour]) => ({
        answered: 60,
        handlingCost: perHour,
        uncostedContacts: 0,
        costPerContact: Math.round((Number(perHour) / 60) * 100) / 100,
      })),
    );
  });

  it('a team adds its agents’ costs: 110 + 100 + 70 + 70 + 90 + 80 = 520.00 for 360 contacts', async () => {
    const [team] = await traffics([
      record(
        'TEAM',
        randomUUID(),
        AGENTS.map((a) => a[0]),
      ),
    ]);
    expect(team).toEqual({
      answered: 360,
      handlingCost: '520.00',
      uncostedContacts: 0,
      costPerContact: 1.44,
    });
  });

  it('a center’s record, read from the queue-level rollup (no agent), is priced at its every-agent rate', async () => {
    const [center] = await traffics([record('CENTER', CENTER, [])]);
    expect(center).toEqual({
      answered: 360,
      handlingCost: '480.00',
      uncostedContacts: 0,
      costPerContact: 1.33,
    });
  });

  it('refuses an unknown role and a level outside 1-10, naming the field', async () => {
    for (const [input, field] of [
      [{ perHour: '1.00', role: 'CEO' }, 'input.role'],
      [{ perHour: '1.00', level: 11 }, 'input.level'],
      [{ perHour: '1.00', level: 0 }, 'input.level'],
    ] as const) {
      const answer = await set(input);
      expect(answer.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
      expect(answer.errors?.[0].message).toContain(field);
    }
  });
});
