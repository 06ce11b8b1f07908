import { randomUUID } from 'node:crypto';
import { Check, Entity, ManyToOne, OptionalProps, PrimaryKey, Property } from '@mikro-orm/core';
import { Course } from '../course/course.entity';

/**
 * A course assigned to an agent with a due date. The status is derived from the dates on every
 * read (assignmentStatus in @switchboard/metrics), so it is never stored stale.
 */
@Entity({ tableName: 'assignment' })
@Check({ name: 'assignment_due_after_assigned', expression: 'due_date >= assigned_on' })
@Check({
  name: 'assignment_completed_after_assigned',
  expression: 'completed_on is null or completed_on >= assigned_on',
})
export class Assignment {
  [OptionalProps]?: 'startedOn' | 'completedOn' | 'createdAt';

  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @ManyToOne(() => Course)
  course!: Course;

  @Property({ type: 'text', index: true })
  employeeNo!: string;

  @Property({ type: 'date' })
  assignedOn!: string;

  @Property({ type: 'date', index: true })
  dueDate!: string;

  @Property({ type: 'date', nullable: true })
  startedOn: string | null = null;

  @Property({ type: 'date', nullable: true })
  completedOn: string | null = null;

  @Property({ type: 'timestamptz' })
  createdAt: Date = new Date();
}
