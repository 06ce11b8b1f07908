import { Entity, OptionalProps, Property } from '@mikro-orm/core';
import { SPARSE_OUTCOME_MEASURES, hasOutcomesSql } from '../model/measures';

/**
 * The summed measures of a 15-minute rollup row, shared by the agent-level and the queue-level
 * rollups: coarser intervals and groups are sums of them, never averages of rates (METRICS.md).
 */
@Entity({ abstract: true })
export abstract class IntervalMeasures {
  [OptionalProps]?:
    | 'maxWaitSeconds'
    | 'eligible'
    | 'offers'
    | 'sales'
    | 'saleOutcomes'
    | 'saves'
    | 'lost'
    | 'cancellations'
    | 'requiringCode'
    | 'coded'
    | 'salesAmount'
    | 'revenue';

  @Property({ type: 'integer' }) answered!: number;
  @Property({ type: 'integer' }) abandoned!: number;
  @Property({ type: 'integer' }) shortAbandoned!: number;
  @Property({ type: 'integer' }) answeredWithinThreshold!: number;
  @Property({ type: 'integer' }) abandonedWithinThreshold!: number;
  @Property({ type: 'integer' }) transferred!: number;
  @Property({ type: 'integer' }) ivr!: number;
  @Property({ type: 'integer' }) callback!: number;
  @Property({ type: 'integer' }) overflow!: number;
  @Property({ type: 'integer' }) outbound!: number;
  @Property({ type: 'double' }) waitSecondsAnswered!: number;
  @Property({ type: 'double' }) handleSeconds!: number;
  @Property({ type: 'double' }) talkSeconds!: number;
  @Property({ type: 'double' }) holdSeconds!: number;
  @Property({ type: 'double' }) acwSeconds!: number;
  @Property({ type: 'double', nullable: true }) maxWaitSeconds: number | null = null;
  // outcomes (model/measures.ts): counts of answered contacts, money exact
  @Property({ type: 'integer', default: 0 }) eligible: number = 0;
  @Property({ type: 'integer', default: 0 }) offers: number = 0;
  @Property({ type: 'integer', default: 0 }) sales: number = 0;
  @Property({ type: 'integer', default: 0 }) saleOutcomes: number = 0;
  @Property({ type: 'integer', default: 0 }) saves: number = 0;
  @Property({ type: 'integer', default: 0 }) lost: number = 0;
  @Property({ type: 'integer', default: 0 }) cancellations: number = 0;
  @Property({ type: 'integer', default: 0 }) requiringCode: number = 0;
  @Property({ type: 'integer', default: 0 }) coded: number = 0;
  @Property({ type: 'decimal', precision: 18, scale: 2, default: 0 }) salesAmount: string = '0';
  @Property({ type: 'decimal', precision: 20, scale: 6, default: 0 }) revenue: string = '0';
}

/**
 * The partial covering index of a rollup's rows with outcomes (issue 20): by interval, with the group
 * keys and the sales and retention outcome measures, so a stats query sums those from it alone
 * (index-only).
 */
export function outcomeIndexSql(table: string, keys: readonly string[]): string {
  const included = [...keys, ...SPARSE_OUTCOME_MEASURES.map((m) => m.column)].map((c) => `"${c}"`).join(', ');
  return `create index "${table}_outcomes" on "${table}" ("interval_start") include (${included}) where ${hasOutcomesSql()}`;
}
