import { describe, expect, it } from 'vitest';
import { trendRange, trendSeries } from './trend';

describe('trendRange', () => {
  it('looks back 28 days, 8 weeks or 92 days from the end of the chosen period', () => {
    expect(trendRange('2026-11-23', 'DAY')).toEqual({ fromDay: '2026-10-26', toDay: '2026-11-23' });
    expect(trendRange('2026-11-23', 'WEEK')).toEqual({ fromDay: '2026-09-28', toDay: '2026-11-23' });
    expect(trendRange('2026-03-01', 'MONTH')).toEqual({ fromDay: '2025-11-29', toDay: '2026-03-01' });
  });
});

describe('trendSeries', () => {
  const trend = [
    {
      from: 'a',
      kpis: [
        { code: 'QA_SCORE', value: 85 },
        { code: 'FCR', value: 0.7 },
      ],
    },
    { from: 'b', kpis: [{ code: 'QA_SCORE', value: null }] },
    { from: 'c', kpis: [] },
    { from: 'd', kpis: [{ code: 'QA_SCORE', value: 0 }] },
  ];

  it('takes one KPI per bucket, a gap (null) where a bucket has none, zero kept', () => {
    expect(trendSeries(trend, 'FCR')).toEqual([0.7, null, null, null]);
    expect(trendSeries(trend, 'QA_SCORE', 0.01)).toEqual([0.85, null, null, 0]);
  });

  it("reads a source's own field (trafficKpis, qaKpis) as it reads kpis", () => {
    const bySource = [
      { from: 'a', trafficKpis: [{ code: 'FCR', value: 0.7 }], qaKpis: [{ code: 'QA_SCORE', value: 85 }] },
      { from: 'b', trafficKpis: [], qaKpis: [{ code: 'QA_SCORE', value: null }] },
    ];
    expect(trendSeries(bySource, 'FCR')).toEqual([0.7, null]);
    expect(trendSeries(bySource, 'QA_SCORE', 0.01)).toEqual([0.85, null]);
  });

  it("reads a line's value from its source's part when the bucket carries it (the agent page's trend)", () => {
    const byPart = [
      { from: 'a', traffic: { serviceLevel: 0.9, fcrRate: 0.7 }, qa: { qaScore: 85 } },
      { from: 'b', traffic: { serviceLevel: null, fcrRate: 0 }, qa: { qaScore: null } },
      { from: 'c', traffic: null, qa: null },
    ];
    const fcr = { part: 'traffic', field: 'fcrRate' } as const;
    expect(trendSeries(byPart, 'FCR', 1, fcr)).toEqual([0.7, 0, null]);
    expect(trendSeries(byPart, 'QA_SCORE', 0.01, { part: 'qa', field: 'qaScore' })).toEqual([
      0.85,
      null,
      null,
    ]);
    // a bucket without the part still reads the KPI by its code
    expect(trendSeries([{ from: 'a', kpis: [{ code: 'FCR', value: 0.5 }] }], 'FCR', 1, fcr)).toEqual([0.5]);
  });
});
