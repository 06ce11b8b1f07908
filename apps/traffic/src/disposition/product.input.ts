import { Field, InputType } from 'type-graphql';

@InputType('ProductInput', { description: 'A new product an outcome may sell' })
export class ProductInput {
  @Field(() => String, { description: 'Letters, digits, _ . - / (1 to 64); unique' }) code!: string;
  @Field(() => String) nameZh!: string;
  @Field(() => String) nameEn!: string;
  @Field(() => String, { description: 'CARD, INSTALLMENT, LOAN, DEPOSIT, INSURANCE, WEALTH or OTHER' })
  family!: string;
  @Field(() => String, {
    description:
      'Share of a sale amount that is revenue: a decimal 0 to 1 with at most 4 decimals, e.g. "0.0300"; applies until a dated margin version replaces it',
  })
  marginRate!: string;
}

@InputType('ProductMarginInput', {
  description: 'A new margin rate of a product from a day on (the rate in force until then ends that day)',
})
export class ProductMarginInput {
  @Field(() => String) code!: string;
  @Field(() => String, { description: 'A decimal 0 to 1 with at most 4 decimals' }) marginRate!: string;
  @Field(() => String, {
    description:
      "First day of the new rate (YYYY-MM-DD): after today (UTC) and after the current version's first day; the days before keep theirs",
  })
  validFrom!: string;
}
