import { describe, expect, it } from 'vitest';
import { KPI_NAMES, kpiName } from './messages';

describe('kpiName', () => {
  it("gives the dictionary's name for a known code and the API's for any other", () => {
    expect(kpiName('zh-CN', { code: 'FCR', name: 'First-contact resolution' })).toBe('首次解决率');
    expect(kpiName('zh-CN', { code: 'LOYALTY_INDEX', name: 'Loyalty index' })).toBe('Loyalty index');
    expect(kpiName('zh-CN', { code: 'toString', name: 'Odd code' })).toBe('Odd code');
    expect(kpiName('en', { code: 'FCR', name: 'First-contact resolution' })).toBe('First-contact resolution');
  });

  it('names each KPI of the demo catalog in Chinese, each differently', () => {
    const names = Object.values(KPI_NAMES['zh-CN']);
    expect(Object.keys(KPI_NAMES['zh-CN'])).toHaveLength(31); // issue 18: five care KPIs, 21: ADHERENCE and CONFORMANCE, 20: eight outcome KPIs, 19: four voice KPIs
    expect(new Set(names).size).toBe(names.length);
    for (const name of names) expect(name).toMatch(/^[\u4e00-\u9fff]+$/);
  });
});
