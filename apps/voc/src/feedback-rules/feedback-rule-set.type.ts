import { DateTimeISOResolver } from 'graphql-scalars';
import { Field, Float, InputType, Int, ObjectType } from 'type-graphql';

@ObjectType('FeedbackCategoryRule', {
  description: 'One category of a rule set: its names, keywords and patterns',
})
export class FeedbackCategoryRuleType {
  @Field(() => String) code!: string;
  @Field(() => String) nameEn!: string;
  @Field(() => String) nameZh!: string;
  @Field(() => [String], {
    description: 'Chinese or English; a keyword hits a run of whole words of the text (Intl.Segmenter)',
  })
  keywords!: string[];
  @Field(() => [String], { description: 'Regular expressions, case-insensitive' }) patterns!: string[];
}

@ObjectType('FeedbackRuleSet', {
  description:
    'A version of the feedback categorization rules: never edited (a change is a new version), published to file feedback by it',
})
export class FeedbackRuleSetType {
  @Field(() => Int) version!: number;
  @Field(() => [FeedbackCategoryRuleType], { description: 'In rule order: ties go to the earlier' })
  categories!: FeedbackCategoryRuleType[];
  @Field(() => String, { nullable: true }) note!: string | null;
  @Field(() => String, { nullable: true, description: 'null: the shipped version 1' }) createdBy!:
    | string
    | null;
  @Field(() => DateTimeISOResolver, { nullable: true }) createdAt!: Date | null;
  @Field(() => DateTimeISOResolver, {
    nullable: true,
    description: 'null: a draft (or the shipped version 1)',
  })
  publishedAt!: Date | null;
  @Field(() => Boolean, { description: 'Feedback is filed by this version now' }) active!: boolean;
}

@ObjectType('FeedbackRuleSetPublication')
export class FeedbackRuleSetPublicationType {
  @Field(() => FeedbackRuleSetType) ruleSet!: FeedbackRuleSetType;
  @Field(() => Int, { description: 'Feedback re-filed by it in this request' }) recategorized!: number;
  @Field(() => Int, { description: "Feedback still filed by an older version: voc's job re-files them" })
  pending!: number;
}

@InputType('FeedbackCategoryRuleInput')
export class FeedbackCategoryRuleInput {
  @Field(() => String, { description: 'UPPER_CASE code; a code no earlier version has needs both names' })
  code!: string;
  @Field(() => String, { nullable: true, description: "Default: the code's name in earlier versions" })
  nameEn?: string | null;
  @Field(() => String, { nullable: true }) nameZh?: string | null;
  @Field(() => [String], { description: 'Words or phrases, Chinese or English (at most 300)' })
  keywords!: string[];
  @Field(() => [String], {
    nullable: true,
    description: 'Regular expressions (at most 50); none may match every text',
  })
  patterns?: string[] | null;
}

@InputType('CreateFeedbackRuleSetInput', {
  description: 'A new draft version of the rules (every category it files by)',
})
export class CreateFeedbackRuleSetInput {
  @Field(() => [FeedbackCategoryRuleInput]) categories!: FeedbackCategoryRuleInput[];
  @Field(() => String, { nullable: true, description: 'Why this version (at most 500 characters)' })
  note?: string | null;
}

@InputType('LabelledFeedbackInput')
export class LabelledFeedbackInput {
  @Field(() => String) text!: string;
  @Field(() => String, { description: 'The category a person filed it under (UNCATEGORIZED: none fits)' })
  label!: string;
}

@ObjectType('FeedbackCategoryScore')
export class FeedbackCategoryScoreType {
  @Field(() => String) code!: string;
  @Field(() => Int, { description: 'Samples labelled this category' }) support!: number;
  @Field(() => Int) truePositives!: number;
  @Field(() => Float, { nullable: true, description: 'null: nothing predicted as this category' })
  precision!: number | null;
  @Field(() => Float, { nullable: true, description: 'null: nothing labelled this category' }) recall!:
    | number
    | null;
}

@ObjectType('FeedbackConfusionCell')
export class FeedbackConfusionCellType {
  @Field(() => String) label!: string;
  @Field(() => String) predicted!: string;
  @Field(() => Int) count!: number;
}

@ObjectType('FeedbackMiss')
export class FeedbackMissType {
  @Field(() => String) text!: string;
  @Field(() => String) label!: string;
  @Field(() => String) predicted!: string;
}

@ObjectType('FeedbackConfusion', {
  description: "How a rule set version's best-hit category agrees with a hand-labelled sample",
})
export class FeedbackConfusionType {
  @Field(() => Int) version!: number;
  @Field(() => Int) samples!: number;
  @Field(() => Float, { nullable: true }) accuracy!: number | null;
  @Field(() => [FeedbackCategoryScoreType]) categories!: FeedbackCategoryScoreType[];
  @Field(() => [FeedbackConfusionCellType], { description: 'The non-zero cells of the matrix' })
  cells!: FeedbackConfusionCellType[];
  @Field(() => [FeedbackMissType]) misses!: FeedbackMissType[];
}
