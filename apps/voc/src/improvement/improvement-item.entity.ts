import { randomUUID } from 'node:crypto';
import { Check, Entity, Index, OptionalProps, PrimaryKey, Property, Unique } from '@mikro-orm/core';

export const IMPROVEMENT_STATUSES = ['OPEN', 'IN_PROGRESS', 'DONE', 'CANCELLED'] as const;
export type ImprovementStatus = (typeof IMPROVEMENT_STATUSES)[number];

/**
 * A fix another department owns, opened from what customers said: its feedback is the evidence.
 * Due on a plain calendar date (the center's business calendar is care's; not applied here).
 */
@Entity({ tableName: 'voc_improvement_item' })
@Index({ name: 'voc_improvement_item_center_idx', properties: ['centerId', 'dueDate'] })
@Check({ name: 'voc_improvement_item_title', expression: 'char_length(title) between 1 and 200' })
@Check({
  name: 'voc_improvement_item_department',
  expression: 'char_length(owner_department) between 1 and 100',
})
@Check({
  name: 'voc_improvement_item_status',
  expression: "status in ('OPEN', 'IN_PROGRESS', 'DONE', 'CANCELLED')",
})
export class ImprovementItem {
  [OptionalProps]?: 'createdAt' | 'status' | 'closedAt';

  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Property({ type: 'uuid' })
  centerId!: string;

  @Property({ type: 'text' })
  title!: string;

  @Property({ type: 'text' })
  ownerDepartment!: string;

  @Property({ type: 'date' })
  dueDate!: string;

  @Property({ type: 'text' })
  status: ImprovementStatus = 'OPEN';

  /** When it became DONE or CANCELLED. */
  @Property({ type: 'timestamptz', nullable: true })
  closedAt: Date | null = null;

  @Property({ type: 'text' })
  createdBy!: string;

  @Property({ type: 'timestamptz' })
  createdAt: Date = new Date();
}

/** One feedback as evidence of one item. */
@Entity({ tableName: 'voc_improvement_evidence' })
@Unique({ name: 'voc_improvement_evidence_unique', properties: ['itemId', 'feedbackId'] })
export class ImprovementEvidence {
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Property({ type: 'uuid' })
  itemId!: string;

  @Property({ type: 'uuid' })
  feedbackId!: string;
}
