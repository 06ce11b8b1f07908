import Decimal from 'decimal.js';
import {
  contribution,
  costPerContact,
  toCents,
  emptyOutcomeTotals,
  outcomeMetrics,
  salesPerHour,
  sumOutcomeTotals,
  type OutcomeTotals,
} from './outcome-metrics';

// PRODUCT-RESEARCH C, acceptance test 1: the fixture day on an INSTALLMENT queue.
const amounts = Array.from({ length: 10 }, (_, i) => `${(i + 1) * 1000}.00`);
const day: OutcomeTotals = {
  ...emptyOutcomeTotals(),
  answered: 100,
  eligible: 80,
  offers: 40,
  sales: 10,
  saleOutcomes: 10,
  salesAmount: amounts.reduce((s, a) => s.plus(a), new Decimal(0)).toFixed(2),
  revenue: amounts.reduce((s, a) => s.plus(new Decimal(a).times('0.03')), new Decimal(0)).toFixed(),
  saves: 5,
  lost: 3,
  cancellations: 2,
};

describe('outcome metrics, the fixture day', () => {
  it('gives the research figures exactly', () => {
    expect(day.salesAmount).toBe('55000.00');
    expect(day.revenue).toBe('1650');
    expect(outcomeMetrics(day)).toEqual({
      offerRate: 0.5,
      conversionRate: 0.25,
      retentionSaveRate: 0.5,
      revenuePerContact: 16.5,
      dispositionCompliance: null,
    });
    expect(salesPerHour(day.saleOutcomes, 8 * 3600)).toBe(1.25);
  });

  it('per-agent rows sum to the queue row (sums of sums, never means of rates)', () => {
    // the same day split over two agents unevenly
    const a: OutcomeTotals = {
      ...emptyOutcomeTotals(),
      answered: 70,
      eligible: 50,
      offers: 30,
      sales: 9,
      saleOutcomes: 9,
      salesAmount: '45000.00',
      revenue: '1350.0000',
      saves: 1,
      lost: 3,
      cancellations: 0,
    };
    const b: OutcomeTotals = {
      ...emptyOutcomeTotals(),
      answered: 30,
      eligible: 30,
      offers: 10,
      sales: 1,
      saleOutcomes: 1,
      salesAmount: '10000.00',
      revenue: '300.0000',
      saves: 4,
      lost: 0,
      cancellations: 2,
    };
    const sum = sumOutcomeTotals([a, b]);
    expect(outcomeMetrics(sum)).toEqual(outcomeMetrics(day));
    expect(new Decimal(sum.salesAmount).equals(day.salesAmount)).toBe(true);
    expect(new Decimal(sum.revenue).equals(day.revenue)).toBe(true);
    // a mean of the agents' conversion rates would be (0.3 + 0.1) / 2 = 0.2, not 0.25
    expect(outcomeMetrics(a).conversionRate).toBe(0.3);
  });

  it('is null, never 0 or NaN, when a denominator is 0', () => {
    expect(outcomeMetrics(emptyOutcomeTotals())).toEqual({
      offerRate: null,
      conversionRate: null,
      retentionSaveRate: null,
      revenuePerContact: null,
      dispositionCompliance: null,
    });
    expect(salesPerHour(3, 0)).toBeNull();
    expect(costPerContact('100.00', 0)).toBeNull();
  });

  it('disposition compliance: 100 answered on a required-code queue, 5 uncoded → 0.95', () => {
    expect(
      outcomeMetrics({ ...emptyOutcomeTotals(), requiringCode: 100, coded: 95 }).dispositionCompliance,
    ).toBe(0.95);
  });

  it('money stays exact where floats drift', () => {
    // 0.1 + 0.2 in floats is 0.30000000000000004
    const sum = sumOutcomeTotals([
      { ...emptyOutcomeTotals(), salesAmount: '0.10', revenue: '0.10' },
      { ...emptyOutcomeTotals(), salesAmount: '0.20', revenue: '0.20' },
    ]);
    expect(sum.salesAmount).toBe('0.3');
    expect(costPerContact('1000.005', 1)).toBe(1000.01);
    expect(costPerContact('100.00', 3)).toBe(33.33);
  });

  it('contribution is revenue − handling cost to the cent, unknown while the cost is', () => {
    expect(contribution('1650.000000', '218.75')).toBe('1431.25');
    expect(contribution('0', '0.005')).toBe('-0.01');
    expect(contribution('1650', null)).toBeNull();
    expect(toCents('218.754999')).toBe('218.75');
    expect(toCents('0.125')).toBe('0.13');
  });
});
