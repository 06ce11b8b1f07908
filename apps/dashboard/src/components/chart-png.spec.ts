import { describe, expect, it } from 'vitest';
import { chartFileName, pngBytes } from './chart-png';

describe('chart PNG export', () => {
  it('names the file after the chart, in any script, with the day', () => {
    const now = new Date('2026-03-10T08:00:00Z');
    expect(chartFileName('Contacts per 30 minutes', now)).toBe('Contacts-per-30-minutes-2026-03-10.png');
    expect(chartFileName('各类别反馈量：本期与上期', now)).toBe('各类别反馈量-本期与上期-2026-03-10.png');
    expect(chartFileName('—', now)).toBe('chart-2026-03-10.png');
  });

  it('reads the PNG bytes of a data URL and refuses anything else', () => {
    const signature = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
    const url = `data:image/png;base64,${btoa(String.fromCharCode(...signature))}`;
    expect([...pngBytes(url)]).toEqual(signature);
    expect(() => pngBytes('data:image/svg+xml;charset=UTF-8,%3Csvg')).toThrow('not a PNG');
  });
});
