import type { EntityManager } from '@mikro-orm/postgresql';
import { firstAttemptPassRate, passRate, ratio } from '@switchboard/metrics';
import { badUserInput } from '@switchboard/server';
import { visibleIn } from '@switchboard/subgraph-kit';
import { Assignment } from '../assignment/assignment.entity';
import { checkDayPeriod, todayUtc, type DayPeriod } from '../common/dates';
import { CourseCategory } from '../model/enums';
import { isUuid } from '../common/validation';

export interface CoursePassRate {
  courseId: string;
  attempts: number;
  attemptsPassed: number;
  passRate: number | null;
  firstAttempts: number;
  firstAttemptsPassed: number;
  firstAttemptPassRate: number | null;
  averageScore: number | null;
}

export interface Onboarding {
  employeeNo: string;
  assigned: number;
  completed: number;
  overdue: number;
  progress: number | null;
}

/**
 * The questions HR and trainers ask across all agents (the caller's agents only); each answered by
 * one statement.
 */
export class HrService {
  /** `visible`: the employee numbers the caller sees (null: all); every answer is limited to them. */
  constructor(
    private readonly em: EntityManager,
    private readonly visible: string[] | null = null,
    private readonly today: () => string = todayUtc,
  ) {}

  /** Open assignments past their due date, most overdue first. */
  overdue(courseId: string | null, first: number): Promise<Assignment[]> {
    if (!Number.isInteger(first) || first < 1 || first > 5000)
      throw badUserInput({ field: 'first', message: 'must be between 1 and 5000' });
    if (courseId && !isUuid(courseId)) throw badUserInput({ field: 'courseId', message: 'is not an id' });
    return this.em.find(
      Assignment,
      {
        completedOn: null,
        dueDate: { $lt: this.today() },
        ...(courseId ? { course: courseId } : {}),
        ...(this.visible ? { employeeNo: { $in: this.visible } } : {}),
      },
      { orderBy: { dueDate: 'asc', employeeNo: 'asc' }, limit: first },
    );
  }

  async passRatesByCourse(period: DayPeriod): Promise<CoursePassRate[]> {
    checkDayPeriod(period);
    const visible = visibleIn('t.employee_no', this.visible);
    const rows = await this.em.execute<
      {
        course_id: string;
        attempts: string;
        passed: string;
        first: string;
        first_passed: string;
        score_sum: string;
      }[]
    >(
      `select e.course_id, count(*) as attempts, count(*) filter (where t.passed) as passed,
         count(*) filter (where t.attempt_no = 1) as first,
         count(*) filter (where t.attempt_no = 1 and t.passed) as first_passed, sum(t.score) as score_sum
       from exam_attempt t join exam e on e.id = t.exam_id join course c on c.id = e.course_id
       where t.taken_on >= ? and t.taken_on < ? and ${visible.sql}
       group by e.course_id, c.code order by c.code`,
      [period.from, period.to, ...visible.params],
    );
    return rows.map((r) => {
      const [attempts, passed, first, firstPassed] = [r.attempts, r.passed, r.first, r.first_passed].map(
        Number,
      );
      return {
        courseId: r.course_id,
        attempts,
        attemptsPassed: passed,
        passRate: passRate(passed, attempts),
        firstAttempts: first,
        firstAttemptsPassed: firstPassed,
        firstAttemptPassRate: firstAttemptPassRate(firstPassed, first),
        averageScore: ratio(Number(r.score_sum), attempts),
      };
    });
  }

  /** Agents with ONBOARDING courses assigned on or after `since` (new hires), least progressed first. */
  async onboarding(since: string): Promise<Onboarding[]> {
    const visible = visibleIn('a.employee_no', this.visible);
    const rows = await this.em.execute<
      { employee_no: string; assigned: string; completed: string; overdue: string }[]
    >(
      `select a.employee_no, count(*) as assigned, count(a.completed_on) as completed,
         count(*) filter (where a.completed_on is null and a.due_date < ?) as overdue
       from assignment a join course c on c.id = a.course_id
       where c.category = ? and a.assigned_on >= ? and ${visible.sql}
       group by a.employee_no
       order by count(a.completed_on)::float / count(*), a.employee_no`,
      [this.today(), CourseCategory.ONBOARDING, since, ...visible.params],
    );
    return rows.map((r) => {
      const [assigned, completed, overdue] = [r.assigned, r.completed, r.overdue].map(Number);
      return {
        employeeNo: r.employee_no,
        assigned,
        completed,
        overdue,
        progress: ratio(completed, assigned),
      };
    });
  }
}
