import type { EntityManager } from '@mikro-orm/postgresql';
import { badUserInput, conflict } from '@switchboard/server';
import type { RequireReferences } from '@switchboard/subgraph-kit';
import { todayUtc } from '../common/dates';
import { isUuid } from '../common/validation';
import { Course } from '../course/course.entity';
import { recordAttempts } from './attempt-recorder';
import { ExamAttempt } from './exam-attempt.entity';
import { Exam } from './exam.entity';
import type { CreateExamInput, RecordAttemptInput } from './exam.input';

export class ExamService {
  constructor(
    private readonly em: EntityManager,
    private readonly today: () => string = todayUtc,
  ) {}

  async create(input: CreateExamInput): Promise<Exam> {
    const course = isUuid(input.courseId) ? await this.em.findOne(Course, { id: input.courseId }) : null;
    if (!course) throw badUserInput({ field: 'courseId', message: `no course with id ${input.courseId}` });
    if (await this.em.count(Exam, { code: input.code }))
      throw conflict(`an exam with code "${input.code}" already exists`, 'code');
    const exam = this.em.create(Exam, {
      code: input.code,
      course,
      passMark: input.passMark,
      maxAttempts: input.maxAttempts,
    });
    await this.em.flush();
    return exam;
  }

  /** One attempt through the API: the same rules and writer as an LMS import, all or nothing. */
  async recordAttempt(input: RecordAttemptInput, requireReferences: RequireReferences): Promise<ExamAttempt> {
    if (input.takenOn > this.today())
      throw badUserInput({ field: 'takenOn', message: 'must not be in the future' });
    const exam = isUuid(input.examId) ? await this.em.findOne(Exam, { id: input.examId }) : null;
    if (!exam) throw badUserInput({ field: 'examId', message: `no exam with id ${input.examId}` });
    await requireReferences([{ kind: 'agent', field: 'employeeNo', values: [input.employeeNo] }]);
    const id = await this.em.transactional(async (em) => {
      const recorded = await recordAttempts(
        em,
        [
          {
            row: 0,
            examId: exam.id,
            employeeNo: input.employeeNo,
            score: input.score,
            takenOn: input.takenOn,
            externalId: null,
          },
        ],
        'API',
      );
      const [problem] = recorded.problems;
      if (problem) throw badUserInput({ field: problem.field, message: problem.message });
      const attempt = await em.findOneOrFail(
        ExamAttempt,
        { exam: exam.id, employeeNo: input.employeeNo },
        { orderBy: { sequence: 'desc' } },
      );
      return attempt.id;
    });
    return this.em.findOneOrFail(ExamAttempt, { id });
  }
}
