import type { FilterQuery } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { KpiDefinition } from '../catalog/kpi-definition.entity';
import type { KpiUnit, TargetScopeType } from '../model/enums';
import { isUuid } from '../common/periods';
import { KpiTarget } from './kpi-target.entity';
import { SEGMENT_METRIC_SOURCE, SEGMENT_METRICS } from '@switchboard/contracts';
import { kpiTargetErrors } from './kpi-target.errors';
import type { SetKpiTargetInput } from './kpi-target.input';

const TARGET_RANGES: Record<KpiUnit, { min: number; max: number; text: string }> = {
  RATIO: { min: 0, max: 1, text: 'between 0 and 1' },
  SECONDS: { min: 0, max: 86_400, text: 'between 0 and 86400 seconds' },
  PERCENT_POINTS: { min: 0, max: 100, text: 'between 0 and 100' },
  COUNT: { min: 0, max: 1_000_000, text: 'between 0 and 1000000' },
  PER_HOUR: { min: 0, max: 3_600, text: 'between 0 and 3600 an hour' },
  // a contribution may be negative (a center costing more than it earns)
  MONEY: { min: -1_000_000_000, max: 1_000_000_000, text: 'between -1000000000 and 1000000000' },
};

export interface TargetFilter {
  kpiCode?: string | null;
  scopeType?: TargetScopeType | null;
  scopeId?: string | null;
  /** Only targets in force on this day. */
  asOf?: string | null;
  /** A caller's scope: GLOBAL targets and those of these centers and teams (undefined/null: all). */
  visible?: { centerIds: string[]; teamIds: string[] } | null;
}

export class KpiTargetService {
  constructor(private readonly em: EntityManager) {}

  list(filter: TargetFilter): Promise<KpiTarget[]> {
    const where: FilterQuery<KpiTarget> = {};
    if (filter.kpiCode) where.kpi = filter.kpiCode;
    if (filter.scopeType) where.scopeType = filter.scopeType;
    if (filter.scopeId) where.scopeId = isUuid(filter.scopeId) ? filter.scopeId.toLowerCase() : [];
    if (filter.asOf) {
      where.validFrom = { $lte: filter.asOf };
      where.$or = [{ validTo: null }, { validTo: { $gt: filter.asOf } }];
    }
    if (filter.visible) {
      where.$and = [
        {
          $or: [
            { scopeType: 'GLOBAL' },
            { scopeType: 'CENTER', scopeId: { $in: filter.visible.centerIds } },
            { scopeType: 'TEAM', scopeId: { $in: filter.visible.teamIds } },
          ],
        },
      ];
    }
    return this.em.find(KpiTarget, where, {
      populate: ['kpi'],
      orderBy: { kpi: { sortOrder: 'asc' }, scopeType: 'asc', validFrom: 'asc' },
    });
  }

  /**
   * Sets a KPI's target for a scope from `validFrom` (to `validTo`, default open-ended). What it
   * overlaps of the same KPI and scope is cut back, split or replaced, in one transaction.
   */
  async set(input: SetKpiTargetInput, today: string): Promise<KpiTarget> {
    const validFrom = input.validFrom ?? today;
    const validTo = input.validTo ?? null;
    const scopeId = this.checkScope(input.scope.type, input.scope.id ?? null);
    const segment = input.segment ?? null;
    if (segment && input.scope.type === 'TEAM') throw kpiTargetErrors.segmentScope();
    if (!Number.isFinite(input.amberBand) || input.amberBand < 0) throw kpiTargetErrors.badAmberBand();
    if (validTo !== null && validTo <= validFrom) throw kpiTargetErrors.validToNotAfter();
    return this.em.transactional(async (em) => {
      const kpi = await em.findOne(KpiDefinition, { code: input.kpiCode });
      if (!kpi) throw kpiTargetErrors.unknownKpi(input.kpiCode);
      if (
        segment &&
        !(
          kpi.sourceSubgraph === SEGMENT_METRIC_SOURCE &&
          (SEGMENT_METRICS as readonly string[]).includes(kpi.sourceField)
        )
      )
        throw kpiTargetErrors.segmentNotMeasured(kpi.code);
      const range = TARGET_RANGES[kpi.unit];
      if (!Number.isFinite(input.target) || input.target < range.min || input.target > range.max)
        throw kpiTargetErrors.targetOutOfRange(kpi.unit, range.text);
      // a band wider than the KPI's whole range means nothing (and 1e308 overflows what reads it)
      if (input.amberBand > range.max - range.min)
        throw kpiTargetErrors.amberBandOutOfRange(kpi.unit, range.text);
      // One writer at a time per KPI and scope: row locks alone cannot stop two transactions that
      // both find nothing overlapping from each inserting a target over the same days.
      await em.execute('select pg_advisory_xact_lock(hashtextextended(?, 0))', [
        `kpi-target|${kpi.code}|${input.scope.type}|${scopeId ?? ''}${segment ? `|${segment}` : ''}`,
      ]);
      const overlapping = await em.find(
        KpiTarget,
        {
          kpi,
          scopeType: input.scope.type,
          scopeId,
          segment,
          ...(validTo ? { validFrom: { $lt: validTo } } : {}),
          $or: [{ validTo: null }, { validTo: { $gt: validFrom } }],
        },
        { lockMode: 4 /* PESSIMISTIC_WRITE */ },
      );
      for (const old of overlapping) {
        const endsLater = validTo !== null && (old.validTo === null || old.validTo > validTo);
        if (old.validFrom < validFrom) {
          if (endsLater) {
            // the new target sits inside the old one: keep the old one's tail after it
            em.persist(
              em.create(KpiTarget, { ...this.copyOf(old), validFrom: validTo, validTo: old.validTo }),
            );
          }
          old.validTo = validFrom;
        } else if (endsLater) {
          old.validFrom = validTo;
        } else {
          em.remove(old);
        }
      }
      // the cut-backs first, so the unique start day and the range checks hold at every step
      await em.flush();
      const target = em.create(KpiTarget, {
        kpi,
        scopeType: input.scope.type,
        scopeId,
        segment,
        target: input.target,
        amberBand: input.amberBand,
        validFrom,
        validTo,
      });
      await em.persistAndFlush(target);
      return target;
    });
  }

  async remove(id: string): Promise<boolean> {
    const target = isUuid(id) ? await this.em.findOne(KpiTarget, { id }) : null;
    if (!target) throw kpiTargetErrors.notFound(id);
    await this.em.removeAndFlush(target);
    return true;
  }

  private copyOf(old: KpiTarget) {
    return {
      kpi: old.kpi,
      scopeType: old.scopeType,
      scopeId: old.scopeId,
      segment: old.segment,
      target: old.target,
      amberBand: old.amberBand,
    };
  }

  private checkScope(type: TargetScopeType, id: string | null): string | null {
    if (type === 'GLOBAL') {
      if (id !== null) throw kpiTargetErrors.scopeIdForbidden();
      return null;
    }
    if (id === null) throw kpiTargetErrors.scopeIdRequired(type);
    if (!isUuid(id)) throw kpiTargetErrors.badScopeId(id);
    return id.toLowerCase();
  }
}
