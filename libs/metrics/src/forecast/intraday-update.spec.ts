import fc from 'fast-check';
import { intradayReforecast } from './intraday-update';

describe('intraday reforecast', () => {
  it('scales the rest of the day by 1 + 0.5 × (actual / forecast so far − 1)', () => {
    // so far: forecast 100 + 100, actual 120 + 120 → ratio 1.2 → rest × 1.1
    const updated = intradayReforecast([100, 100, 50, 80], [120, 120]);
    [120, 120, 55, 88].forEach((v, i) => expect(updated[i]).toBeCloseTo(v, 10));
    // running 20 % short → rest × 0.9
    expect(intradayReforecast([100, 100, 50], [80, 80])).toEqual([80, 80, 45]);
    expect(intradayReforecast([100, 100, 50], [80, 80], 1)).toEqual([80, 80, 40]);
  });

  it('leaves the forecast alone with nothing observed or nothing forecast so far', () => {
    expect(intradayReforecast([100, 50], [])).toEqual([100, 50]);
    expect(intradayReforecast([0, 50], [7])).toEqual([7, 50]);
    expect(() => intradayReforecast([1], [1, 2])).toThrow(RangeError);
  });

  it('never forecasts a negative volume', () => {
    fc.assert(
      fc.property(
        fc.array(fc.nat({ max: 1000 }), { minLength: 2, maxLength: 20 }),
        fc.array(fc.nat({ max: 1000 }), { maxLength: 20 }),
        fc.double({ min: 0, max: 3, noNaN: true }),
        (forecast, actual, weight) => {
          const updated = intradayReforecast(forecast, actual.slice(0, forecast.length), weight);
          for (const v of updated) expect(v).toBeGreaterThanOrEqual(0);
        },
      ),
    );
  });
});
