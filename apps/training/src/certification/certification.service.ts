import type { EntityManager } from '@mikro-orm/postgresql';
import { badUserInput } from '@switchboard/server';
import { visibleIn } from '@switchboard/subgraph-kit';
import { addDays, todayUtc } from '../common/dates';
import { Certification } from './certification.entity';

/** A certification still counts while the agent has not renewed it (no later one for the course). */
const LATEST = `not exists (select 1 from certification n where n.course_id = c.course_id
  and n.employee_no = c.employee_no and n.issued_on > c.issued_on)`;

export class CertificationService {
  /** `visible`: the employee numbers the caller sees (null: all); lists hold only theirs. */
  constructor(
    private readonly em: EntityManager,
    private readonly visible: string[] | null = null,
    private readonly today: () => string = todayUtc,
  ) {}

  /** Latest certifications valid today that expire within `days` days, soonest first. */
  async expiring(days: number): Promise<Certification[]> {
    if (!Number.isInteger(days) || days < 1 || days > 3660)
      throw badUserInput({ field: 'withinDays', message: 'must be between 1 and 3660' });
    const today = this.today();
    return this.byIds(
      `select c.id from certification c where c.expires_on > ? and c.expires_on <= ? and ${LATEST}
       and ${this.visibleSql()} order by c.expires_on, c.employee_no`,
      [today, addDays(today, days), ...visibleIn('c.employee_no', this.visible).params],
    );
  }

  /** Latest certifications that have expired (not renewed), most recently expired first. */
  async expired(): Promise<Certification[]> {
    return this.byIds(
      `select c.id from certification c where c.expires_on <= ? and ${LATEST}
       and ${this.visibleSql()} order by c.expires_on desc, c.employee_no`,
      [this.today(), ...visibleIn('c.employee_no', this.visible).params],
    );
  }

  private visibleSql(): string {
    return visibleIn('c.employee_no', this.visible).sql;
  }

  private async byIds(sql: string, params: unknown[]): Promise<Certification[]> {
    const rows = await this.em.execute<{ id: string }[]>(`${sql} limit 5000`, params);
    const found = rows.length
      ? await this.em.find(Certification, { id: { $in: rows.map((r) => r.id) } })
      : [];
    const byId = new Map(found.map((c) => [c.id, c]));
    return rows.flatMap((r) => byId.get(r.id) ?? []);
  }
}
