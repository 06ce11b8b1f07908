import fc from 'fast-check';
import {
  WIDE_RESIDUAL_RATIOS,
  forecastAtRisk,
  normalQuantile,
  poissonQuantile,
  predictionIntervals,
  quantile,
  residualRatioQuantiles,
} from './prediction-interval';

describe('prediction intervals', () => {
  it('takes the residual ratio quantiles by interpolation, always around 1', () => {
    expect(quantile([3, 1, 2, 4, 5], 0.1)).toBeCloseTo(1.4, 12);
    const r = residualRatioQuantiles([100, 100, 100, 100, 100, 0], [80, 90, 100, 110, 120, 7]);
    expect(r?.low).toBeCloseTo(0.84, 12);
    expect(r?.high).toBeCloseTo(1.16, 12);
    expect(residualRatioQuantiles([100, 100], [120, 130])?.low).toBe(1);
    expect(residualRatioQuantiles([0], [1])).toBeNull();
  });

  it('has exact Poisson quantiles at low volume and close ones at high volume', () => {
    // Poisson(2): P(0)=.135, P(≤1)=.406, P(≤2)=.677, P(≤3)=.857, P(≤4)=.947
    expect(poissonQuantile(2, 0.1)).toBe(0);
    expect(poissonQuantile(2, 0.5)).toBe(2);
    expect(poissonQuantile(2, 0.9)).toBe(4);
    expect(poissonQuantile(0, 0.9)).toBe(0);
    expect(normalQuantile(0.9)).toBeCloseTo(1.2815516, 6);
    expect(Math.abs(poissonQuantile(1000, 0.9) - (1000 + 1.2816 * Math.sqrt(1000)))).toBeLessThan(1.5);
  });

  it('is at least as wide as Poisson even when the backtest was tighter', () => {
    const [band] = predictionIntervals([100], { low: 0.99, high: 1.01 });
    expect(band.p50).toBe(100);
    expect(band.p10).toBe(poissonQuantile(100, 0.1));
    expect(band.p90).toBe(poissonQuantile(100, 0.9));
    const [wide] = predictionIntervals([100], null);
    expect([wide.p10, wide.p90]).toEqual([100 * WIDE_RESIDUAL_RATIOS.low, 100 * WIDE_RESIDUAL_RATIOS.high]);
  });

  it('always gives 0 ≤ p10 ≤ p50 ≤ p90', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: 0, max: 5000, noNaN: true }), { maxLength: 30 }),
        fc.double({ min: 0, max: 2, noNaN: true }),
        fc.double({ min: 0, max: 3, noNaN: true }),
        (point, low, high) => {
          for (const b of predictionIntervals(point, { low, high })) {
            expect(b.p10).toBeGreaterThanOrEqual(0);
            expect(b.p10).toBeLessThanOrEqual(b.p50);
            expect(b.p50).toBeLessThanOrEqual(b.p90);
          }
        },
      ),
    );
  });
});

describe('forecastAtRisk', () => {
  it('staffs p50 and p90 from the band and p75 at 52.6 % of the way between them', () => {
    const band = { p10: 80, p50: 100, p90: 140 };
    expect(forecastAtRisk(band, 'P50')).toBe(100);
    expect(forecastAtRisk(band, 'P90')).toBe(140);
    // z(0.75) / z(0.9) = 0.6744898 / 1.2815516 = 0.526306
    expect(forecastAtRisk(band, 'P75')).toBeCloseTo(100 + 40 * 0.526306, 4);
  });

  it('never staffs p75 under Poisson(p50)’s 75th percentile nor above p90', () => {
    // Poisson(2): P(≤2) = 0.677, P(≤3) = 0.857: its 75th percentile is 3 (the normal's: 2.79)
    expect(forecastAtRisk({ p10: 2, p50: 2, p90: 2.5 }, 'P75')).toBe(2.5);
    expect(forecastAtRisk({ p10: 0, p50: 2, p90: 3.5 }, 'P75')).toBe(3);
  });

  it('is ordered p50 ≤ p75 ≤ p90 on every band predictionIntervals makes', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 5000, noNaN: true }),
        fc.double({ min: 1, max: 3, noNaN: true }),
        (f, high) => {
          const [band] = predictionIntervals([f], { low: 0.8, high });
          const p75 = forecastAtRisk(band, 'P75');
          expect(p75).toBeGreaterThanOrEqual(band.p50);
          expect(p75).toBeLessThanOrEqual(band.p90);
        },
      ),
    );
  });
});
