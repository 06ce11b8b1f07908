import { coverageGap, scheduledOnQueueAgents } from './schedule-coverage';

const m = (minutes: number) => minutes * 60;

describe('scheduledOnQueueAgents', () => {
  it('counts on-queue time per interval over agents, part of an interval as a share of an agent', () => {
    const segments = [
      // agent 1: on queue 09:00-10:30, break 10:30-10:45, on queue 10:45-12:00
      { start: m(540), end: m(630), activity: 'ON_QUEUE' },
      { start: m(630), end: m(645), activity: 'BREAK' },
      { start: m(645), end: m(720), activity: 'ON_QUEUE' },
      // agent 2: on queue 10:00-11:00
      { start: m(600), end: m(660), activity: 'ON_QUEUE' },
    ];
    // 30-minute intervals from 09:00: 09:00, 09:30, 10:00, 10:30, 11:00, 11:30
    expect(scheduledOnQueueAgents(segments, m(540), m(30), 6)).toEqual([1, 1, 2, 1.5, 1, 1]);
  });

  it('ignores time outside the intervals and off-queue activities', () => {
    expect(
      scheduledOnQueueAgents([{ start: 0, end: m(600), activity: 'ON_QUEUE' }], m(540), m(60), 2),
    ).toEqual([1, 0]);
    expect(scheduledOnQueueAgents([{ start: 0, end: m(600), activity: 'MEAL' }], 0, m(60), 1)).toEqual([0]);
  });
});

describe('coverageGap', () => {
  it('is scheduled minus required', () => {
    expect(coverageGap(3.5, 5)).toBe(-1.5);
  });
});
