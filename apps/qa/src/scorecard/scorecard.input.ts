import { ArrayMaxSize, ArrayMinSize, IsOptional, Length, Matches, ValidateNested } from 'class-validator';
import { Field, Float, InputType, Int } from 'type-graphql';
import type { QaCritical, QaCriterionType } from '@switchboard/metrics';
import { CriterionTypeEnum, CriticalLevelEnum } from '../common/enums';
import { CODE_MESSAGE, CODE_PATTERN } from '../common/validation';

@InputType()
export class CriterionInput {
  @Field(() => String, { description: 'Unique in the scorecard, e.g. GREETING' })
  @Matches(CODE_PATTERN, { message: `key ${CODE_MESSAGE}` })
  key!: string;

  @Field(() => String) @Length(1, 300) label!: string;

  @Field(() => String, { nullable: true }) @IsOptional() @Length(1, 2000) description?: string | null;

  @Field(() => CriterionTypeEnum) type!: QaCriterionType;

  @Field(() => Float, { description: 'Points the criterion is worth in its section (> 0)' }) points!: number;

  @Field(() => Int, { nullable: true, description: 'SCALE only: answers 0..scaleMax (1-10)' })
  @IsOptional()
  scaleMax?: number | null;

  @Field(() => Boolean, { defaultValue: false }) allowNa!: boolean;

  @Field(() => CriticalLevelEnum, { defaultValue: 'NONE' }) critical!: QaCritical;

  @Field(() => String, { description: 'A standard category or a custom code' })
  @Matches(CODE_PATTERN, { message: `category ${CODE_MESSAGE}` })
  category!: string;
}

@InputType()
export class SectionInput {
  @Field(() => String)
  @Matches(CODE_PATTERN, { message: `key ${CODE_MESSAGE}` })
  key!: string;

  @Field(() => String) @Length(1, 300) title!: string;

  @Field(() => Float, { description: 'Weight of the section in the overall score (0-1000)' }) weight!: number;

  @Field(() => [CriterionInput])
  @ArrayMinSize(1, { message: 'criteria must hold at least one criterion' })
  @ArrayMaxSize(100)
  @ValidateNested({ each: true })
  criteria!: CriterionInput[];
}

@InputType({ description: 'A scorecard version: a new draft of the code (version = last + 1)' })
export class ScorecardInput {
  @Field(() => String, { description: 'Code shared by all versions, e.g. VOICE-STD' })
  @Matches(CODE_PATTERN, { message: `code ${CODE_MESSAGE}` })
  code!: string;

  @Field(() => String) @Length(1, 200) name!: string;

  @Field(() => String, { nullable: true }) @IsOptional() @Length(1, 2000) description?: string | null;

  @Field(() => [SectionInput])
  @ArrayMinSize(1, { message: 'sections must hold at least one section' })
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  sections!: SectionInput[];
}
