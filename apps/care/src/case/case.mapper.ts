import type { Case } from './case.entity';
import { CaseType } from './case.type';

export function toCaseType(row: Case): CaseType {
  return Object.assign(new CaseType(), {
    id: row.id,
    centerId: row.centerId,
    title: row.title,
    createdBy: row.createdBy,
    createdAt: row.createdAt,
    version: row.version,
  });
}
