import { Check, Entity, OptionalProps, PrimaryKey, Property } from '@mikro-orm/core';

/**
 * One outcome of a contact, by the contact's natural key: several per contact (a service outcome
 * and a sales outcome is normal). Seq 1 is the contact's own `wrapup_code` unless imported here
 * with its details. No foreign key: an outcome may arrive before its contact (imports are not
 * ordered) and is held until it does; the rollups count it once both are there.
 */
@Entity({ tableName: 'contact_outcome' })
@Check({ name: 'contact_outcome_amount_not_negative', expression: 'amount is null or amount >= 0' })
@Check({ name: 'contact_outcome_seq_positive', expression: 'seq >= 1' })
export class ContactOutcome {
  [OptionalProps]?: 'productCode' | 'amount' | 'currency' | 'offerMade' | 'eligible' | 'recordedBy';

  @PrimaryKey({ type: 'text' })
  source!: string;

  @PrimaryKey({ type: 'text' })
  externalId!: string;

  @PrimaryKey({ type: 'smallint' })
  seq!: number;

  @Property({ type: 'text' })
  code!: string;

  @Property({ type: 'integer' })
  codeVersion!: number;

  @Property({ type: 'text', nullable: true })
  productCode: string | null = null;

  /** Exact decimal as text (numeric(14,2)), in `currency`. */
  @Property({ type: 'decimal', precision: 14, scale: 2, nullable: true })
  amount: string | null = null;

  @Property({ type: 'character', length: 3 })
  currency: string = 'CNY';

  @Property({ type: 'boolean' })
  offerMade: boolean = false;

  @Property({ type: 'boolean' })
  eligible: boolean = false;

  @Property({ type: 'text', nullable: true })
  recordedBy: string | null = null;

  @Property({ type: 'timestamptz' })
  recordedAt!: Date;
}
