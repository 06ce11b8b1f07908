import { randomUUID } from 'node:crypto';
import { Check, Entity, ManyToOne, OptionalProps, PrimaryKey, Property } from '@mikro-orm/core';
import { Course } from '../course/course.entity';

/** A course's certification held by an agent: issued on passing, valid until `expiresOn` (exclusive). */
@Entity({ tableName: 'certification' })
@Check({
  name: 'certification_expiry_after_issue',
  expression: 'expires_on is null or expires_on > issued_on',
})
export class Certification {
  [OptionalProps]?: 'expiresOn' | 'createdAt';

  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @ManyToOne(() => Course)
  course!: Course;

  @Property({ type: 'text', index: true })
  employeeNo!: string;

  @Property({ type: 'date' })
  issuedOn!: string;

  /** The first day it is no longer valid; null: never expires. */
  @Property({ type: 'date', nullable: true, index: true })
  expiresOn: string | null = null;

  @Property({ type: 'timestamptz' })
  createdAt: Date = new Date();
}
