import { describe, expect, it } from 'vitest';
import { formatter } from './format';

describe('formatter', () => {
  it('formats ratios, durations and KPI units in English', () => {
    const f = formatter('en', 'Asia/Shanghai');
    expect(f.percent(0.8266)).toBe('82.7%');
    expect(f.duration(411.9)).toBe('6 min 52 s');
    expect(f.duration(15.4)).toBe('15 s');
    expect(f.kpi(0.05, 'RATIO')).toBe('5.0%');
    expect(f.kpi(78.41, 'PERCENT_POINTS')).toBe('78.4');
    expect(f.kpi(3, 'COUNT')).toBe('3');
    expect(f.kpi(16.5, 'MONEY')).toBe('16.50');
    expect(f.kpi(1.25, 'PER_HOUR')).toBe('1.25');
    expect(f.number(12345)).toBe('12,345');
    expect(f.number(null)).toBe('–');
  });

  it('formats durations and numbers in Simplified Chinese', () => {
    const f = formatter('zh-CN', 'Asia/Shanghai');
    expect(f.duration(411.9)).toBe('6分52秒');
    expect(f.duration(9)).toBe('9秒');
    expect(f.percent(0.9)).toBe('90.0%');
  });

  it('reads instants in the given time zone', () => {
    expect(formatter('en', 'Asia/Shanghai').time('2026-11-21T16:30:00Z')).toBe('00:30');
    expect(formatter('en', 'UTC').time('2026-11-21T16:30:00Z')).toBe('16:30');
    expect(formatter('zh-CN', 'Asia/Shanghai').date('2026-11-21T16:30:00Z')).toBe('2026年11月22日');
  });
});
