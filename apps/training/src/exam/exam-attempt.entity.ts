import { randomUUID } from 'node:crypto';
import { Check, Entity, ManyToOne, OptionalProps, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import { Exam } from './exam.entity';

/** One sitting of an exam by an agent (known by employee number, as LMS exports carry it). */
@Entity({ tableName: 'exam_attempt' })
@Unique({ name: 'exam_attempt_sequence_unique', properties: ['exam', 'employeeNo', 'sequence'] })
@Unique({ name: 'exam_attempt_source_external_id_unique', properties: ['source', 'externalId'] })
@Check({ name: 'exam_attempt_score_range', expression: 'score >= 0 and score <= 100' })
@Check({ name: 'exam_attempt_no_positive', expression: 'attempt_no >= 1' })
export class ExamAttempt {
  [OptionalProps]?: 'createdAt' | 'source' | 'externalId';

  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @ManyToOne(() => Exam)
  exam!: Exam;

  @Property({ type: 'text', index: true })
  employeeNo!: string;

  /** The agent's n-th sitting of this exam, ever (unique: two writers cannot both add the same one). */
  @Property({ type: 'integer' })
  sequence!: number;

  /** 1 for the first sitting since the agent last passed this exam (or ever); the limit counts these. */
  @Property({ type: 'integer' })
  attemptNo!: number;

  @Property({ type: 'decimal', precision: 5, scale: 2, runtimeType: 'number' })
  score!: number;

  @Property({ type: 'date', index: true })
  takenOn!: string;

  @Property({ type: 'boolean' })
  passed!: boolean;

  /** Where the result came from: API, or an LMS import. */
  @Property({ type: 'text' })
  source: string = 'API';

  /** The LMS's id of the attempt: importing the same export again adds nothing. */
  @Property({ type: 'text', nullable: true })
  externalId: string | null = null;

  @Property({ type: 'timestamptz' })
  createdAt: Date = new Date();
}
