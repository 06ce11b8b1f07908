import { describe, expect, it } from 'vitest';
import { segmentRows } from './queue-segments';

describe('segmentRows', () => {
  const stats = [
    { segment: 'STANDARD' as const, offered: 90, serviceLevel: 0.78, asaSeconds: 18, abandonRate: 0.04 },
    { segment: 'VIP' as const, offered: 10, serviceLevel: 0.93, asaSeconds: 8, abandonRate: null },
  ];

  it('puts each segment on one row, VIP first and STANDARD last, each KPI with its target and status', () => {
    const rows = segmentRows(stats, [
      { segment: 'VIP', code: 'SERVICE_LEVEL', target: 0.9, status: 'GREEN' },
      { segment: 'STANDARD', code: 'SERVICE_LEVEL', target: 0.8, status: 'AMBER' },
    ]);
    expect(rows.map((r) => r.segment)).toEqual(['VIP', 'STANDARD']);
    expect(rows[0]).toEqual({
      segment: 'VIP',
      offered: 10,
      kpis: {
        SERVICE_LEVEL: { value: 0.93, target: 0.9, status: 'GREEN' },
        ASA: { value: 8, target: null, status: null },
        ABANDON_RATE: { value: null, target: null, status: null },
      },
    });
    expect(rows[1].kpis.SERVICE_LEVEL).toEqual({ value: 0.78, target: 0.8, status: 'AMBER' });
  });

  it('shows the figures without targets when kpi does not give the queue’s record', () => {
    const rows = segmentRows(stats, []);
    expect(rows[1].kpis.ASA).toEqual({ value: 18, target: null, status: null });
  });

  it('is empty without figures', () => {
    expect(segmentRows([], [])).toEqual([]);
  });
});
