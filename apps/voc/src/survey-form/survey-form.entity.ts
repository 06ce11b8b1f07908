import { randomUUID } from 'node:crypto';
import { Check, Entity, Enum, Index, OptionalProps, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import { SURVEY_KINDS, type SurveyKind } from '../model/enums';

/**
 * One revision of a survey form of a center (staff's Center: no cross-database foreign key; checked
 * when written). A form is its center and code; each change is a new revision, never an edit, so an
 * answered survey keeps the revision it was answered on. The scale follows the kind (CSAT 1–5,
 * NPS 0–10, CES 1–7); `topBoxMin` is CSAT's lowest satisfied score.
 */
@Entity({ tableName: 'voc_survey_form' })
@Check({ name: 'voc_survey_form_title_length', expression: 'char_length(title) between 1 and 200' })
@Check({ name: 'voc_survey_form_code_format', expression: "code ~ '^[A-Z0-9][A-Z0-9_-]{0,39}$'" })
@Check({ name: 'voc_survey_form_revision_positive', expression: 'revision >= 1' })
@Check({
  name: 'voc_survey_form_top_box',
  expression: "(kind = 'CSAT' and top_box_min between 1 and 5) or (kind <> 'CSAT' and top_box_min is null)",
})
@Unique({ name: 'voc_survey_form_revision_unique', properties: ['centerId', 'code', 'revision'] })
@Index({ name: 'voc_survey_form_center_idx', properties: ['centerId', 'createdAt', 'id'] })
export class SurveyForm {
  [OptionalProps]?: 'createdAt' | 'version' | 'topBoxMin';

  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Property({ type: 'uuid' })
  centerId!: string;

  /** The form's code in its center (upper case, digits, `_` and `-`). */
  @Property({ type: 'text' })
  code!: string;

  /** 1 for a new code, one more for each new revision of it. */
  @Property({ type: 'int' })
  revision!: number;

  @Enum({ items: () => [...SURVEY_KINDS], nativeEnumName: 'voc_survey_kind' })
  kind!: SurveyKind;

  @Property({ type: 'text' })
  title!: string;

  @Property({ type: 'int', nullable: true })
  topBoxMin: number | null = null;

  /** The token subject of whoever created it. */
  @Property({ type: 'text' })
  createdBy!: string;

  @Property({ type: 'timestamptz' })
  createdAt: Date = new Date();

  @Property({ version: true })
  version!: number;
}
