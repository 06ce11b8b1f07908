import type { EntityManager } from '@mikro-orm/postgresql';
import { DataScope, seenEmployeeNos, type RequireReferences } from '@switchboard/subgraph-kit';
import { badUserInput, conflict, notFound } from '@switchboard/server';
import { Certification } from '../certification/certification.entity';
import { todayUtc } from '../common/dates';
import { isUuid } from '../common/validation';
import { Course } from '../course/course.entity';
import { Exam } from '../exam/exam.entity';
import { certificationExpiry } from '@switchboard/metrics';
import { rosterEmployeeNos } from '../roster/roster-client';
import { Assignment } from './assignment.entity';
import type { AssignCourseInput, AssignmentTargetInput } from './assignment.input';

export interface AssignResult {
  assignments: Assignment[];
  alreadyAssigned: string[];
  matched: number;
}

const GROUP_FIELDS = ['teamIds', 'centerIds', 'roles', 'skillCodes'] as const;

export class AssignmentService {
  constructor(
    private readonly em: EntityManager,
    private readonly today: () => string = todayUtc,
  ) {}

  /**
   * Assigns a course to the target's agents. Every agent named must exist in staff; an agent with
   * the course already open keeps that assignment. All or nothing.
   */
  async assign(
    input: AssignCourseInput,
    requireReferences: RequireReferences,
    scope: DataScope = DataScope.everything(),
  ): Promise<AssignResult> {
    const today = this.today();
    if (input.dueDate < today)
      throw badUserInput({ field: 'dueDate', message: `must not be in the past (today is ${today})` });
    const course = isUuid(input.courseId) ? await this.em.findOne(Course, { id: input.courseId }) : null;
    if (!course) throw badUserInput({ field: 'courseId', message: `no course with id ${input.courseId}` });
    // a role or skill selection of a writer limited to some centers: their agents only
    const employeeNos = seenEmployeeNos(scope, await this.resolveTarget(input.target, requireReferences));
    const { assignments, open } = await this.em.transactional(async (em) => {
      // Agents with the course open keep that assignment (a unique index backs this up).
      const open = new Set(
        (
          await em.find(
            Assignment,
            { course, employeeNo: { $in: employeeNos }, completedOn: null },
            { fields: ['employeeNo'] },
          )
        ).map((a) => a.employeeNo),
      );
      const created = employeeNos
        .filter((n) => !open.has(n))
        .map((employeeNo) =>
          em.create(Assignment, { course, employeeNo, assignedOn: today, dueDate: input.dueDate }),
        );
      await em.flush();
      return { assignments: created, open };
    });
    return {
      assignments,
      alreadyAssigned: employeeNos.filter((n) => open.has(n)),
      matched: employeeNos.length,
    };
  }

  private async resolveTarget(
    target: AssignmentTargetInput,
    requireReferences: RequireReferences,
  ): Promise<string[]> {
    const groups = GROUP_FIELDS.some((f) => target[f]?.length);
    if (!groups && !target.employeeNos?.length) {
      throw badUserInput({
        field: 'target',
        message: 'name employeeNos, teamIds, centerIds, roles or skillCodes',
      });
    }
    for (const field of ['teamIds', 'centerIds'] as const) {
      const bad = target[field]?.find((id) => !isUuid(id));
      // an empty string is not an id either (it slipped through as falsy)
      if (bad !== undefined)
        throw badUserInput({ field: `target.${field}`, message: `"${bad}" is not an id` });
    }
    // every team, center, skill and agent named must exist in staff (asked at once): an unknown one
    // would otherwise just match nobody, and the write would look done
    await requireReferences([
      { kind: 'team', field: 'target.teamIds', values: target.teamIds ?? [] },
      { kind: 'center', field: 'target.centerIds', values: target.centerIds ?? [] },
      { kind: 'skill', field: 'target.skillCodes', values: target.skillCodes ?? [] },
      { kind: 'agent', field: 'target.employeeNos', values: target.employeeNos ?? [] },
    ]);
    if (!groups) return [...new Set(target.employeeNos ?? [])].sort();
    return rosterEmployeeNos(target);
  }

  async start(id: string): Promise<Assignment> {
    const assignment = await this.get(id);
    if (assignment.completedOn) throw conflict('the assignment is already completed', 'id');
    assignment.startedOn ??= this.today();
    await this.em.flush();
    return assignment;
  }

  /**
   * Completes an assignment of a course without an exam (a course with one completes by passing
   * it) and grants the course's certification from that day.
   */
  async complete(id: string, completedOn: string | null): Promise<Assignment> {
    const assignment = await this.get(id);
    const day = completedOn ?? this.today();
    if (assignment.completedOn) throw conflict('the assignment is already completed', 'id');
    if (day > this.today())
      throw badUserInput({ field: 'completedOn', message: 'must not be in the future' });
    if (day < assignment.assignedOn)
      throw badUserInput({
        field: 'completedOn',
        message: `must not be before the assignment (${assignment.assignedOn})`,
      });
    if (await this.em.count(Exam, { course: assignment.course }))
      throw conflict('the course has an exam: the assignment completes when the agent passes it', 'id');
    const course = await this.em.findOneOrFail(Course, { id: assignment.course.id });
    await this.em.transactional(async (em) => {
      assignment.completedOn = day;
      assignment.startedOn ??= day;
      em.persist(assignment);
      em.create(Certification, {
        course,
        employeeNo: assignment.employeeNo,
        issuedOn: day,
        expiresOn: certificationExpiry(day, course.validityMonths),
      });
      await em.flush();
    });
    return assignment;
  }

  /** The employee number of an assignment's agent, or null when there is no such assignment. */
  /** Assignments by id, in the order given (read afresh: a follow-up may have just changed one). */
  async byIds(ids: readonly string[]): Promise<Assignment[]> {
    const valid = ids.filter(isUuid);
    const rows = valid.length
      ? await this.em.find(Assignment, { id: { $in: valid } }, { refresh: true })
      : [];
    const byId = new Map(rows.map((a) => [a.id, a]));
    return ids.flatMap((id) => byId.get(id) ?? []);
  }

  async ownerOf(id: string): Promise<string | null> {
    const assignment = isUuid(id) ? await this.em.findOne(Assignment, { id }) : null;
    return assignment?.employeeNo ?? null;
  }

  private async get(id: string): Promise<Assignment> {
    const assignment = isUuid(id) ? await this.em.findOne(Assignment, { id }) : null;
    if (!assignment) throw notFound('Assignment', 'id', id);
    return assignment;
  }
}
