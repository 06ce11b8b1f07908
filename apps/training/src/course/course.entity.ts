import { randomUUID } from 'node:crypto';
import { Check, Entity, Enum, OptionalProps, PrimaryKey, Property } from '@mikro-orm/core';
import { AgentRole, CourseCategory } from '../model/enums';

/** A course of the training catalog; passing it (its exam, or completion when it has none) certifies. */
@Entity({ tableName: 'course' })
@Check({ name: 'course_hours_positive', expression: 'hours > 0' })
@Check({
  name: 'course_validity_months_positive',
  expression: 'validity_months is null or validity_months > 0',
})
export class Course {
  [OptionalProps]?: 'validityMonths' | 'mandatoryForRoles' | 'mandatoryForSkills' | 'createdAt';

  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Property({ type: 'text', unique: true })
  code!: string;

  @Property({ type: 'text' })
  title!: string;

  @Enum({ items: () => CourseCategory, nativeEnumName: 'course_category' })
  category!: CourseCategory;

  @Property({ type: 'decimal', precision: 6, scale: 2, runtimeType: 'number' })
  hours!: number;

  /** Months a certificate granted by the course stays valid; null: it never expires. */
  @Property({ type: 'integer', nullable: true })
  validityMonths: number | null = null;

  /** Roles (staff's AgentRole values) that must hold this course's certification. */
  @Property({ type: 'text[]' })
  mandatoryForRoles: AgentRole[] = [];

  /** Skill codes (staff's) whose holders must hold this course's certification. */
  @Property({ type: 'text[]' })
  mandatoryForSkills: string[] = [];

  @Property({ type: 'timestamptz' })
  createdAt: Date = new Date();
}
