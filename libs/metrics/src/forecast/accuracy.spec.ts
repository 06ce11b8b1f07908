import fc from 'fast-check';
import {
  forecastAccuracy,
  forecastBias,
  logFactorial,
  mape,
  noiseFloor,
  poissonMeanAbsoluteDeviation,
  wape,
} from './accuracy';

/** E|X − λ| by summing the Poisson pmf, built outwards from the mode and normalised (no underflow). */
function madBySum(lambda: number): number {
  const mode = Math.floor(lambda);
  const weights = new Map<number, number>([[mode, 1]]);
  for (let k = mode + 1, w = 1; k < lambda + 50 * Math.sqrt(lambda) + 50; k += 1)
    weights.set(k, (w *= lambda / k));
  for (let k = mode - 1, w = 1; k >= 0; k -= 1) weights.set(k, (w *= (k + 1) / lambda));
  let total = 0;
  let mass = 0;
  for (const [k, w] of weights) {
    total += w * Math.abs(k - lambda);
    mass += w;
  }
  return total / mass;
}

describe('forecast accuracy', () => {
  it('computes WAPE, bias and MAPE by hand', () => {
    const f = [110, 90, 5, 0];
    const a = [100, 100, 0, 10];
    // |F−A| = 10, 10, 5, 10 → 35 / 210; F−A = 10, −10, 5, −10 → −5 / 210; MAPE over A > 0: (0.1 + 0.1 + 1) / 3
    expect(wape(f, a)).toBeCloseTo(35 / 210, 12);
    expect(forecastBias(f, a)).toBeCloseTo(-5 / 210, 12);
    expect(mape(f, a)).toBeCloseTo(1.2 / 3, 12);
    expect(forecastAccuracy(f, a).intervals).toBe(4);
  });

  it('is null where undefined, and refuses unpaired inputs', () => {
    expect(wape([1, 2], [0, 0])).toBeNull();
    expect(forecastBias([1], [0])).toBeNull();
    expect(mape([1, 2], [0, 0])).toBeNull();
    expect(noiseFloor([0, 0])).toBeNull();
    expect(() => wape([1], [1, 2])).toThrow(RangeError);
  });

  it('gives the Poisson mean absolute deviation in closed form', () => {
    expect(poissonMeanAbsoluteDeviation(1)).toBeCloseTo(2 / Math.E, 12); // 2e^−1·1²/1!
    for (const lambda of [0.3, 2.5, 11, 115.7, 1152]) {
      expect(poissonMeanAbsoluteDeviation(lambda)).toBeCloseTo(madBySum(lambda), 8);
    }
    expect(poissonMeanAbsoluteDeviation(0)).toBe(0);
    expect(logFactorial(300)).toBeCloseTo(
      Array.from({ length: 300 }, (_, i) => Math.log(i + 1)).reduce((x, y) => x + y),
      8,
    );
  });

  it('has a noise floor near √(2/(πλ)) at high volume and the hand value at λ = 1', () => {
    expect(noiseFloor([1, 1])).toBeCloseTo(2 / Math.E, 12);
    expect(noiseFloor([1152])).toBeCloseTo(Math.sqrt(2 / (Math.PI * 1152)), 4);
  });

  it('WAPE and MAPE are ≥ 0, |bias| ≤ WAPE, and a perfect forecast scores 0', () => {
    const pair = fc
      .array(fc.tuple(fc.nat({ max: 5000 }), fc.nat({ max: 5000 })), { minLength: 1, maxLength: 50 })
      .map((rows) => ({ f: rows.map((r) => r[0]), a: rows.map((r) => r[1]) }));
    fc.assert(
      fc.property(pair, ({ f, a }) => {
        const w = wape(f, a);
        const b = forecastBias(f, a);
        const m = mape(f, a);
        if (w !== null && b !== null) {
          expect(w).toBeGreaterThanOrEqual(0);
          expect(Math.abs(b)).toBeLessThanOrEqual(w + 1e-12);
          expect(wape(a, a)).toBe(0);
        }
        if (m !== null) expect(m).toBeGreaterThanOrEqual(0);
      }),
    );
  });
});
