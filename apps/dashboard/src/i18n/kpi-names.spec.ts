import { describe, expect, it } from 'vitest';
import { kpiName } from './messages';

describe('kpiName', () => {
  it("gives the catalog's Chinese name in Chinese, the English name otherwise or where none is", () => {
    const fcr = { name: 'First-contact resolution', nameZh: '首次解决率' };
    expect(kpiName('zh-CN', fcr)).toBe('首次解决率');
    expect(kpiName('en', fcr)).toBe('First-contact resolution');
    expect(kpiName('zh-CN', { name: 'Loyalty index', nameZh: null })).toBe('Loyalty index');
    expect(kpiName('zh-CN', { name: 'Loyalty index' })).toBe('Loyalty index');
  });
});
