import { salesGuardrail } from './sales-guardrail';

const bands = { complaintsPer10k: 15, criticalFailRate: 0.05 };
const figures = (
  conversionRate: number | null,
  complaintsPer10k: number | null,
  criticalFailRate = 0.02,
) => ({
  conversionRate,
  complaintsPer10k,
  criticalFailRate,
});

describe('salesGuardrail (PRODUCT-RESEARCH C, acceptance test 3)', () => {
  it('agent X: conversion 0.15 → 0.30 while complaints per 10k go 8 → 25 (band 15): breach, both reasons', () => {
    const verdict = salesGuardrail(figures(0.3, 25), figures(0.15, 8), bands);
    expect(verdict.breach).toBe(true);
    expect(verdict.reasons).toEqual(['CONVERSION_ROSE', 'COMPLAINTS_ROSE']);
    expect(verdict.conversionChange).toBeCloseTo(1, 12);
    expect(verdict.complaintsPer10kChange).toBe(17);
  });

  it('agent Y: the same conversion rise with flat complaints is no breach', () => {
    const verdict = salesGuardrail(figures(0.3, 8), figures(0.15, 8), bands);
    expect(verdict).toMatchObject({ breach: false, reasons: ['CONVERSION_ROSE'], complaintsPer10kChange: 0 });
  });

  it('complaints rising by exactly the band do not count; by more they do', () => {
    expect(salesGuardrail(figures(0.3, 23), figures(0.15, 8), bands).breach).toBe(false);
    expect(salesGuardrail(figures(0.3, 23.5), figures(0.15, 8), bands).breach).toBe(true);
  });

  it('a QA critical-fail rise beyond its band breaches too', () => {
    const verdict = salesGuardrail(figures(0.3, 8, 0.1), figures(0.15, 8, 0.02), bands);
    expect(verdict).toMatchObject({ breach: true, reasons: ['CONVERSION_ROSE', 'CRITICAL_FAILS_ROSE'] });
  });

  it('a 20 % conversion rise counts (0.15 → 0.18), 19 % does not', () => {
    expect(salesGuardrail(figures(0.18, 30), figures(0.15, 8), bands).breach).toBe(true);
    expect(salesGuardrail(figures(0.1785, 30), figures(0.15, 8), bands)).toMatchObject({
      breach: false,
      reasons: ['COMPLAINTS_ROSE'],
    });
  });

  it('complaints rising without a sales push is no breach', () => {
    expect(salesGuardrail(figures(0.15, 30), figures(0.15, 8), bands).breach).toBe(false);
  });

  it('from no sales to some is a rise; unknown figures compare to nothing', () => {
    expect(salesGuardrail(figures(0.1, 30), figures(0, 8), bands)).toMatchObject({
      breach: true,
      conversionChange: null,
    });
    expect(salesGuardrail(figures(0.3, 30), figures(null, 8), bands).breach).toBe(false);
    expect(salesGuardrail(figures(0.3, null), figures(0.15, 8), bands)).toMatchObject({
      breach: false,
      complaintsPer10kChange: null,
    });
  });
});
