import { describe, expect, it } from 'vitest';
import { segmentRows } from './queue-segments';

describe('segmentRows', () => {
  it('puts each segment on one row, VIP first and STANDARD last, each KPI with its target and status', () => {
    const rows = segmentRows([
      { segment: 'STANDARD', code: 'SERVICE_LEVEL', offered: 90, value: 0.78, target: 0.8, status: 'AMBER' },
      { segment: 'VIP', code: 'SERVICE_LEVEL', offered: 10, value: 0.93, target: 0.9, status: 'GREEN' },
      { segment: 'VIP', code: 'ASA', offered: 10, value: 8, target: null, status: null },
    ]);
    expect(rows).toEqual([
      {
        segment: 'VIP',
        offered: 10,
        kpis: {
          SERVICE_LEVEL: { value: 0.93, target: 0.9, status: 'GREEN' },
          ASA: { value: 8, target: null, status: null },
        },
      },
      {
        segment: 'STANDARD',
        offered: 90,
        kpis: { SERVICE_LEVEL: { value: 0.78, target: 0.8, status: 'AMBER' } },
      },
    ]);
  });

  it('is empty without figures', () => {
    expect(segmentRows([])).toEqual([]);
  });
});
