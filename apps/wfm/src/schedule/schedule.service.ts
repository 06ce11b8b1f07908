import type { FilterQuery } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { Schedule } from './schedule.entity';

export class ScheduleService {
  constructor(private readonly em: EntityManager) {}

  /** The schedules of days [from, to), by day then agent; `visible` null: every agent's. */
  list(
    visible: string[] | null,
    filter: { from: string; to: string; employeeNos: string[] | null },
    first: number,
  ): Promise<Schedule[]> {
    const and: FilterQuery<Schedule>[] = [{ date: { $gte: filter.from, $lt: filter.to } }];
    if (visible) and.push({ employeeNo: { $in: visible } });
    if (filter.employeeNos) and.push({ employeeNo: { $in: filter.employeeNos } });
    return this.em.find(
      Schedule,
      { $and: and },
      { orderBy: { date: 'asc', employeeNo: 'asc' }, limit: first },
    );
  }
}
