import Decimal from 'decimal.js';
import { ratio } from './ratio';

/** Outcome classes of a disposition code (PRODUCT-RESEARCH C). */
export const OUTCOME_CLASSES = [
  'INFO_ONLY',
  'RESOLVED',
  'UNRESOLVED',
  'OFFER_MADE_DECLINED',
  'SALE',
  'CROSS_SELL',
  'UP_SELL',
  'INSTALLMENT',
  'RETENTION_SAVE',
  'RETENTION_LOST',
  'CANCELLATION_PROCESSED',
  'PROMISE_TO_PAY',
  'PAYMENT_TAKEN',
  'COMPLAINT_LOGGED',
  'CALLBACK_PROMISED',
] as const;
export type OutcomeClass = (typeof OUTCOME_CLASSES)[number];

/** The classes that count as a sale (conversion, sales per hour, revenue). */
export const SALE_CLASSES: readonly OutcomeClass[] = ['SALE', 'CROSS_SELL', 'UP_SELL', 'INSTALLMENT'];

/**
 * Summed outcome measures of a set of contacts (a rollup row or a sum of them). Counts of contacts
 * unless named otherwise; money as exact decimal strings (PostgreSQL numeric), never floats.
 */
export interface OutcomeTotals {
  /** Answered contacts (the denominator of revenue per contact). */
  answered: number;
  /** Answered contacts with an eligible outcome. */
  eligible: number;
  /** Answered eligible contacts with an offer made (offer rate's numerator). */
  offers: number;
  /** Contacts with an offer made and a sale-class outcome (conversion's numerator). */
  sales: number;
  /** Sale-class outcomes (several on one contact count apart): sales per hour's numerator. */
  saleOutcomes: number;
  /** Σ amount of sale-class outcomes, currency units. */
  salesAmount: string;
  /** Σ amount × the product's margin rate of sale-class outcomes: the bank's revenue. */
  revenue: string;
  saves: number;
  lost: number;
  cancellations: number;
  /** Answered contacts on queues that require a code. */
  requiringCode: number;
  /** Of those, the contacts with one of their queue's codes. */
  coded: number;
}

export interface OutcomeMetrics {
  offerRate: number | null;
  conversionRate: number | null;
  retentionSaveRate: number | null;
  /** Revenue (amount × margin rate) per answered contact, rounded half-up to the cent. */
  revenuePerContact: number | null;
  dispositionCompliance: number | null;
}

export function emptyOutcomeTotals(): OutcomeTotals {
  return {
    answered: 0,
    eligible: 0,
    offers: 0,
    sales: 0,
    saleOutcomes: 0,
    salesAmount: '0',
    revenue: '0',
    saves: 0,
    lost: 0,
    cancellations: 0,
    requiringCode: 0,
    coded: 0,
  };
}

/** Sums of several rows: counts added, money added exactly. */
export function sumOutcomeTotals(rows: readonly OutcomeTotals[]): OutcomeTotals {
  const total = emptyOutcomeTotals();
  let amount = new Decimal(0);
  let revenue = new Decimal(0);
  for (const row of rows) {
    for (const key of COUNT_KEYS) total[key] += row[key];
    amount = amount.plus(row.salesAmount);
    revenue = revenue.plus(row.revenue);
  }
  return { ...total, salesAmount: amount.toFixed(), revenue: revenue.toFixed() };
}

const COUNT_KEYS = [
  'answered',
  'eligible',
  'offers',
  'sales',
  'saleOutcomes',
  'saves',
  'lost',
  'cancellations',
  'requiringCode',
  'coded',
] as const satisfies readonly (keyof OutcomeTotals)[];

/** Money per contact, rounded half-up to the cent (exact decimal arithmetic, then a number). */
export function moneyPer(amount: string, count: number): number | null {
  if (count === 0) return null;
  return new Decimal(amount).dividedBy(count).toDecimalPlaces(2, Decimal.ROUND_HALF_UP).toNumber();
}

export function outcomeMetrics(t: OutcomeTotals): OutcomeMetrics {
  return {
    offerRate: ratio(t.offers, t.eligible),
    conversionRate: ratio(t.sales, t.offers),
    retentionSaveRate: ratio(t.saves, t.saves + t.lost + t.cancellations),
    revenuePerContact: moneyPer(t.revenue, t.answered),
    dispositionCompliance: ratio(t.coded, t.requiringCode),
  };
}

/** NICE's "performance per hour": sale-class outcomes per staffed (logged-in) hour. */
export function salesPerHour(saleOutcomes: number, staffedSeconds: number): number | null {
  return ratio(saleOutcomes * 3600, staffedSeconds);
}

/** Standard cost of the staffed time per handled contact (cost rates per hour, not salaries). */
export function costPerContact(staffedCost: string, handled: number): number | null {
  return moneyPer(staffedCost, handled);
}

/** An exact amount rounded half-up to the cent, as a decimal string ("1650.00"). */
export function toCents(amount: string): string {
  return new Decimal(amount).toDecimalPlaces(2, Decimal.ROUND_HALF_UP).toFixed(2);
}

/**
 * A scope's contribution (PRODUCT-RESEARCH E7, as the center's P&L line of issue 20): revenue (Σ
 * amount × margin rate) − the standard cost of handling its contacts, to the cent; null while the
 * handling cost is unknown (contacts no standard rate prices).
 */
export function contribution(revenue: string, handlingCost: string | null): string | null {
  if (handlingCost === null) return null;
  return new Decimal(revenue).minus(handlingCost).toDecimalPlaces(2, Decimal.ROUND_HALF_UP).toFixed(2);
}
