import { scheduleAdherence } from './schedule-adherence';
import { periodAdherence, scheduleShrinkage } from './schedule-shrinkage';

const h = (hours: number, minutes = 0) => hours * 3600 + minutes * 60;
/** The research's D2 day: on queue 09:00-10:30, break 10:30-10:45, on queue 10:45-12:00. */
const D2 = [
  { start: h(9), end: h(10, 30), activity: 'ON_QUEUE' },
  { start: h(10, 30), end: h(10, 45), activity: 'BREAK' },
  { start: h(10, 45), end: h(12), activity: 'ON_QUEUE' },
];

describe('scheduleShrinkage', () => {
  it('is the off-queue share of the scheduled time', () => {
    expect(scheduleShrinkage(D2)).toBeCloseTo(15 / 180, 12);
    expect(scheduleShrinkage([])).toBeNull();
  });
});

describe('periodAdherence', () => {
  it('sums the seconds of the days before taking the ratios', () => {
    const good = scheduleAdherence(D2, [{ start: h(9), end: h(12), state: 'AVAILABLE' }]);
    const absent = scheduleAdherence([{ start: h(9), end: h(10), activity: 'ON_QUEUE' }], []);
    const period = periodAdherence([good, absent]);
    expect(period.scheduledSeconds).toBe(h(4));
    // good: 15 min on queue during the break (positive exception); absent: 60 min missing
    expect(period.exceptionSeconds).toBe(h(1, 15));
    expect(period.adherence).toBeCloseTo(1 - 75 / 240, 12);
    expect(period.conformance).toBeCloseTo(180 / 225, 12);
    expect(period.shrinkage).toBeCloseTo(15 / 240, 12);
    expect(periodAdherence([]).adherence).toBeNull();
  });
});
