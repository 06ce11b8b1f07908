import { caseRowOf, parseContactList, readCaseBatches, type CaseFileRow } from './case-file';
import { statusPath } from './case-import.service';

const now = new Date('2026-12-01T00:00:00Z');
const cells = {
  crm_source: 'siebel',
  crm_case_id: 'S-1',
  contacts: 'pbx:call-1|wechat:msg:7',
  type: 'complaint',
  category_code: 'CARD',
  title: 'Card blocked',
  department: 'Cards',
  center_id: '6F1C2D4E-8A7B-4C3D-9E2F-1A2B3C4D5E6F',
  opened_at: '2026-11-03T10:00:00+08:00',
};

describe('case file rows', () => {
  it('splits the contact list at each key’s first colon and refuses bad or repeated keys', () => {
    expect(parseContactList('pbx:call-1|wechat:msg:7')).toEqual([
      { source: 'pbx', externalId: 'call-1' },
      { source: 'wechat', externalId: 'msg:7' },
    ]);
    expect(parseContactList('pbx:a|pbx:a')).toBe('lists pbx:a twice');
    expect(parseContactList('nocolon')).toMatch(/not source:externalId/);
    expect(parseContactList(':x')).toMatch(/not source:externalId/);
    expect(parseContactList(Array.from({ length: 51 }, (_, i) => `p:${i}`).join('|'))).toMatch(
      /more than 50/,
    );
  });

  it('reads a row with defaults (priority 3, status NEW, status at opening) and normalized ids', () => {
    const row = caseRowOf(2, cells, now) as CaseFileRow;
    expect(row).toMatchObject({ type: 'COMPLAINT', priority: 3, status: 'NEW', commitment: null });
    expect(row.centerId).toBe(cells.center_id.toLowerCase());
    expect(row.statusAt.toISOString()).toBe('2026-11-03T02:00:00.000Z');
  });

  it.each([
    [{ contacts: '' }, 'contacts'],
    [{ type: 'RANT' }, 'type'],
    [{ priority: '5' }, 'priority'],
    [{ center_id: 'SHA-01' }, 'center_id'],
    [{ status: 'ARCHIVED' }, 'status'],
    [{ opened_at: '2026-11-03 10:00' }, 'opened_at'],
    [{ opened_at: '2026-12-02T00:00:00Z' }, 'opened_at'],
    [{ status: 'OPEN', status_at: '2026-11-01T00:00:00Z' }, 'status_at'],
    [{ status_at: '2026-11-05T00:00:00Z' }, 'status_at'],
    [{ commitment_kind: 'CALL_BACK' }, 'commitment_due'],
    [
      { commitment_kind: 'CALL_BACK', commitment_due: '2026-11-04T00:00:00Z', commitment_channel: 'VOICE' },
      'owner_agent_no',
    ],
    [
      {
        owner_agent_no: '1001',
        commitment_kind: 'CALL_BACK',
        commitment_due: '2026-11-03T09:00:00+08:00',
        commitment_channel: 'VOICE',
      },
      'commitment_due',
    ],
    [
      {
        owner_agent_no: '1001',
        commitment_kind: 'PRAY',
        commitment_due: '2026-11-04T00:00:00Z',
        commitment_channel: 'VOICE',
      },
      'commitment_kind',
    ],
  ])('refuses %j on its column', (change, field) => {
    expect(caseRowOf(7, { ...cells, ...change }, now)).toMatchObject({ row: 7, field });
  });

  it('reaches any state from NEW along legal moves', () => {
    expect(statusPath('NEW')).toEqual([]);
    expect(statusPath('OPEN')).toEqual(['OPEN']);
    expect(statusPath('CLOSED')).toEqual(['RESOLVED', 'CLOSED']);
    expect(statusPath('REOPENED')).toEqual(['RESOLVED', 'REOPENED']);
  });

  it('yields a file in batches, every line accounted for', async () => {
    const header = Object.keys(cells).join(',');
    const line = (i: number) => Object.values({ ...cells, crm_case_id: `S-${i}` }).join(',');
    const body = [header, ...Array.from({ length: 7 }, (_, i) => line(i)), 'a,"broken'].join('\n');
    async function* chunks() {
      for (let i = 0; i < body.length; i += 50) yield Buffer.from(body.slice(i, i + 50));
    }
    const batches = [];
    for await (const b of readCaseBatches(chunks(), 'csv', 3, now)) batches.push(b);
    expect(batches.map((b) => b.read)).toEqual([3, 3, 2]);
    expect(batches.reduce((n, b) => n + b.read, 0)).toBe(8);
    expect(batches.flatMap((b) => b.rows).map((r) => r.row)).toEqual([2, 3, 4, 5, 6, 7, 8]);
    expect(batches.flatMap((b) => b.problems)).toMatchObject([{ row: 9, field: 'line' }]);
  });
});
