import { DateTimeISOResolver } from 'graphql-scalars';
import { Field, Float, Int, ObjectType } from 'type-graphql';
import { NpsValueType, SampledValueType } from '../stats/survey-stats.type';

@ObjectType('VocCategory', { description: 'One feedback category of the VOC view' })
export class VocCategoryType {
  @Field(() => String, { description: "The rules' category code (UNCATEGORIZED: no rule hit)" })
  category!: string;
  @Field(() => String) nameEn!: string;
  @Field(() => String) nameZh!: string;
  @Field(() => Int, { description: 'Feedback in the period' }) feedback!: number;
  @Field(() => Int, { description: 'Feedback in the period just before, as long' })
  previousFeedback!: number;
  @Field(() => Int, { description: 'feedback − previousFeedback' }) change!: number;
  @Field(() => Float, { nullable: true, description: 'change / previousFeedback; null when it was 0' })
  changeRate!: number | null;
  @Field(() => SampledValueType, { description: 'CSAT of the surveys whose verbatim is in this category' })
  csat!: SampledValueType;
  @Field(() => NpsValueType, { description: 'NPS of the surveys whose verbatim is in this category' })
  nps!: NpsValueType;
  @Field(() => SampledValueType, {
    description:
      "Repeat-contact rate: this category's feedback whose customer contacted again (any channel) within 7 days after the contact / feedback whose repeat is known (the window closed and traffic could say), with n and a Wilson interval",
  })
  repeatContactRate!: SampledValueType;
}

@ObjectType('VocView', {
  description: 'What customers said in a period, by category, against the period before',
})
export class VocViewType {
  @Field(() => DateTimeISOResolver) from!: Date;
  @Field(() => DateTimeISOResolver) to!: Date;
  @Field(() => DateTimeISOResolver, { description: 'Start of the previous period (it ends at from)' })
  previousFrom!: Date;
  @Field(() => [VocCategoryType], { description: 'Most feedback first' })
  categories!: VocCategoryType[];
}
