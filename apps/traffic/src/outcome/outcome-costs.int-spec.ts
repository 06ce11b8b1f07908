import { randomUUID } from 'node:crypto';
import {
  KnownReferences,
  postGraphQL,
  postImportFile,
  startTestSubgraph,
  type TestSubgraph,
} from '@switchboard/testing';
import { inPgTransaction } from '../ingest/pg-client';
import { writeAgentStates } from '../ingest/agent-state-writer';
import { trafficSubgraph } from '../traffic.subgraph';

/**
 * Issue 20: sales per hour, revenue per contact, cost per contact and contribution on
 * Performance.traffic. The research's fixture day on queue FX-C of center C: 100 answered voice
 * contacts of 45 s handle each (agents E3: 1-60, E4: 61-100), 10 instalment sales of 1,000.00 …
 * 10,000.00 at a 3 % margin (revenue 1,650.00), both agents logged in 4 h (8 staffed hours).
 * Center C's voice rate is 80.00 an hour (an older 60.00 and a later 200.00 are not in force that
 * day; another center's rate is not C's): 100 × 45 s = 1.25 h × 80.00 = 100.00, 1.00 a contact;
 * contribution 1,650.00 − 100.00 = 1,550.00. Queue FX-U has no center: its contacts are unpriced.
 */
const DAY = '2026-05-04';
const CENTER = randomUUID();
const OTHER_CENTER = randomUUID();
const HEADER =
  'source,external_id,seq,code,product_code,amount,currency,offer_made,eligible,recorded_by,recorded_at';
const INGEST = `mutation($c: [ContactInput!]!) { ingestContacts(contacts: $c) { inserted rejected } }`;
const FIELDS = `answered saleOutcomes staffedHours salesPerHour revenue revenuePerContact handlingCost
  uncostedContacts costPerContact contribution`;

const contacts = (queue: string, count: number) =>
  Array.from({ length: count }, (_, i) => {
    const n = i + 1;
    const at = `${DAY}T${String(9 + Math.floor(i / 60)).padStart(2, '0')}:${String(i % 60).padStart(2, '0')}`;
    return {
      source: queue,
      externalId: `c${n}`,
      channel: 'VOICE',
      queue,
      agent: n <= 60 ? 'E3' : 'E4',
      arrivedAt: `${at}:00Z`,
      answeredAt: `${at}:05Z`,
      endedAt: `${at}:50Z`,
      outcome: 'ANSWERED',
    };
  });

const sales = (source: string) =>
  [
    HEADER,
    ...Array.from(
      { length: 10 },
      (_, i) => `${source},c${i + 1},2,SALE_INST,P3,${(i + 1) * 1000}.00,,true,true,E3,${DAY}T12:00:00Z`,
    ),
  ].join('\n');

describe('cost per contact, sales per hour and contribution (issue 20)', () => {
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

  beforeAll(async () => {
    traffic = await startTestSubgraph(trafficSubgraph, {
      referenceSource: new KnownReferences().add('center', CENTER, OTHER_CENTER).source,
    });
    await sql(`insert into disposition_code (code, version, parent_code, outcome_class, name_zh, name_en, requires_amount, requires_product, valid_from, valid_to)
      values ('SALE_INST', 1, null, 'INSTALLMENT', '分期', 'Instalment sale', true, true, '2020-01-01', null)`);
    await sql(
      `insert into product (code, name_zh, name_en, family, margin_rate) values ('P3', '分期', 'Instalment', 'INSTALLMENT', 0.03)`,
    );
    await sql(
      `insert into queue (id, code, channel, center_id, created_at) values
      (gen_random_uuid(), 'FX-C', 'VOICE', ?, now()), (gen_random_uuid(), 'FX-U', 'VOICE', null, now())`,
      [CENTER],
    );
    await sql(
      `insert into cost_rate (id, center_id, channel, per_hour, valid_from) values
        (gen_random_uuid(), ?, 'VOICE', 60.00, '2020-01-01'), (gen_random_uuid(), ?, 'VOICE', 80.00, '2026-01-01'),
        (gen_random_uuid(), ?, 'VOICE', 200.00, '2026-06-01'), (gen_random_uuid(), ?, 'CHAT', 500.00, '2020-01-01'),
        (gen_random_uuid(), ?, 'VOICE', 999.00, '2020-01-01')`,
      [CENTER, CENTER, CENTER, CENTER, OTHER_CENTER],
    );
    for (const [queue, count] of [
      ['FX-C', 100],
      ['FX-U', 4],
    ] as const) {
      const answer = await postGraphQL(traffic.url, INGEST, { c: contacts(queue, count) });
      expect(answer.data).toEqual({ ingestContacts: { inserted: count, rejected: 0 } });
    }
    const imported = await postImportFile(traffic.url, '/import/outcomes?format=csv', sales('FX-C'));
    expect(imported.events.at(-1)).toMatchObject({ type: 'report', inserted: 10, rejected: 0 });
    const shift = (agent: string, state: 'LOGGED_IN' | 'AVAILABLE' | 'LOGGED_OUT', time: string) => ({
      source: 'pbx',
      agent,
      at: new Date(`${DAY}T${time}:00Z`),
      state,
      reason: null,
      queue: null,
    });
    await inPgTransaction(traffic.orm.em.fork(), (client) =>
      writeAgentStates(client, [
        shift('E3', 'AVAILABLE', '08:00'),
        shift('E3', 'LOGGED_OUT', '12:00'),
        shift('E4', 'AVAILABLE', '09:00'),
        shift('E4', 'LOGGED_OUT', '13:00'),
      ]),
    );
  });
  afterAll(() => traffic.stop());

  it('gives the fixture day’s figures for its center, queue and team exactly', async () => {
    const [{ id: queueId }] = await sql<{ id: string }>("select id from queue where code = 'FX-C'");
    const [center, queue, team] = await traffics([
      record('CENTER', CENTER, []),
      record('QUEUE', queueId, []),
      record('TEAM', randomUUID(), ['E3', 'E4']),
    ]);
    const priced = {
      answered: 100,
      saleOutcomes: 10,
      revenue: '1650.000000',
      revenuePerContact: 16.5,
      handlingCost: '100.00',
      uncostedContacts: 0,
      costPerContact: 1,
      contribution: 1550,
    };
    expect(center).toEqual({ ...priced, staffedHours: null, salesPerHour: null });
    expect(queue).toEqual(center);
    // the team's agents also answered FX-U's 4 unpriced contacts: cost unknown, sales as the queue's
    expect(team).toEqual({
      ...priced,
      answered: 104,
      revenuePerContact: 15.87,
      handlingCost: null,
      uncostedContacts: 4,
      costPerContact: null,
      contribution: null,
      staffedHours: 8,
      salesPerHour: 1.25,
    });
  });

  it('prices each agent at its queues’ rates; the agents’ costs add up to the center’s', async () => {
    await sql("update queue set center_id = ? where code = 'FX-U'", [OTHER_CENTER]);
    const [e3, e4, other] = await traffics([
      record('AGENT', randomUUID(), ['E3']),
      record('AGENT', randomUUID(), ['E4']),
      record('CENTER', OTHER_CENTER, []),
    ]);
    // E3: 60 × 45 s at 80.00 + FX-U's 4 × 45 s at 999.00 = 60.00 + 49.95; E4: 40 × 45 s at 80.00
    expect(e3).toMatchObject({ answered: 64, handlingCost: '109.95', costPerContact: 1.72, staffedHours: 4 });
    expect(e3).toMatchObject({ salesPerHour: 2.5, uncostedContacts: 0 });
    expect(e4).toMatchObject({ answered: 40, handlingCost: '40.00', costPerContact: 1, salesPerHour: 0 });
    expect(other).toMatchObject({
      answered: 4,
      handlingCost: '49.95',
      costPerContact: 12.49,
      contribution: -49.95,
    });
    const [center] = await traffics([record('CENTER', CENTER, [])]);
    expect(Number(e3.handlingCost) + Number(e4.handlingCost)).toBeCloseTo(
      Number(center.handlingCost) + Number(other.handlingCost),
      9,
    );
  });

  it('a new rate changes only the affected center’s cost', async () => {
    const before = await traffics([record('CENTER', CENTER, []), record('CENTER', OTHER_CENTER, [])]);
    await sql(
      `insert into cost_rate (id, center_id, channel, per_hour, valid_from) values (gen_random_uuid(), ?, 'VOICE', 120.00, '2026-05-01')`,
      [OTHER_CENTER],
    );
    const after = await traffics([record('CENTER', CENTER, []), record('CENTER', OTHER_CENTER, [])]);
    expect(after[0]).toEqual(before[0]);
    expect(after[1]).toMatchObject({ handlingCost: '6.00', costPerContact: 1.5, contribution: -6 });
  });

  it('setCostRate adds a version from a day on, replaces the one of the same day, and the cost follows', async () => {
    const SET = `mutation($i: CostRateInput!) { setCostRate(input: $i) { centerId channel perHour currency validFrom validUntil } }`;
    const set = (perHour: string, validFrom: string) =>
      postGraphQL<{ setCostRate: Record<string, unknown> }>(traffic.url, SET, {
        i: { centerId: CENTER.toUpperCase(), channel: 'VOICE', perHour, validFrom },
      });
    const first = await set('100.00', DAY);
    expect(first.data?.setCostRate).toEqual({
      centerId: CENTER,
      channel: 'VOICE',
      perHour: '100.00',
      currency: 'CNY',
      validFrom: DAY,
      validUntil: '2026-06-01',
    });
    expect((await set('120.00', DAY)).data?.setCostRate).toMatchObject({ perHour: '120.00', validFrom: DAY });
    const listed = await postGraphQL<{
      costRates: { perHour: string; validFrom: string; validUntil: string | null }[];
    }>(
      traffic.url,
      `query($c: [ID!]) { costRates(centerIds: $c) { channel perHour validFrom validUntil } }`,
      { c: [CENTER] },
    );
    expect(listed.data?.costRates.filter((r) => r.validFrom >= '2026-01-01')).toEqual([
      { channel: 'VOICE', perHour: '80.00', validFrom: '2026-01-01', validUntil: DAY },
      { channel: 'VOICE', perHour: '120.00', validFrom: DAY, validUntil: '2026-06-01' },
      { channel: 'VOICE', perHour: '200.00', validFrom: '2026-06-01', validUntil: null },
    ]);
    // 1.25 handle hours at 120.00
    const [center] = await traffics([record('CENTER', CENTER, [])]);
    expect(center).toMatchObject({ handlingCost: '150.00', costPerContact: 1.5, contribution: 1500 });
  });
});
