import { randomUUID } from 'node:crypto';
import { serviceIdentity } from '@switchboard/auth';
import {
  authorizationFor,
  caller,
  KnownReferences,
  postGraphQL,
  postImportFile,
  startTestSubgraph,
  type TestSubgraph,
} from '@switchboard/testing';
import { trafficSubgraph } from '../traffic.subgraph';
import { timelinessClock } from './data-source';

const RECORD = `mutation($input: IngestBatchInput!) { recordIngestBatch(input: $input) { recorded } }`;
const OUTCOMES_HEADER =
  'source,external_id,seq,code,product_code,amount,currency,offer_made,eligible,recorded_by,recorded_at';

interface BatchRow {
  kind: string;
  source: string;
  origin: string | null;
  rows_read: number;
  rows_inserted: number;
  rows_rejected: number;
  latest_event_at: Date | null;
}

/** Issue 22's last item: other subgraphs record their imports' batches as their service identity. */
describe('import batches recorded by services (service:<name>)', () => {
  let traffic: TestSubgraph;
  const centerId = randomUUID();
  const batches = async (kind: string) =>
    (
      await traffic.orm.em
        .fork()
        .getConnection()
        .execute<BatchRow[]>(
          `select kind, source, origin, rows_read, rows_inserted, rows_rejected, latest_event_at
         from ingest_batch where kind = ? order by id`,
          [kind],
        )
    ).map((b) => ({ ...b, latest_event_at: b.latest_event_at && new Date(b.latest_event_at) }));
  const record = async (service: string, input: Record<string, unknown>) =>
    postGraphQL<{ recordIngestBatch: { recorded: boolean } }>(
      traffic.url,
      RECORD,
      { input },
      await authorizationFor(traffic.url, serviceIdentity(service)),
    );

  beforeAll(async () => {
    traffic = await startTestSubgraph(trafficSubgraph, {
      referenceSource: new KnownReferences().add('center', centerId).source,
    });
    timelinessClock.now = () => new Date('2026-03-02T08:00:00Z');
  });
  afterAll(async () => {
    timelinessClock.now = () => new Date();
    await traffic.stop();
  });

  it('a service records a batch of its own source, once per key, with itself as the origin', async () => {
    const input = {
      kind: 'SURVEYS',
      source: 'surveys',
      centerId,
      batchKey: `voc:${randomUUID()}`,
      rowsRead: 12,
      rowsInserted: 9,
      rowsRejected: 3,
      latestEventAt: '2026-03-02T07:30:00Z',
    };
    expect((await record('voc', input)).data).toEqual({ recordIngestBatch: { recorded: true } });
    expect((await record('voc', input)).data).toEqual({ recordIngestBatch: { recorded: false } });
    expect(await batches('SURVEYS')).toEqual([
      {
        kind: 'SURVEYS',
        source: 'surveys',
        origin: 'voc',
        rows_read: 12,
        rows_inserted: 9,
        rows_rejected: 3,
        latest_event_at: new Date('2026-03-02T07:30:00Z'),
      },
    ]);
  });

  it.each([
    ['staff', 'QA'],
    ['voc', 'ROSTER'],
    ['traffic', 'ACD_CONTACTS'],
    ['unknown', 'LMS'],
  ])('service:%s may not record %s batches: FORBIDDEN, nothing stored', async (service, kind) => {
    const answer = await record(service, {
      kind,
      source: 'x',
      batchKey: randomUUID(),
      rowsRead: 1,
      rowsInserted: 1,
      rowsRejected: 0,
    });
    expect(answer.data).toBeNull();
    expect(answer.errors?.[0]).toMatchObject({ extensions: { code: 'FORBIDDEN' } });
    expect(answer.errors?.[0].message).toContain(`does not report ${kind}`);
    expect(await batches(kind)).toEqual([]);
  });

  it('SERVICE without a service subject, or a service subject without SERVICE, is refused', async () => {
    const input = {
      kind: 'LMS',
      source: 'LMS',
      batchKey: randomUUID(),
      rowsRead: 1,
      rowsInserted: 1,
      rowsRejected: 0,
    };
    for (const identity of [
      { subject: 'alice', roles: ['SERVICE' as const], centers: [], teams: [] },
      { ...serviceIdentity('training'), roles: ['BI_READER' as const] },
    ]) {
      const answer = await postGraphQL(
        traffic.url,
        RECORD,
        { input },
        await authorizationFor(traffic.url, identity),
      );
      expect(answer.errors?.[0]).toMatchObject({ extensions: { code: 'FORBIDDEN' } });
    }
    expect(await batches('LMS')).toEqual([]);
  });

  it('ADMIN by hand: the origin is their subject', async () => {
    const answer = await record('qa', {
      kind: 'QA',
      source: 'qa-tool',
      batchKey: randomUUID(),
      rowsRead: 2,
      rowsInserted: 2,
      rowsRejected: 0,
    });
    expect(answer.data).toEqual({ recordIngestBatch: { recorded: true } });
    await postGraphQL(
      traffic.url,
      RECORD,
      {
        input: {
          kind: 'QA',
          source: 'by-hand',
          batchKey: randomUUID(),
          rowsRead: 1,
          rowsInserted: 1,
          rowsRejected: 0,
        },
      },
      await authorizationFor(traffic.url, caller('ADMIN')),
    );
    expect((await batches('QA')).map((b) => [b.source, b.origin])).toEqual([
      ['qa-tool', 'qa'],
      ['by-hand', caller('ADMIN').subject],
    ]);
  });

  it("traffic's outcomes import records its CRM_OUTCOMES batch locally: read, accepted, rejected, as of its latest outcome", async () => {
    await traffic.orm.em.fork().getConnection()
      .execute(`insert into disposition_code (code, version, parent_code, outcome_class, name_zh, name_en, requires_amount,
        requires_product, valid_from, valid_to) values ('INFO', 1, null, 'INFO_ONLY', '咨询', 'Information', false, false, '2020-01-01', null)`);
    const body = [
      OUTCOMES_HEADER,
      'crm,c1,1,INFO,,,,false,true,E1,2026-03-01T10:00:00Z',
      'crm,c2,1,INFO,,,,false,true,E1,2026-03-01T11:30:00Z',
      'crm,c3,1,NO_SUCH_CODE,,,,false,true,E1,2026-03-01T12:00:00Z',
    ].join('\n');
    const answer = await postImportFile(traffic.url, '/import/outcomes?format=csv', body);
    expect(answer.events.at(-1)).toMatchObject({ type: 'report', read: 3, rejected: 1 });
    expect(await batches('CRM_OUTCOMES')).toEqual([
      {
        kind: 'CRM_OUTCOMES',
        source: 'outcomes',
        origin: null,
        rows_read: 3,
        rows_inserted: 2,
        rows_rejected: 1,
        latest_event_at: new Date('2026-03-01T11:30:00Z'),
      },
    ]);
  });
});
