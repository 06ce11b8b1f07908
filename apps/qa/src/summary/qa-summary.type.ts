import { Field, Float, Int, ObjectType } from 'type-graphql';

@ObjectType('QaCategoryAverage')
export class QaCategoryAverageType {
  @Field(() => String) category!: string;
  @Field(() => Float, { description: 'Mean of the category percent over the evaluations that scored it' })
  score!: number;
  @Field(() => Int) evaluations!: number;
}

@ObjectType('QaSummary', {
  description:
    'Submitted evaluations (not drafts, not calibration) in a period by submission time: METRICS.md "QA"',
})
export class QaSummaryType {
  @Field(() => Float, { nullable: true, description: 'Mean overall percent; null without evaluations' })
  score!: number | null;
  @Field(() => Int) evaluations!: number;
  @Field(() => Int) autoFailed!: number;
  @Field(() => Float, { nullable: true, description: 'auto-failed / evaluations; null without evaluations' })
  criticalFailRate!: number | null;
  @Field(() => [QaCategoryAverageType], { description: 'Per category, by category' })
  categories!: QaCategoryAverageType[];
}
