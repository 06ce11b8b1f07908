import type { DayVolumes } from './history';
import { FORECASTERS, FORECAST_METHODS, prefixForecaster } from './methods';

const DAY = 86_400_000;
const dateOf = (n: number): string =>
  new Date(Date.parse('2024-01-01T00:00:00Z') + n * DAY).toISOString().slice(0, 10);
const days: DayVolumes[] = Array.from({ length: 40 }, (_, n) => n)
  .filter((n) => n % 7 < 5)
  .map((n) => ({ date: dateOf(n), values: [50 + ((n * 37) % 11), 80 + ((n * 53) % 17), 20 + (n % 5)] }));

describe('forecast methods fitted once per history', () => {
  it('give the same forecasts as fitting each time, for prefixes and for other histories', () => {
    for (const method of FORECAST_METHODS) {
      const cached = prefixForecaster(days, method);
      for (const [cut, date] of [
        [20, dateOf(28)],
        [20, dateOf(29)], // same history, another date: one fit reused
        [25, dateOf(35)],
      ] as const) {
        const history = days.slice(0, cut);
        expect(cached(history, date)).toEqual(FORECASTERS[method](history, date));
      }
      const other = days.slice(0, 20).map((d) => ({ ...d, values: d.values.map((v) => v * 2) }));
      expect(cached(other, dateOf(28))).toEqual(FORECASTERS[method](other, dateOf(28)));
    }
  });
});
