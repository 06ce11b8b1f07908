import { postGraphQL } from '@switchboard/testing';
import { startTestStack, type TestStack } from './stack';

interface SegmentRow {
  segment: string;
  offered: number;
  answered: number;
  serviceLevel: number | null;
}

/**
 * Issue 20 item 5 through the real gateway: care holds a VIP customer (saved by its E.164 key);
 * traffic's import asks care, as traffic's service identity, for the batch's keys (the contacts carry
 * the caller ID as the ACD gave it) and stamps VIP on that customer's contacts, STANDARD on a
 * customer care does not know; segmentStats and the queue's performance record answer per segment,
 * against a VIP target set in kpi. Made STANDARD in care afterwards, the customer's next contact is
 * STANDARD and the earlier ones stay VIP (not retro-applied).
 */
describe('customer segments through the gateway', () => {
  let stack: TestStack;
  beforeAll(async () => {
    stack = await startTestStack({ seed: [] });
  }, 240_000);
  afterAll(() => stack?.stop());

  const gql = <T>(query: string, variables?: Record<string, unknown>) =>
    postGraphQL<T>(stack.gatewayUrl, query, variables);
  const DAY = '2026-11-10';
  let n = 0;
  const contact = (customerKey: string | null, hour: number, wait: number) => {
    n += 1;
    const arrivedAt = `${DAY}T${String(hour).padStart(2, '0')}:${String(n).padStart(2, '0')}:00Z`;
    const answeredAt = new Date(Date.parse(arrivedAt) + wait * 1000).toISOString();
    return {
      source: 'seg-e2e',
      externalId: `c-${n}`,
      channel: 'VOICE',
      queue: 'SEG-E2E',
      agent: 'E10001',
      customerKey,
      arrivedAt,
      answeredAt,
      endedAt: new Date(Date.parse(answeredAt) + 200_000).toISOString(),
      outcome: 'ANSWERED',
    };
  };
  const ingest = (contacts: unknown[]) =>
    gql<{ ingestContacts: { inserted: number; unsegmented: number } }>(
      'mutation($c: [ContactInput!]!) { ingestContacts(contacts: $c) { inserted unsegmented } }',
      { c: contacts },
    );
  const segments = (from: string, to: string) =>
    gql<{ segmentStats: SegmentRow[] }>(
      `query($f: DateTimeISO!, $t: DateTimeISO!) { segmentStats(filter: { from: $f, to: $t, queueCodes: ["SEG-E2E"] },
        granularity: TOTAL) { segment offered answered serviceLevel } }`,
      { f: from, t: to },
    );
  const bySegment = (rows: SegmentRow[] | undefined) =>
    Object.fromEntries((rows ?? []).map((r) => [r.segment, r]));

  it('stamps care’s segment on each contact at import and answers per segment, against a VIP target', async () => {
    const saved = await gql(
      'mutation { saveCustomer(input: { customerKey: "+8613911112222", segment: VIP }) { segment } }',
    );
    expect(saved.errors).toBeUndefined();
    // the ACD's caller IDs as given: care normalizes them to the customer it holds
    const imported = await ingest([
      contact('139 1111 2222', 9, 5),
      contact('13911112222', 10, 40),
      contact('13700000000', 9, 5),
      contact('13700000001', 11, 50),
      contact(null, 12, 10),
    ]);
    expect(imported.errors).toBeUndefined();
    expect(imported.data?.ingestContacts).toEqual({ inserted: 5, unsegmented: 0 });

    const day = await segments(`${DAY}T00:00:00Z`, '2026-11-11T00:00:00Z');
    expect(day.errors).toBeUndefined();
    const rows = bySegment(day.data?.segmentStats);
    expect(rows.VIP).toEqual({ segment: 'VIP', offered: 2, answered: 2, serviceLevel: 0.5 });
    expect(rows.STANDARD).toEqual({ segment: 'STANDARD', offered: 3, answered: 3, serviceLevel: 2 / 3 });

    const queue = await gql<{ queue: { id: string } }>('{ queue(code: "SEG-E2E") { id } }');
    const queueId = queue.data?.queue.id;
    const target = await gql(
      `mutation($q: ID!) { setKpiTarget(input: { kpiCode: "SERVICE_LEVEL", scope: { type: QUEUE, id: $q },
        segment: VIP, target: 0.9, amberBand: 0.05, validFrom: "2026-01-01" }) { segment target } }`,
      { q: queueId },
    );
    expect(target.errors).toBeUndefined();
    const record = await gql<{
      performance: {
        segmentKpis: {
          segment: string;
          value: number | null;
          target: number | null;
          targetSegment: string | null;
          status: string | null;
        }[];
      };
    }>(
      `query($q: ID!) { performance(scope: { type: QUEUE, id: $q }, from: "${DAY}T00:00:00Z", to: "2026-11-11T00:00:00Z") {
        segmentKpis(codes: ["SERVICE_LEVEL"]) { segment value target targetSegment status } } }`,
      { q: queueId },
    );
    expect(record.errors).toBeUndefined();
    expect(record.data?.performance.segmentKpis).toEqual([
      { segment: 'VIP', value: 0.5, target: 0.9, targetSegment: 'VIP', status: 'RED' },
      { segment: 'STANDARD', value: 2 / 3, target: null, targetSegment: null, status: null },
    ]);
  });

  it('does not re-stamp earlier contacts when care changes the segment', async () => {
    const changed = await gql(
      'mutation { saveCustomer(input: { customerKey: "+8613911112222", segment: STANDARD }) { segment } }',
    );
    expect(changed.errors).toBeUndefined();
    const later = await ingest([
      {
        ...contact('13911112222', 9, 5),
        arrivedAt: '2026-11-12T09:00:00Z',
        answeredAt: '2026-11-12T09:00:05Z',
        endedAt: '2026-11-12T09:05:00Z',
      },
    ]);
    expect(later.data?.ingestContacts.inserted).toBe(1);
    const before = bySegment((await segments(`${DAY}T00:00:00Z`, '2026-11-11T00:00:00Z')).data?.segmentStats);
    expect(before.VIP?.offered).toBe(2);
    const after = bySegment(
      (await segments('2026-11-12T00:00:00Z', '2026-11-13T00:00:00Z')).data?.segmentStats,
    );
    expect(after.VIP).toBeUndefined();
    expect(after.STANDARD?.offered).toBe(1);
  });
});
