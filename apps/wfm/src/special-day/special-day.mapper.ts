import type { SpecialDay } from './special-day.entity';
import { SpecialDayType } from './special-day.type';

export function toSpecialDayType(row: SpecialDay): SpecialDayType {
  return Object.assign(new SpecialDayType(), {
    id: row.id,
    centerId: row.centerId,
    title: row.title,
    createdBy: row.createdBy,
    createdAt: row.createdAt,
    version: row.version,
  });
}
