import { randomUUID } from 'node:crypto';
import { Check, Entity, Enum, Index, OptionalProps, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import type { SectionDefinition } from './scorecard-definition';
import { ScorecardStatus } from '../model/enums';

/**
 * One version of a scorecard (a QA form). Sections and criteria are stored with the version as one
 * JSON document: a published version is never edited, so evaluations on it keep their meaning.
 */
@Entity({ tableName: 'scorecard' })
@Unique({ name: 'scorecard_code_version', properties: ['code', 'version'] })
@Index({ name: 'scorecard_code_idx', properties: ['code'] })
@Check({ name: 'scorecard_version_positive', expression: 'version >= 1' })
@Check({
  name: 'scorecard_published_has_date',
  expression: "(status = 'DRAFT') = (published_at is null)",
})
export class Scorecard {
  [OptionalProps]?: 'status' | 'createdAt' | 'publishedAt' | 'retiredAt' | 'description';

  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Property({ type: 'text' })
  code!: string;

  @Property({ type: 'integer' })
  version!: number;

  @Property({ type: 'text' })
  name!: string;

  @Property({ type: 'text', nullable: true })
  description: string | null = null;

  @Enum({ items: () => ScorecardStatus, nativeEnumName: 'scorecard_status' })
  status: ScorecardStatus = ScorecardStatus.DRAFT;

  @Property({ type: 'jsonb' })
  sections!: SectionDefinition[];

  @Property({ type: 'timestamptz' })
  createdAt: Date = new Date();

  @Property({ type: 'timestamptz', nullable: true })
  publishedAt: Date | null = null;

  @Property({ type: 'timestamptz', nullable: true })
  retiredAt: Date | null = null;
}
