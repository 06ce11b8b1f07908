import { Check, Entity, Enum, OptionalProps, PrimaryKey, Property } from '@mikro-orm/core';
import { OUTCOME_CLASSES, type OutcomeClass } from '@switchboard/metrics';

/**
 * One version of a disposition (wrap-up) code: hierarchical by `parent_code`, valid on the local
 * dates [valid_from, valid_to). A new meaning is a new version; old contacts keep theirs.
 */
@Entity({ tableName: 'disposition_code' })
@Check({ name: 'disposition_code_validity', expression: 'valid_to is null or valid_to > valid_from' })
@Check({ name: 'disposition_code_version_positive', expression: 'version >= 1' })
export class DispositionCode {
  [OptionalProps]?: 'parentCode' | 'requiresAmount' | 'requiresProduct' | 'validTo';

  @PrimaryKey({ type: 'text' })
  code!: string;

  @PrimaryKey({ type: 'integer' })
  version!: number;

  @Property({ type: 'text', nullable: true })
  parentCode: string | null = null;

  @Property({ type: 'text' })
  nameZh!: string;

  @Property({ type: 'text' })
  nameEn!: string;

  @Enum({ items: () => [...OUTCOME_CLASSES], nativeEnumName: 'outcome_class' })
  outcomeClass!: OutcomeClass;

  @Property({ type: 'boolean' })
  requiresAmount: boolean = false;

  @Property({ type: 'boolean' })
  requiresProduct: boolean = false;

  @Property({ type: 'date' })
  validFrom!: string;

  @Property({ type: 'date', nullable: true })
  validTo: string | null = null;
}
