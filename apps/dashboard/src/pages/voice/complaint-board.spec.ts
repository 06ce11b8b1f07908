import { describe, expect, it } from 'vitest';
import { axisCounts, complaintBoard, complaintColumn, daysLeft } from './complaint-board';

const ZONE = 'Asia/Shanghai';
// 2026-03-10 09:00 in Shanghai
const NOW = new Date('2026-03-10T01:00:00Z');
const open = (deadlineDate: string, extra: Partial<{ deadlineBasis: string; overdue: boolean }> = {}) => ({
  deadlineBasis: 'DAYS_15',
  deadlineDate,
  deadlineAt: `${deadlineDate}T16:00:00Z`,
  timeZone: ZONE,
  overdue: false,
  ...extra,
});

describe('complaint deadline board', () => {
  it('counts calendar days left in the complaint’s zone: 0 on the last day, negative after', () => {
    expect(daysLeft(open('2026-03-10'), NOW)).toBe(0);
    expect(daysLeft(open('2026-03-13'), NOW)).toBe(3);
    expect(daysLeft(open('2026-03-09'), NOW)).toBe(-1);
    // 23:30 UTC on the 9th is already the 10th in Shanghai
    expect(daysLeft(open('2026-03-10'), new Date('2026-03-09T23:30:00Z'))).toBe(0);
    expect(daysLeft({ deadlineDate: '2026-03-10', timeZone: 'UTC' }, new Date('2026-03-09T23:30:00Z'))).toBe(
      1,
    );
  });

  it('puts each open complaint in one column', () => {
    expect(complaintColumn(open('2026-03-20', { overdue: true }), NOW)).toBe('overdue');
    expect(complaintColumn(open('2026-03-09'), NOW)).toBe('overdue');
    expect(complaintColumn(open('2026-03-13'), NOW)).toBe('dueSoon');
    expect(complaintColumn(open('2026-03-14'), NOW)).toBe('onClock');
    expect(complaintColumn(open('2026-03-11', { deadlineBasis: 'EXTENDED_30' }), NOW)).toBe('extended');
    expect(complaintColumn(open('2026-03-01', { deadlineBasis: 'EXTENDED_60' }), NOW)).toBe('overdue');
  });

  it('sorts each column soonest deadline first and keeps every complaint once', () => {
    const all = [
      open('2026-03-12'),
      open('2026-03-11'),
      open('2026-03-30'),
      open('2026-03-05', { overdue: true }),
    ];
    const board = complaintBoard(all, NOW);
    expect(board.dueSoon.map((c) => c.deadlineDate)).toEqual(['2026-03-11', '2026-03-12']);
    expect(board.dueSoon.map((c) => c.daysLeft)).toEqual([1, 2]);
    expect(board.overdue.map((c) => c.daysLeft)).toEqual([-5]);
    expect(board.onClock).toHaveLength(1);
    expect(Object.values(board).flat()).toHaveLength(all.length);
  });

  it('reads one axis of complaintStats, most received first', () => {
    const rows = [
      { reasonCode: 'C03', received: 2, closed: 1, overdueOpen: 0, complaintTimelyRate: 1 },
      { reasonCode: 'C01', received: 5, closed: 4, overdueOpen: 1, complaintTimelyRate: 0.75 },
      { reasonCode: 'C02', received: 2, closed: 0, overdueOpen: 0, complaintTimelyRate: null },
    ];
    expect(axisCounts(rows, 'REASON').map((r) => [r.code, r.received])).toEqual([
      ['C01', 5],
      ['C02', 2],
      ['C03', 2],
    ]);
    expect(
      axisCounts([{ channelCode: 'A01', received: 1, closed: 0, overdueOpen: 0 }], 'CHANNEL')[0],
    ).toEqual({
      code: 'A01',
      received: 1,
      closed: 0,
      overdueOpen: 0,
      complaintTimelyRate: null,
    });
  });
});
