import fc from 'fast-check';
import { compareCodePoints, rankAndOrder, type Rankable } from './survey-ranking';

const utf8Order = (a: string, b: string): number => Buffer.compare(Buffer.from(a), Buffer.from(b));

const row = (agent: string | null, month: string | null, rankValue: number | null, rankN: number | null) => ({
  agentEmployeeNo: agent,
  month,
  centerId: null as string | null,
  teamId: null,
  queueCode: null,
  rankValue,
  rankN,
  rank: null,
});

describe('compareCodePoints', () => {
  it('orders as PostgreSQL\'s collate "C" on UTF-8 (byte order), nulls last', () => {
    // U+FF21 (a BMP letter) sorts before U+1F600 (a surrogate pair in UTF-16), unlike JavaScript's <
    expect('\u{1F600}' < '\uFF21').toBe(true);
    expect(compareCodePoints('\u{1F600}', '\uFF21')).toBeGreaterThan(0);
    expect(compareCodePoints('B001', 'B01')).toBeLessThan(0);
    expect(compareCodePoints('a', null)).toBeLessThan(0);
    expect(compareCodePoints(null, 'a')).toBeGreaterThan(0);
    expect(compareCodePoints(null, null)).toBe(0);
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), fc.string({ unit: 'binary' }), (a, b) => {
        expect(Math.sign(compareCodePoints(a, b))).toBe(Math.sign(utf8Order(a, b)));
      }),
      { seed: Number(process.env.FAST_CHECK_SEED ?? 19) },
    );
  });
});

describe('rankAndOrder', () => {
  it('orders peers, then the ranked best first (ties: larger sample, then agent), then the unranked by agent', () => {
    const rows: Rankable[] = [
      row('E3', '2026-02', null, null),
      row('E2', '2026-01', 0.5, 40),
      row('E1', '2026-01', 0.5, 40),
      row('E4', '2026-01', 0.5, 90),
      row('E0', '2026-01', null, null),
      row('E9', '2026-01', 0.9, 30),
      row('E5', null, 0.1, 30),
      row('E1', '2026-02', 0.2, 31),
    ];
    expect(rankAndOrder(rows).map((r) => [r.month, r.agentEmployeeNo, r.rank])).toEqual([
      ['2026-01', 'E9', 1],
      ['2026-01', 'E4', 2],
      ['2026-01', 'E1', 3],
      ['2026-01', 'E2', 4],
      ['2026-01', 'E0', null],
      ['2026-02', 'E1', 1],
      ['2026-02', 'E3', null],
      [null, 'E5', 1],
    ]);
  });

  it('keeps a null key apart from an empty one', () => {
    const rows = [
      { ...row('E1', '', 1, 5), centerId: null },
      { ...row('E2', null, 1, 5), centerId: '' },
    ];
    expect(rankAndOrder(rows).map((r) => r.rank)).toEqual([1, 1]);
  });
});
