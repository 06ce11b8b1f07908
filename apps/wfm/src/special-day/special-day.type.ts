import { GraphQLLocalDate } from '@switchboard/subgraph-kit';
import { Directive, Field, Float, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { SPECIAL_DAY_KINDS } from './special-day.entity';

export const SpecialDayKindEnum = Object.fromEntries(SPECIAL_DAY_KINDS.map((k) => [k, k])) as {
  [K in (typeof SPECIAL_DAY_KINDS)[number]]: K;
};
registerEnumType(SpecialDayKindEnum, {
  name: 'SpecialDayKind',
  description: 'Why a day is treated apart by forecasts',
});

@ObjectType('SpecialDay', {
  description: 'A day of a center, or of one of its queues, that forecasts treat apart',
})
@Directive('@key(fields: "id")')
export class SpecialDayType {
  @Field(() => ID) id!: string;
  @Field(() => ID, { description: "staff's Center id" }) centerId!: string;
  @Field(() => ID, { nullable: true, description: "traffic's Queue id; null: every queue of the center" })
  queueId!: string | null;
  @Field(() => GraphQLLocalDate) date!: string;
  @Field(() => SpecialDayKindEnum) kind!: string;
  @Field(() => String) title!: string;
  @Field(() => Float, {
    nullable: true,
    description: 'Expected volume against a normal day of its weekday (1.3: 30 % more)',
  })
  multiplier!: number | null;
  @Field(() => Boolean, { description: "The day's volumes are left out of the forecasts' history" })
  excludeFromHistory!: boolean;
  @Field(() => String, { description: 'Who created it (token subject)' }) createdBy!: string;
  @Field(() => Date) createdAt!: Date;
  @Field(() => Int, { description: 'Optimistic lock: pass it back with a change' }) version!: number;
}
