import { Field, Float, Int, ObjectType } from 'type-graphql';

@ObjectType('DispositionCode', {
  description: 'One version of a wrap-up (disposition) code: hierarchical, with its outcome class',
})
export class DispositionCodeType {
  @Field(() => String) code!: string;
  @Field(() => Int) version!: number;
  @Field(() => String, { nullable: true }) parentCode!: string | null;
  @Field(() => String) nameZh!: string;
  @Field(() => String) nameEn!: string;
  @Field(() => String, {
    description:
      'INFO_ONLY, RESOLVED, UNRESOLVED, OFFER_MADE_DECLINED, SALE, CROSS_SELL, UP_SELL, INSTALLMENT, RETENTION_SAVE, RETENTION_LOST, CANCELLATION_PROCESSED, PROMISE_TO_PAY, PAYMENT_TAKEN, COMPLAINT_LOGGED, CALLBACK_PROMISED',
  })
  outcomeClass!: string;
  @Field(() => Boolean) requiresAmount!: boolean;
  @Field(() => Boolean) requiresProduct!: boolean;
  @Field(() => String, { description: 'First local date of validity (YYYY-MM-DD)' }) validFrom!: string;
  @Field(() => String, { nullable: true, description: 'First date no longer valid; null = open' })
  validTo!: string | null;
  @Field(() => [String], { description: 'Codes of the queues that require a code of this list' })
  requiredByQueues!: string[];
}

@ObjectType('ProductMargin', { description: 'One dated version of a product margin rate' })
export class ProductMarginType {
  @Field(() => String, { description: 'First day (YYYY-MM-DD)' }) validFrom!: string;
  @Field(() => String, { nullable: true, description: "The next version's first day; null while in force" })
  validTo!: string | null;
  @Field(() => String, { description: 'Exact decimal, 0-1' }) marginRate!: string;
}

@ObjectType('Product', { description: 'A product an outcome may sell, with its margin rate' })
export class ProductType {
  @Field(() => String) code!: string;
  @Field(() => String) nameZh!: string;
  @Field(() => String) nameEn!: string;
  @Field(() => String, { description: 'CARD, INSTALLMENT, LOAN, DEPOSIT, INSURANCE, WEALTH or OTHER' })
  family!: string;
  @Field(() => Float, {
    description: 'Share of a sale amount that is revenue, 0-1: the rate in force today (UTC)',
  })
  marginRate!: number;
  @Field(() => String, {
    description:
      'The rate given at creation: sales before the first dated version are priced at it (exact decimal)',
  })
  initialMarginRate!: string;
  @Field(() => [ProductMarginType], {
    description:
      'Dated margin versions, oldest first: a sale is priced at the one in force on its contact’s day',
  })
  margins!: ProductMarginType[];
}
