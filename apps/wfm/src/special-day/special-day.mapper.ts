import type { SpecialDay } from './special-day.entity';
import { SpecialDayType } from './special-day.type';

export function toSpecialDayType(row: SpecialDay): SpecialDayType {
  return Object.assign(new SpecialDayType(), {
    id: row.id,
    centerId: row.centerId,
    queueId: row.queueId,
    date: row.date,
    kind: row.kind,
    title: row.title,
    multiplier: row.multiplier,
    excludeFromHistory: row.excludeFromHistory,
    createdBy: row.createdBy,
    createdAt: row.createdAt,
    version: row.version,
  });
}
