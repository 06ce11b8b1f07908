import { authorizationFor, startTestSubgraph, type TestSubgraph } from '@switchboard/testing';
import { trafficSubgraph } from '../traffic.subgraph';
import { CONTACT_COLUMNS } from './contact-fields';

interface ImportEvent {
  type: string;
  line?: number;
  field?: string;
  reason?: string;
  code?: string;
  message?: string;
  read?: number;
  inserted?: number;
  duplicates?: number;
  rejected?: number;
  lines?: number;
  blankLines?: number;
  unknownColumns?: string[];
}

const HEADER = CONTACT_COLUMNS.join(',');

/** A valid canonical row under HEADER. */
const row = (source: string, id: string | number): string =>
  `${source},${id},VOICE,INBOUND,LA-Q,E10001,C1,2026-05-04T02:00:00Z,2026-05-04T02:00:10Z,2026-05-04T02:03:00Z,0,5,ANSWERED,false,`;

/** Issue 17, "nothing is lost in silence": every physical line of a contact file is accounted for. */
describe('contact import: every line is stored, a duplicate, blank, or rejected with its reason', () => {
  let traffic: TestSubgraph;
  beforeAll(async () => {
    traffic = await startTestSubgraph(trafficSubgraph);
  });
  afterAll(() => traffic.stop());

  const post = async (format: string, body: string | Buffer) => {
    const response = await fetch(`${new URL(traffic.url).origin}/import/contacts?format=${format}`, {
      method: 'POST',
      headers: await authorizationFor(traffic.url),
      body,
    });
    const events = (await response.text())
      .trim()
      .split('\n')
      .filter(Boolean)
      .map((line) => JSON.parse(line) as ImportEvent);
    const report = events.find((e) => e.type === 'report');
    const rejected = events.filter((e) => e.type === 'rejected').map((e) => [e.line, e.field, e.reason]);
    return { status: response.status, report, rejected, events };
  };
  const stored = async (source: string): Promise<string[]> =>
    (
      await traffic.orm.em
        .fork()
        .getConnection()
        .execute<
          { external_id: string }[]
        >('select external_id from contact where source = ? order by 1', [source])
    ).map((r) => r.external_id);

  it('an unclosed quote rejects its line and the rows after it are stored (it read 3 of 6 lines)', async () => {
    const body = [
      HEADER,
      row('la-q', 1),
      row('la-q', 2),
      `la-q,3,"VOICE,INBOUND`,
      row('la-q', 4),
      row('la-q', 5),
    ];
    const { report, rejected } = await post('csv', body.join('\n'));
    expect(report).toMatchObject({ read: 5, inserted: 4, duplicates: 0, rejected: 1, lines: 6 });
    expect(rejected).toEqual([[4, 'line', 'is not valid CSV: a quoted field is not closed']]);
    expect(await stored('la-q')).toEqual(['1', '2', '4', '5']);
  });

  it('blank lines, CRLF and a missing final newline: every row stored, every line counted', async () => {
    const body = [HEADER, row('la-b', 1), '', row('la-b', 2), '', '', row('la-b', 3)].join('\r\n');
    const { report, rejected } = await post('csv', body);
    expect(report).toMatchObject({ read: 3, inserted: 3, rejected: 0, lines: 7, blankLines: 3 });
    expect(rejected).toEqual([]);
    const again = await post('csv', `${body}\r\n`);
    expect(again.report).toMatchObject({ read: 3, inserted: 0, duplicates: 3, rejected: 0, lines: 7 });
  });

  it('a row not UTF-8 or holding a NUL is rejected on its own, never stored as U+FFFD; past 64 KB too', async () => {
    const padding = Array.from({ length: 600 }, (_, i) => row('la-u', `pad-${i}`)); // > 64 KB before the bad rows
    const bad = Buffer.from(row('la-u', 'latin').replace('C1', 'C\xe9'), 'latin1');
    const nul = Buffer.from(row('la-u', 'nul').replace('C1', 'C\u0000'), 'utf8');
    const body = Buffer.concat([
      Buffer.from(`${[HEADER, ...padding].join('\n')}\n`),
      bad,
      Buffer.from('\n'),
      nul,
      Buffer.from(`\n${row('la-u', 'after')}\n`),
    ]);
    const { status, report, rejected } = await post('csv', body);
    expect(status).toBe(200);
    expect(report).toMatchObject({ read: 603, inserted: 601, rejected: 2, lines: 604 });
    expect(rejected).toEqual([
      [602, 'line', expect.stringMatching(/not UTF-8/)],
      [603, 'line', expect.stringMatching(/NUL/)],
    ]);
    const keys = await traffic.orm.em
      .fork()
      .getConnection()
      .execute<{ n: number }[]>("select count(*)::int as n from contact where customer_key like '%\uFFFD%'");
    expect(keys[0].n).toBe(0);
  });

  it('reports unknown header columns, and rejects a row with more fields than the header', async () => {
    const body = [`${HEADER},note,Priority`, `${row('la-x', 1)},hello,1`, `${row('la-x', 2)},x,2,surplus`];
    const { report, rejected } = await post('csv', body.join('\n'));
    expect(report).toMatchObject({ read: 2, inserted: 1, rejected: 1, unknownColumns: ['note', 'priority'] });
    expect(rejected).toEqual([[3, 'line', 'has 18 fields, the header 17']]);
  });

  it('NDJSON: unknown fields reported, an unreadable line rejected on its own', async () => {
    const object = (id: number) =>
      JSON.stringify({
        source: 'la-n',
        external_id: String(id),
        channel: 'VOICE',
        queue: 'LA-Q',
        arrived_at: '2026-05-04T02:00:00Z',
        ended_at: '2026-05-04T02:01:00Z',
        outcome: 'ABANDONED',
        mood: 'calm',
      });
    const body = Buffer.concat([
      Buffer.from(`${object(1)}\n\n`),
      Buffer.from([0x7b, 0xff, 0x7d, 0x0a]),
      Buffer.from(`${object(2)}\r\n`),
    ]);
    const { report, rejected } = await post('ndjson', body);
    expect(report).toMatchObject({
      read: 3,
      inserted: 2,
      rejected: 1,
      lines: 4,
      blankLines: 1,
      unknownColumns: ['mood'],
    });
    expect(rejected).toEqual([[3, 'line', expect.stringMatching(/not UTF-8/)]]);
  });

  it('a header that is not CSV refuses the file with BAD_USER_INPUT, writing nothing', async () => {
    const { events } = await post('csv', `source,"external_id\n${row('la-h', 1)}\n`);
    expect(events).toEqual([
      {
        type: 'error',
        code: 'BAD_USER_INPUT',
        message: expect.stringMatching(/^csv: line 1 \(the header\)/),
      },
    ]);
    expect(await stored('la-h')).toEqual([]);
  });
});
