import { DateTimeISOResolver } from 'graphql-scalars';
import { Directive, Field, Float, ID, Int, ObjectType } from 'type-graphql';
import type { QaCritical, QaCriterionType } from '@switchboard/metrics';
import { CriterionTypeEnum, CriticalLevelEnum, ScorecardStatus } from '../common/enums';

@ObjectType('ScorecardCriterion')
export class ScorecardCriterionType {
  @Field(() => String) key!: string;
  @Field(() => String) label!: string;
  @Field(() => String, { nullable: true }) description!: string | null;
  @Field(() => CriterionTypeEnum) type!: QaCriterionType;
  @Field(() => Float) points!: number;
  @Field(() => Int, { description: 'Highest answer: 1 for YES_NO' }) scaleMax!: number;
  @Field(() => Boolean) allowNa!: boolean;
  @Field(() => CriticalLevelEnum) critical!: QaCritical;
  @Field(() => String, {
    description:
      'ACCURACY, COMPLIANCE, LISTENING, EMPATHY, FLEXIBILITY, PROBLEM_SOLVING, COURTESY, or a custom code',
  })
  category!: string;
}

@ObjectType('ScorecardSection')
export class ScorecardSectionType {
  @Field(() => String) key!: string;
  @Field(() => String) title!: string;
  @Field(() => Float) weight!: number;
  @Field(() => [ScorecardCriterionType]) criteria!: ScorecardCriterionType[];
}

@ObjectType('Scorecard', { description: 'One version of a QA form; a published version never changes' })
@Directive('@key(fields: "id")')
export class ScorecardType {
  @Field(() => ID) id!: string;
  @Field(() => String) code!: string;
  @Field(() => Int) version!: number;
  @Field(() => String) name!: string;
  @Field(() => String, { nullable: true }) description!: string | null;
  @Field(() => ScorecardStatus) status!: ScorecardStatus;
  @Field(() => [ScorecardSectionType]) sections!: ScorecardSectionType[];
  @Field(() => DateTimeISOResolver) createdAt!: Date;
  @Field(() => DateTimeISOResolver, { nullable: true }) publishedAt!: Date | null;
  @Field(() => DateTimeISOResolver, { nullable: true }) retiredAt!: Date | null;
}
