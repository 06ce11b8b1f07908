import { checkPageSize, decodeCursor, encodeCursor } from './pagination';
import { byKeys, groupByKeys } from './request-context';

describe('cursors and page sizes', () => {
  it('round-trips a keyset position through an opaque cursor', () => {
    const cursor = encodeCursor(['E10042', 7]);
    expect(cursor).not.toContain('E10042');
    expect(decodeCursor(cursor)).toEqual(['E10042', 7]);
  });

  it.each([
    '',
    'garbage',
    Buffer.from('{"a":1}').toString('base64url'),
    Buffer.from('[{}]').toString('base64url'),
  ])('rejects the forged cursor %j with BAD_USER_INPUT naming the argument', (cursor) => {
    expect(() => decodeCursor(cursor)).toThrow(
      expect.objectContaining({
        message: expect.stringMatching(/^after: /),
        extensions: expect.objectContaining({ code: 'BAD_USER_INPUT' }),
      }),
    );
  });

  it.each([0, -1, 501, 1.5])('rejects a page size of %d', (first) => {
    expect(() => checkPageSize(first)).toThrow(/first: must be between 1 and 500/);
  });

  it('accepts page sizes from 1 to 500', () => {
    expect(() => checkPageSize(1)).not.toThrow();
    expect(() => checkPageSize(500)).not.toThrow();
  });
});

describe('batch result ordering', () => {
  it('orders rows by the requested keys, null for a missing key', () => {
    expect(byKeys(['b', 'x', 'a'], [{ id: 'a' }, { id: 'b' }], (r) => r.id)).toEqual([
      { id: 'b' },
      null,
      { id: 'a' },
    ]);
  });

  it('groups rows per key, an empty list for a key without rows', () => {
    const rows = [
      { team: 't1', n: 1 },
      { team: 't2', n: 2 },
      { team: 't1', n: 3 },
    ];
    expect(groupByKeys(['t1', 't3', 't2'], rows, (r) => r.team)).toEqual([[rows[0], rows[2]], [], [rows[1]]]);
  });
});
