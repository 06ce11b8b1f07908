import { describe, expect, it } from 'vitest';
import { actualByInterval, coverageChart, forecastBandChart } from './wfm-charts';

describe('workforce charts', () => {
  it('draws the band as p10 plus the band’s width stacked on it', () => {
    const option = forecastBandChart(
      ['09:00', '09:30'],
      [
        { p10: 8, offered: 10, p90: 13 },
        { p10: 15, offered: 20, p90: 26 },
      ],
      [11, null],
      { band: 'p10–p90', forecast: 'Forecast', actual: 'Actual' },
    );
    const series = option.series as { name: string; data: (number | null)[]; stack?: string }[];
    expect(series.map((s) => s.data)).toEqual([
      [8, 15],
      [5, 11],
      [10, 20],
      [11, null],
    ]);
    expect(series[0].stack).toBe('band');
    expect(series[1].stack).toBe('band');
  });

  it('sums the actual over channels per interval, null where traffic has none', () => {
    expect(
      actualByInterval(
        ['2026-11-02T01:00:00.000Z', '2026-11-02T01:30:00.000Z'],
        [
          { intervalStart: '2026-11-02T01:00:00Z', offered: 3 },
          { intervalStart: '2026-11-02T01:00:00.000Z', offered: 4 },
        ],
      ),
    ).toEqual([7, null]);
  });

  it('draws required, scheduled and logged-in agents as steps', () => {
    const option = coverageChart(
      ['09:00'],
      { required: [3], scheduled: [2.5], loggedIn: [null] },
      {
        required: 'Required',
        scheduled: 'Scheduled',
        loggedIn: 'Logged in',
      },
    );
    const series = option.series as { name: string; data: unknown[]; step: string }[];
    expect(series.map((s) => [s.name, s.data, s.step])).toEqual([
      ['Required', [3], 'middle'],
      ['Scheduled', [2.5], 'middle'],
      ['Logged in', [null], 'middle'],
    ]);
  });
});
