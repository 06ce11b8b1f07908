import fc from 'fast-check';
import { planRollupRead, type Range } from './rollup-periods';

const d = (iso: string): Date => new Date(iso);
const iso = (r: Range): [string, string] => [r.from.toISOString(), r.to.toISOString()];

describe('planRollupRead', () => {
  it('reads a calendar year as twelve months and nothing else', () => {
    const plan = planRollupRead(d('2026-01-01T00:00:00Z'), d('2027-01-01T00:00:00Z'));
    expect(plan.months && iso(plan.months)).toEqual(['2026-01-01T00:00:00.000Z', '2027-01-01T00:00:00.000Z']);
    expect(plan.days).toEqual([]);
    expect(plan.raw).toEqual([]);
  });

  it('splits an unaligned period into raw edges, days and months', () => {
    const plan = planRollupRead(d('2026-03-30T08:00:00Z'), d('2026-06-02T12:30:00Z'));
    expect(plan.raw.map(iso)).toEqual([
      ['2026-03-30T08:00:00.000Z', '2026-03-31T00:00:00.000Z'],
      ['2026-06-02T00:00:00.000Z', '2026-06-02T12:30:00.000Z'],
    ]);
    expect(plan.days.map(iso)).toEqual([
      ['2026-03-31T00:00:00.000Z', '2026-04-01T00:00:00.000Z'],
      ['2026-06-01T00:00:00.000Z', '2026-06-02T00:00:00.000Z'],
    ]);
    expect(plan.months && iso(plan.months)).toEqual(['2026-04-01T00:00:00.000Z', '2026-06-01T00:00:00.000Z']);
  });

  it('reads a period within one day raw', () => {
    const plan = planRollupRead(d('2026-03-30T08:00:00Z'), d('2026-03-30T09:00:00Z'));
    expect(plan).toEqual({
      months: null,
      days: [],
      raw: [{ from: d('2026-03-30T08:00:00Z'), to: d('2026-03-30T09:00:00Z') }],
    });
  });

  it('covers any period exactly once', () => {
    const start = Date.UTC(2025, 0, 1);
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 400 * 24 * 60 }),
        fc.integer({ min: 1, max: 400 * 24 * 60 }),
        (offset, length) => {
          const from = new Date(start + offset * 60_000);
          const to = new Date(from.getTime() + length * 60_000);
          const plan = planRollupRead(from, to);
          const parts = [...(plan.months ? [plan.months] : []), ...plan.days, ...plan.raw].sort(
            (a, b) => a.from.getTime() - b.from.getTime(),
          );
          expect(parts[0].from).toEqual(from);
          expect(parts[parts.length - 1].to).toEqual(to);
          for (let i = 1; i < parts.length; i++) expect(parts[i].from).toEqual(parts[i - 1].to);
          for (const p of parts) expect(p.to.getTime()).toBeGreaterThan(p.from.getTime());
          for (const p of [...plan.days, ...(plan.months ? [plan.months] : [])])
            expect(p.from.getTime() % 86_400_000).toBe(0);
          if (plan.months)
            expect([plan.months.from.getUTCDate(), plan.months.to.getUTCDate()]).toEqual([1, 1]);
        },
      ),
      { seed: Number(process.env.FAST_CHECK_SEED ?? 19) },
    );
  });
});
