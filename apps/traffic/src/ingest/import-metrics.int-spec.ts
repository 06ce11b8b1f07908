import { authorizationFor, startTestSubgraph, type TestSubgraph } from '@switchboard/testing';
import type { ContactRecord } from '../contact/contact-record';
import { trafficSubgraph } from '../traffic.subgraph';
import { writeContactBatch } from './contact-writer';
import { inPgTransaction } from './pg-client';

const HEADER =
  'source,external_id,channel,direction,queue,agent,customer_key,arrived_at,answered_at,ended_at,hold_seconds,acw_seconds,outcome,transferred,wrapup_code';

const row = (id: string, arrived: string): string =>
  `obs,${id},VOICE,INBOUND,OBS-Q,E1,,${arrived},${arrived},2026-04-07T10:05:00Z,0,5,ANSWERED,false,`;

/** A contact stored without its roll-up, as when a writer died between COPY and roll-up. */
const unrolled = (arrivedAt: Date): ContactRecord => ({
  source: 'obs',
  externalId: 'late-1',
  channel: 'VOICE',
  direction: 'INBOUND',
  queue: 'OBS-Q',
  agent: 'E1',
  customerKey: null,
  arrivedAt,
  answeredAt: null,
  endedAt: new Date(arrivedAt.getTime() + 60_000),
  holdSeconds: 0,
  acwSeconds: 0,
  outcome: 'ABANDONED',
  transferred: false,
  wrapupCode: null,
});

/** The value of one series in a Prometheus text page, or undefined when absent. */
function series(page: string, name: string): number | undefined {
  const line = page.split('\n').find((l) => l.startsWith(`${name} `));
  return line === undefined ? undefined : Number(line.slice(name.length + 1));
}

describe("traffic's metrics: import rows, rollup lag, database pool", () => {
  let traffic: TestSubgraph;
  beforeAll(async () => {
    traffic = await startTestSubgraph(trafficSubgraph);
  });
  afterAll(() => traffic.stop());

  const origin = (): string => new URL(traffic.url).origin;
  const scrape = async (): Promise<string> => (await fetch(`${origin()}/metrics`)).text();
  const importCsv = async (body: string): Promise<void> => {
    const response = await fetch(`${origin()}/import/contacts?format=csv`, {
      method: 'POST',
      headers: await authorizationFor(traffic.url),
      body,
    });
    expect(await response.text()).toContain('"type":"report"');
  };
  const rows = (page: string, outcome: string): number | undefined =>
    series(
      page,
      `switchboard_import_rows_total{service="traffic",import="contacts_csv",outcome="${outcome}"}`,
    );
  const lag = (page: string): number | undefined =>
    series(page, 'switchboard_rollup_lag_seconds{service="traffic"}');

  it('counts read, inserted, duplicate and rejected rows of file imports', async () => {
    const file = [
      HEADER,
      row('a', '2026-04-07T10:00:00Z'),
      row('b', '2026-04-07T10:01:00Z'),
      'obs,c,VOICE',
    ].join('\n');
    await importCsv(file);
    let page = await scrape();
    expect([rows(page, 'read'), rows(page, 'inserted'), rows(page, 'rejected')]).toEqual([3, 2, 1]);
    expect(rows(page, 'duplicate')).toBeUndefined();
    await importCsv(file);
    page = await scrape();
    expect([
      rows(page, 'read'),
      rows(page, 'inserted'),
      rows(page, 'duplicate'),
      rows(page, 'rejected'),
    ]).toEqual([6, 2, 2, 2]);
  });

  it('reports how far the rollup watermark trails the newest stored contact', async () => {
    // The import above rolled everything up.
    expect(lag(await scrape())).toBe(0);
    await inPgTransaction(traffic.orm.em.fork(), (client) =>
      writeContactBatch(client, [unrolled(new Date('2026-04-07T11:01:00Z'))]),
    );
    // Newest stored 11:01, newest rolled up 10:01.
    expect(lag(await scrape())).toBe(3_600);
  });

  it("shows the database pool's used, free and pending connections", async () => {
    const page = await scrape();
    for (const state of ['used', 'free', 'pending']) {
      expect(series(page, `switchboard_db_pool_connections{state="${state}",service="traffic"}`)).toEqual(
        expect.any(Number),
      );
    }
  });
});
