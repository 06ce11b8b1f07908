import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import {
  checkBadRows,
  databaseFingerprint,
  invalidCell,
  SAME_AS_FIRST_ROW,
  toCsv,
  type ImportAnswer,
  KnownReferences,
  postImportFile,
  reportedIngestBatches,
  startTestSubgraph,
  type ImportEvent,
  type TestSubgraph,
} from '@switchboard/testing';
import { careSubgraph } from '../care.subgraph';
import { applyCaseEvent, type CaseProjection } from '../case/case-projection';
import { CareWorldDouble } from '../testing/care-world-double';
import { CASE_FILE_COLUMNS } from './case-file';

const center = randomUUID();
const otherCenter = randomUUID();
const team = randomUUID();

const csvCell = (v: string) => (/[",\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
const csv = (rows: Partial<Record<(typeof CASE_FILE_COLUMNS)[number], string>>[]) =>
  [
    CASE_FILE_COLUMNS.join(','),
    ...rows.map((r) => CASE_FILE_COLUMNS.map((c) => csvCell(r[c] ?? '')).join(',')),
  ].join('\n');

describe('switchboard import cases (POST /import/cases)', () => {
  let care: TestSubgraph;
  const world = new CareWorldDouble();
  const references = new KnownReferences()
    .add('center', center)
    .add('team', team)
    .add('agent', '2001', '2002');
  const a = world.contact('+8613900000001', '2001', '2026-11-02T02:00:00Z');
  const b = world.contact('+8613900000001', '2002', '2026-11-03T02:00:00Z', { channel: 'WECHAT' });
  const c = world.contact('+8613900000002', '2001', '2026-11-04T02:00:00Z');
  const d = world.contact('+8613900000003', '2001', '2026-11-05T02:00:00Z');
  const other = world.contact('+8613900000009', '2001', '2026-11-05T03:00:00Z');
  const third = () => world.contact('+8613900000003', '2001', '2026-11-05T04:00:00Z');
  const key = (x: { source: string; externalId: string }) => `${x.source}:${x.externalId}`;
  const base = {
    crm_source: 'siebel',
    type: 'COMPLAINT',
    category_code: 'CARD',
    title: 'Card blocked',
    department: 'Cards',
    center_id: center,
    owner_agent_no: '2001',
    owner_team_id: team,
    opened_at: '2026-11-03T10:00:00+08:00',
  };
  const good = csv([
    { ...base, crm_case_id: 'S-1', contacts: `${key(a)}|${key(b)}` },
    {
      ...base,
      crm_case_id: 'S-2',
      contacts: key(c),
      status: 'closed',
      status_at: '2026-11-06T09:00:00Z',
      commitment_kind: 'CALL_BACK',
      commitment_due: '2026-11-04T10:00:00+08:00',
      commitment_channel: 'VOICE',
    },
  ]);
  const importCases = (body: string, format = 'csv') =>
    postImportFile(care.url, `/import/cases?format=${format}`, body);
  const rejected = (events: ImportEvent[]) =>
    events.filter((e) => e.type === 'rejected').map((e) => [e.line, e.field, e.reason]);
  const sql = <T>(text: string, params: unknown[] = []) => care.orm.em.fork().execute<T[]>(text, params);

  beforeAll(async () => {
    await world.serveAsGateway();
    care = await startTestSubgraph(careSubgraph, { referenceSource: references.source });
  });
  afterAll(async () => {
    await care.stop();
    await world.release();
  });

  it('imports each case whole: its events replay to its row, its contacts linked, its commitment made', async () => {
    const asked = world.requests.length;
    const answer = await importCases(good);
    expect(rejected(answer.events)).toEqual([]);
    expect(answer.events.at(-1)).toMatchObject({
      type: 'report',
      read: 2,
      inserted: 2,
      unchanged: 0,
      commitments: 1,
    });
    // the CASES batch for the data timeliness (issue 22)
    expect(reportedIngestBatches('CASES').at(-1)).toMatchObject({
      source: 'crm',
      rowsRead: 2,
      rowsInserted: 2,
      rowsRejected: 0,
    });
    // the contacts of the batch: one gateway call
    expect(world.requests.slice(asked).filter((r) => r.query.includes('contactsByKeys'))).toHaveLength(1);
    const cases = await sql<{
      id: string;
      status: string;
      customer_key: string;
      version: number;
      opened_at: Date;
    }>(
      `select c.id, c.status, c.customer_key, c.version, c.opened_at from care_case c
        join care_case_import i on i.case_id = c.id where i.crm_source = 'siebel' order by i.crm_case_id`,
    );
    expect(cases.map((x) => [x.status, x.customer_key, x.version])).toEqual([
      ['NEW', '+8613900000001', 3],
      ['CLOSED', '+8613900000002', 4],
    ]);
    expect(new Date(cases[0].opened_at).toISOString()).toBe('2026-11-03T02:00:00.000Z');
    for (const row of cases) {
      const events = await sql<{
        seq: number;
        at: Date;
        actor: string;
        kind: string;
        payload: Record<string, unknown>;
      }>('select seq, at, actor, kind, payload from case_event where case_id = ? order by seq', [row.id]);
      const replayed = events.reduce<CaseProjection | undefined>(
        (state, e) => applyCaseEvent(state, { ...e, kind: e.kind as never }),
        undefined,
      );
      const [stored] = await sql<Record<string, unknown>>(
        'select status, version, customer_key, opened_at, resolved_at, closed_at, source_contact_external_id from care_case where id = ?',
        [row.id],
      );
      const iso = (v: unknown) => (v == null ? null : new Date(v as string).toISOString());
      expect({
        ...stored,
        opened_at: iso(stored.opened_at),
        resolved_at: iso(stored.resolved_at),
        closed_at: iso(stored.closed_at),
      }).toEqual({
        status: replayed?.status,
        version: replayed?.version,
        customer_key: replayed?.customerKey,
        opened_at: iso(replayed?.openedAt),
        resolved_at: iso(replayed?.resolvedAt),
        closed_at: iso(replayed?.closedAt),
        source_contact_external_id: replayed?.sourceContactExternalId,
      });
    }
    const kinds = await sql<{ kind: string; payload: { to?: string } }>(
      'select kind, payload from case_event where case_id = ? order by seq',
      [cases[1].id],
    );
    expect(kinds.map((k) => k.payload.to ?? k.kind)).toEqual([
      'CREATED',
      'LINK_CONTACT',
      'RESOLVED',
      'CLOSED',
    ]);
    const links = await sql<{ external_id: string; case_id: string }>(
      'select external_id, case_id from case_contact where external_id = any(?::text[]) order by arrived_at',
      [`{${[a, b, c].map((x) => x.externalId).join(',')}}`],
    );
    expect(links.map((l) => l.case_id)).toEqual([cases[0].id, cases[0].id, cases[1].id]);
    const [promise] = await sql<{
      owner_employee_no: string;
      due_at: Date;
      made_at: Date;
      case_id: string;
      next_escalation_at: Date | null;
    }>(
      'select owner_employee_no, due_at, made_at, case_id, next_escalation_at from care_commitment where case_id = ?',
      [cases[1].id],
    );
    expect(promise).toMatchObject({
      owner_employee_no: '2001',
      case_id: cases[1].id,
      next_escalation_at: null,
    });
    expect(new Date(promise.due_at).toISOString()).toBe('2026-11-04T02:00:00.000Z');
  });

  it('a rerun of the same file adds nothing, in a fixed number of statements', async () => {
    const before = await databaseFingerprint(care.orm);
    const { result: answer, statements } = await care.sql.count(() => importCases(good));
    expect(answer.events.at(-1)).toMatchObject({
      type: 'report',
      read: 2,
      inserted: 0,
      unchanged: 2,
      rejected: 0,
    });
    expect(await databaseFingerprint(care.orm)).toEqual(before);
    expect(statements.length).toBeLessThan(8);
  });

  it('writes a batch in the same statements for 1 case or 6 (no statement per row)', async () => {
    const fresh = (n: number, tag: string) =>
      Array.from({ length: n }, (_, i) => ({
        ...base,
        crm_case_id: `${tag}-${i}`,
        contacts: key(world.contact(`+86139100${tag}${i}`, '2002', '2026-11-06T02:00:00Z')),
        status: 'RESOLVED',
        commitment_kind: 'SEND_INFO',
        commitment_due: '2026-11-09T10:00:00+08:00',
        commitment_channel: 'SMS',
      }));
    const one = await care.sql.count(() => importCases(csv(fresh(1, '11'))));
    const six = await care.sql.count(() => importCases(csv(fresh(6, '66'))));
    expect(one.result.events.at(-1)).toMatchObject({ inserted: 1, commitments: 1 });
    expect(six.result.events.at(-1)).toMatchObject({ inserted: 6, commitments: 6 });
    expect(six.statements.length).toBe(one.statements.length);
  });

  it('reports every bad row with its line and column and writes none of them', async () => {
    const before = await databaseFingerprint(care.orm);
    const answer = await importCases(
      csv([
        { ...base, crm_case_id: 'B-1', contacts: 'pbx:nobody-here' }, // line 2
        { ...base, crm_case_id: 'B-2', contacts: key(third()), owner_agent_no: '9999' },
        { ...base, crm_case_id: 'B-3', contacts: key(third()), status: 'ARCHIVED' },
        {
          ...base,
          crm_case_id: 'B-4',
          contacts: key(third()),
          commitment_kind: 'CALL_BACK',
          commitment_due: '2026-11-03T09:00:00+08:00',
          commitment_channel: 'VOICE',
        },
        { ...base, crm_case_id: 'B-5', contacts: key(a) }, // already in case S-1
        { ...base, crm_case_id: 'B-6', contacts: 'no-colon' },
        { ...base, crm_case_id: 'B-7', contacts: key(third()), center_id: otherCenter },
        { ...base, crm_case_id: 'B-8', contacts: key(third()), category_code: 'NOPE' },
        { ...base, crm_case_id: 'B-9', contacts: `${key(third())}|${key(other)}` }, // two customers
        { ...base, crm_case_id: 'B-10', contacts: key(third()), opened_at: 'yesterday' },
        { ...base, crm_case_id: 'B-11', contacts: key(third()), owner_team_id: randomUUID() },
      ]),
    );
    expect(rejected(answer.events).map(([line, field]) => [line, field])).toEqual([
      [2, 'contacts'],
      [3, 'owner_agent_no'],
      [4, 'status'],
      [5, 'commitment_due'],
      [6, 'contacts'],
      [7, 'contacts'],
      [8, 'center_id'],
      [9, 'category_code'],
      [10, 'contacts'],
      [11, 'opened_at'],
      [12, 'owner_team_id'],
    ]);
    const reasons = rejected(answer.events).map(([, , reason]) => String(reason));
    expect(reasons[0]).toContain('no contact pbx:nobody-here in traffic');
    expect(reasons[4]).toMatch(/already belongs to case C2026-\d{6}/);
    expect(answer.events.at(-1)).toMatchObject({ type: 'report', read: 11, inserted: 0, rejected: 11 });
    expect(await databaseFingerprint(care.orm)).toEqual(before);
  });

  it('a file listing one contact in two cases refuses the second; the good rows of a file land', async () => {
    const answer = await importCases(
      csv([
        { ...base, crm_case_id: 'D-1', contacts: key(d) },
        { ...base, crm_case_id: 'D-2', contacts: key(d) },
        { ...base, crm_case_id: 'D-1', contacts: key(other) },
      ]),
    );
    expect(rejected(answer.events).map(([line, field]) => [line, field])).toEqual([
      [3, 'contacts'],
      [4, 'crm_case_id'],
    ]);
    expect(answer.events.at(-1)).toMatchObject({ read: 3, inserted: 1, rejected: 2 });
  });

  it('reads NDJSON (contacts as a list or the piped text) with the same checks', async () => {
    const body = [
      JSON.stringify({ ...base, crm_case_id: 'N-1', contacts: [key(other)], priority: 2 }),
      '{not json',
      JSON.stringify({ ...base, crm_case_id: 'N-3', contacts: key(other), title: { nested: true } }),
      JSON.stringify({ ...base, crm_case_id: 'N-2', contacts: key(other) }),
    ].join('\n');
    const answer = await importCases(body, 'ndjson');
    expect(rejected(answer.events).map(([line, field]) => [line, field])).toEqual([
      [2, 'json'],
      [3, 'title'],
      [4, 'contacts'],
    ]);
    expect(answer.events.at(-1)).toMatchObject({ read: 4, inserted: 1, rejected: 3 });
  });

  it('refuses a caller who may not write cases, and a format it does not read', async () => {
    const viewer = await postImportFile(care.url, '/import/cases', good, {
      subject: 'viewer',
      roles: ['AGENT'],
    } as never);
    expect(viewer.status).toBe(403);
    expect((await importCases(good, 'xml')).status).toBe(400);
  });

  it('streams a long file in batches of 200 rows: one contact call to traffic per batch', async () => {
    const rows = Array.from({ length: 450 }, (_, i) => ({
      ...base,
      crm_source: 'long',
      crm_case_id: `L-${i}`,
      contacts: key(world.contact(`+86136${String(i).padStart(8, '0')}`, '2001', '2026-11-07T02:00:00Z')),
    }));
    const asked = world.requests.length;
    const { result, statements } = await care.sql.count(() => importCases(csv(rows)));
    expect(result.events.at(-1)).toMatchObject({ read: 450, inserted: 450, rejected: 0 });
    expect(world.requests.slice(asked).filter((r) => r.query.includes('contactsByKeys'))).toHaveLength(3);
    // each batch the same fixed statements (see above), never one per row
    expect(statements.length).toBeLessThan(3 * 20);
  });

  it('property: a bad cell of any column sets its row aside by line and column; the good rows land', async () => {
    let n = 0;
    const validRow = (): Record<string, unknown> => {
      n += 1;
      const contact = world.contact(`+86137${String(n).padStart(8, '0')}`, '2001', '2026-11-07T02:00:00Z');
      return {
        ...base,
        crm_source: 'prop',
        crm_case_id: `P-${n}`,
        contacts: key(contact),
        status: 'OPEN',
        commitment_kind: 'CALL_BACK',
        commitment_due: '2026-11-08T10:00:00+08:00',
        commitment_channel: 'VOICE',
      };
    };
    const answerOf = ({ status, events }: { status: number; events: ImportEvent[] }): ImportAnswer => {
      const report = events.find((e) => e.type === 'report');
      return {
        status,
        errorCode: events.find((e) => e.type === 'error')?.code as string | undefined,
        rejected: events
          .filter((e) => e.type === 'rejected')
          .map((e) => ({ line: e.line as number, field: e.field as string })),
        report: report && {
          read: Number(report.read ?? -1),
          stored: Number(report.inserted ?? 0) + Number(report.unchanged ?? 0),
          rejected: Number(report.rejected ?? -1),
        },
      };
    };
    const storedOf = async (rows: Record<string, unknown>[]): Promise<number> => {
      const ids = rows.map((r) => r.crm_case_id).filter((id): id is string => typeof id === 'string');
      const [row] = await sql<{ n: number }>(
        `select count(*)::int as n from care_case_import where crm_source = 'prop' and crm_case_id = any(?::text[])`,
        [`{${ids.filter((id) => /^P-\d+$/.test(id)).join(',')}}`],
      );
      return row.n;
    };
    const send = async (body: string | Buffer) =>
      answerOf(await postImportFile(care.url, '/import/cases?format=csv', body));
    const text = (rows: Record<string, unknown>[]) => toCsv(CASE_FILE_COLUMNS, rows);
    await checkBadRows(
      care.orm,
      {
        name: 'cases csv',
        validRow,
        cells: {
          crm_source: invalidCell.requiredText,
          crm_case_id: fc.oneof(invalidCell.requiredText, fc.constant(SAME_AS_FIRST_ROW)),
          contacts: fc.oneof(
            invalidCell.requiredText,
            fc.constantFrom('no-colon', 'pbx:not-in-traffic', ':x', 'pbx:'),
            fc.constant(SAME_AS_FIRST_ROW),
          ),
          type: invalidCell.enumValue,
          category_code: fc.oneof(invalidCell.requiredText, fc.constant('NO-SUCH-CATEGORY')),
          title: invalidCell.requiredText,
          priority: invalidCell.number,
          owner_agent_no: fc.oneof(invalidCell.text, fc.constant('9999')),
          owner_team_id: fc.constantFrom('not-a-team', randomUUID()),
          department: invalidCell.requiredText,
          center_id: fc.constantFrom('', 'not-a-center', otherCenter),
          status: invalidCell.enumValue,
          opened_at: fc.oneof(invalidCell.timestamp, fc.constant('2999-01-01T00:00:00Z')),
          status_at: fc.oneof(invalidCell.timestamp, fc.constant('2026-11-01T00:00:00Z')),
          commitment_kind: invalidCell.enumValue,
          commitment_due: fc.oneof(invalidCell.timestamp, fc.constant('2026-11-03T09:59:00+08:00')),
          commitment_channel: invalidCell.enumValue,
        },
        send: async (rows) => send(text(rows)),
        lineOf: (index) => index + 2,
        storedOf,
        bytes: { text, send },
      },
      40,
    );
  }, 180_000);
});
