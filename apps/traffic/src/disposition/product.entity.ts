import { Check, Entity, Enum, PrimaryKey, Property } from '@mikro-orm/core';

export const PRODUCT_FAMILIES = [
  'CARD',
  'INSTALLMENT',
  'LOAN',
  'DEPOSIT',
  'INSURANCE',
  'WEALTH',
  'OTHER',
] as const;
export type ProductFamily = (typeof PRODUCT_FAMILIES)[number];

/** A product an outcome may sell; its margin rate turns a sale's amount into revenue. */
@Entity({ tableName: 'product' })
@Check({ name: 'product_margin_rate_range', expression: 'margin_rate >= 0 and margin_rate <= 1' })
export class Product {
  @PrimaryKey({ type: 'text' })
  code!: string;

  @Property({ type: 'text' })
  nameZh!: string;

  @Property({ type: 'text' })
  nameEn!: string;

  @Enum({ items: () => [...PRODUCT_FAMILIES], nativeEnumName: 'product_family' })
  family!: ProductFamily;

  /** Exact decimal as text (numeric(7,6)). */
  @Property({ type: 'decimal', precision: 7, scale: 6 })
  marginRate!: string;
}
