import { compositeScore, kpiAttainment } from './kpi-attainment';

describe('KPI attainment (METRICS.md "KPI attainment")', () => {
  const serviceLevel = { direction: 'HIGHER_IS_BETTER', target: 0.8, amberBand: 0.05 } as const;
  const asa = { direction: 'LOWER_IS_BETTER', target: 20, amberBand: 10 } as const;

  it('higher is better: value / target, green at or above target, amber within the band', () => {
    const green = kpiAttainment(0.88, serviceLevel);
    expect(green.status).toBe('GREEN');
    expect(green.attainment).toBeCloseTo(1.1, 12);
    expect(kpiAttainment(0.8, serviceLevel).status).toBe('GREEN');
    const amber = kpiAttainment(0.76, serviceLevel);
    expect(amber.status).toBe('AMBER');
    expect(amber.attainment).toBeCloseTo(0.95, 12);
    expect(kpiAttainment(0.75, serviceLevel).status).toBe('AMBER'); // band edge is amber
    const red = kpiAttainment(0.7, serviceLevel);
    expect(red.status).toBe('RED');
    expect(red.attainment).toBeCloseTo(0.875, 12);
  });

  it('lower is better: target / value, green at or below target, amber within the band', () => {
    expect(kpiAttainment(16, asa)).toEqual({ attainment: 1.25, status: 'GREEN' });
    expect(kpiAttainment(25, asa)).toEqual({ attainment: 0.8, status: 'AMBER' });
    expect(kpiAttainment(30, asa).status).toBe('AMBER');
    expect(kpiAttainment(40, asa)).toEqual({ attainment: 0.5, status: 'RED' });
  });

  it('no value, no status; a zero denominator gives no attainment but a status', () => {
    expect(kpiAttainment(null, serviceLevel)).toEqual({ attainment: null, status: null });
    expect(kpiAttainment(0, asa)).toEqual({ attainment: null, status: 'GREEN' });
    expect(kpiAttainment(0.5, { ...serviceLevel, target: 0 })).toEqual({ attainment: null, status: 'GREEN' });
  });

  it('composite score: weighted mean of capped attainments over the KPIs with a value', () => {
    // (2 × 1.1 + 1 × 0.5) / 3 = 0.9; the null KPI is left out of both sums
    expect(
      compositeScore([
        { weight: 2, attainment: 1.1 },
        { weight: 1, attainment: 0.5 },
        { weight: 5, attainment: null },
      ]),
    ).toBeCloseTo(0.9, 12);
    // capped at 1.5: (1 × 1.5 + 1 × 0.5) / 2 = 1
    expect(
      compositeScore([
        { weight: 1, attainment: 20 },
        { weight: 1, attainment: 0.5 },
      ]),
    ).toBeCloseTo(1, 12);
    expect(compositeScore([{ weight: 1, attainment: null }])).toBeNull();
  });
});
