import { randomUUID } from 'node:crypto';
import { Check, Entity, ManyToOne, OptionalProps, PrimaryKey, Property } from '@mikro-orm/core';
import { Course } from '../course/course.entity';

/** The exam of a course: a score of at least the pass mark (0-100) passes; attempts are limited. */
@Entity({ tableName: 'exam' })
@Check({ name: 'exam_pass_mark_range', expression: 'pass_mark >= 0 and pass_mark <= 100' })
@Check({ name: 'exam_max_attempts_positive', expression: 'max_attempts >= 1' })
export class Exam {
  [OptionalProps]?: 'createdAt';

  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  /** What LMS exports name the exam by. */
  @Property({ type: 'text', unique: true })
  code!: string;

  @ManyToOne(() => Course, { index: true })
  course!: Course;

  @Property({ type: 'decimal', precision: 5, scale: 2, runtimeType: 'number' })
  passMark!: number;

  @Property({ type: 'integer' })
  maxAttempts!: number;

  @Property({ type: 'timestamptz' })
  createdAt: Date = new Date();
}
