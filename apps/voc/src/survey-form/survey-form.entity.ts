import { randomUUID } from 'node:crypto';
import { Check, Entity, Index, OptionalProps, PrimaryKey, Property } from '@mikro-orm/core';

/** A SurveyForm of a center (staff's Center: no cross-database foreign key; checked when written). */
@Entity({ tableName: 'voc_survey_form' })
@Check({ name: 'voc_survey_form_title_length', expression: 'char_length(title) between 1 and 200' })
@Index({ name: 'voc_survey_form_center_idx', properties: ['centerId', 'createdAt', 'id'] })
export class SurveyForm {
  [OptionalProps]?: 'createdAt' | 'version';

  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Property({ type: 'uuid' })
  centerId!: string;

  @Property({ type: 'text' })
  title!: string;

  /** The token subject of whoever created it. */
  @Property({ type: 'text' })
  createdBy!: string;

  @Property({ type: 'timestamptz' })
  createdAt: Date = new Date();

  @Property({ version: true })
  version!: number;
}
