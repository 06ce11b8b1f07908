import { ahtForecast } from './aht-forecast';

describe('AHT forecast', () => {
  // Mondays 01-01, 01-08, (01-15 closed), 01-22; volumes and handle seconds per interval
  const volumes = [
    { date: '2024-01-01', values: [10, 0] },
    { date: '2024-01-08', values: [30, 0] },
    { date: '2024-01-22', values: [10, 0] },
  ];
  const handle = [
    { date: '2024-01-01', values: [2000, 0] },
    { date: '2024-01-08', values: [9000, 0] },
    { date: '2024-01-22', values: [4000, 0] },
  ];

  it('weights the same weekday by volume, skipping the closed day, and falls back to the day AHT', () => {
    // last 2 operating Mondays before 01-29: 01-22 and 01-08 → (4000 + 9000) / (10 + 30)
    expect(ahtForecast(volumes, handle, '2024-01-29', 2)).toEqual([325, 325]);
    // all three: 15000 / 50
    expect(ahtForecast(volumes, handle, '2024-01-29', 4)).toEqual([300, 300]);
  });

  it('is null without any contact to learn from', () => {
    expect(ahtForecast(volumes, handle, '2024-01-30', 4)).toEqual([null, null]); // no Tuesday
  });
});
