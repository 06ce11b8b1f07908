import { ratio } from './ratio';

describe('ratio', () => {
  it('divides, keeping full precision', () => {
    expect(ratio(1, 4)).toBe(0.25);
    expect(ratio(1, 3)).toBe(1 / 3);
    expect(ratio(0, 5)).toBe(0);
  });

  it('"null, never 0 or NaN, when the denominator is 0"', () => {
    expect(ratio(5, 0)).toBeNull();
    expect(ratio(0, 0)).toBeNull();
    expect(ratio(0, -0)).toBeNull();
  });

  it('never returns NaN or Infinity', () => {
    expect(ratio(Number.POSITIVE_INFINITY, 1)).toBeNull();
    expect(ratio(Number.NaN, 1)).toBeNull();
    expect(ratio(Number.MAX_VALUE, Number.MIN_VALUE)).toBeNull();
  });
});
