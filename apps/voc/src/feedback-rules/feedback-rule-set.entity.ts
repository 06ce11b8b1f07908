import { Check, Entity, OptionalProps, PrimaryKey, Property } from '@mikro-orm/core';
import type { FeedbackCategoryRule } from '../feedback/feedback-rules';

/**
 * A version of the feedback categorization rules (issue 19 part 3), bank-wide. A version is never
 * edited: a change is a new version (a draft), which becomes the rules feedback is filed by when it
 * is published; every feedback keeps the version that filed it (voc_feedback.rules_version). Version
 * 1 is the shipped set (feedback-rules.v1.ts) and has no row: stored versions start at 2.
 */
@Entity({ tableName: 'voc_feedback_rule_set' })
@Check({ name: 'voc_feedback_rule_set_version', expression: 'version > 1' })
export class FeedbackRuleSet {
  [OptionalProps]?: 'createdAt' | 'publishedAt' | 'publishedBy' | 'note';

  @PrimaryKey({ type: 'int', autoincrement: false })
  version!: number;

  /** The categories, in rule order (ties go to the earlier), with their keywords and patterns. */
  @Property({ type: 'jsonb' })
  categories!: FeedbackCategoryRule[];

  @Property({ type: 'text', nullable: true })
  note: string | null = null;

  @Property({ type: 'text' })
  createdBy!: string;

  @Property({ type: 'timestamptz' })
  createdAt: Date = new Date();

  /** null: a draft. */
  @Property({ type: 'timestamptz', nullable: true })
  publishedAt: Date | null = null;

  @Property({ type: 'text', nullable: true })
  publishedBy: string | null = null;
}
