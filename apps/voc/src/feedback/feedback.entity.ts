import { randomUUID } from 'node:crypto';
import { Check, Entity, Index, OptionalProps, PrimaryKey, Property, Unique } from '@mikro-orm/core';

export const FEEDBACK_SOURCES = ['SURVEY', 'COMPLAINT', 'SUGGESTION', 'AGENT'] as const;
export type FeedbackSource = (typeof FEEDBACK_SOURCES)[number];

/**
 * What a customer (or an agent for them) said, filed under categories by a versioned rule set. Its
 * natural key is (source, sourceRef): a survey's verbatim is its invitation's key. The text is PII
 * (read like verbatims); the categories, counts and attribution are not.
 */
@Entity({ tableName: 'voc_feedback' })
@Unique({ name: 'voc_feedback_source_unique', properties: ['source', 'sourceRef'] })
@Index({ name: 'voc_feedback_center_idx', properties: ['centerId', 'occurredAt'] })
@Index({
  name: 'voc_feedback_repeat_unsettled_idx',
  properties: ['occurredAt'],
  options: { where: 'repeat_checked_at is null' },
})
@Index({ name: 'voc_feedback_rules_version_idx', properties: ['rulesVersion'] })
@Check({ name: 'voc_feedback_text_length', expression: 'char_length(text) between 1 and 4000' })
@Check({
  name: 'voc_feedback_source',
  expression: "source in ('SURVEY', 'COMPLAINT', 'SUGGESTION', 'AGENT')",
})
@Check({ name: 'voc_feedback_sentiment', expression: 'sentiment is null or sentiment between -1 and 1' })
export class Feedback {
  [OptionalProps]?: 'createdAt';

  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Property({ type: 'text' })
  source!: FeedbackSource;

  @Property({ type: 'text' })
  sourceRef!: string;

  @Property({ type: 'uuid' })
  centerId!: string;

  @Property({ type: 'text', nullable: true })
  agentEmployeeNo: string | null = null;

  @Property({ type: 'uuid', nullable: true })
  teamId: string | null = null;

  @Property({ type: 'text', nullable: true })
  queueCode: string | null = null;

  /** When it counts: a survey's contact arrival (the period rule of every contact metric). */
  @Property({ type: 'timestamptz' })
  occurredAt!: Date;

  @Property({ type: 'text' })
  text!: string;

  /** The best-hit category of the rules (UNCATEGORIZED: none hit). */
  @Property({ type: 'text' })
  category!: string;

  /** Every category hit, best first. */
  @Property({ type: 'json' })
  categories!: string[];

  @Property({ type: 'int' })
  rulesVersion!: number;

  /** −1…1 as a speech or text analytics export gave it; null when none did. */
  @Property({ type: 'double', nullable: true })
  sentiment: number | null = null;

  /** The survey response it came with (its scores per category). */
  @Property({ type: 'uuid', nullable: true })
  responseId: string | null = null;

  /**
   * Whether the customer contacted again within the repeat window after the contact (traffic's
   * Contact.repeatedWithin), once the window has closed; null until then, or when traffic cannot say
   * (no customer key, contact unknown).
   */
  @Property({ type: 'boolean', nullable: true })
  repeatContact: boolean | null = null;

  /** When the repeat was asked of traffic (null: not yet, the window still open or not reached). */
  @Property({ type: 'timestamptz', nullable: true })
  repeatCheckedAt: Date | null = null;

  @Property({ type: 'timestamptz' })
  createdAt: Date = new Date();
}
