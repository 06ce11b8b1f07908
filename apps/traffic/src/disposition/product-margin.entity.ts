import { Check, Entity, PrimaryKey, Property } from '@mikro-orm/core';

/**
 * One dated version of a product's margin rate: in force from `validFrom` until the next version's
 * first day (`validTo`, null while current). A sale is priced at the version in force on its
 * contact's arrival day; before a product's first version, at the product's own margin rate.
 */
@Entity({ tableName: 'product_margin' })
@Check({ name: 'product_margin_rate_range', expression: 'margin_rate >= 0 and margin_rate <= 1' })
@Check({ name: 'product_margin_validity', expression: 'valid_to is null or valid_to > valid_from' })
export class ProductMargin {
  @PrimaryKey({ type: 'text' })
  productCode!: string;

  @PrimaryKey({ type: 'date' })
  validFrom!: string;

  @Property({ type: 'date', nullable: true })
  validTo: string | null = null;

  /** Exact decimal as text (numeric(7,6)); the API accepts at most 4 decimals. */
  @Property({ type: 'decimal', precision: 7, scale: 6 })
  marginRate!: string;
}
