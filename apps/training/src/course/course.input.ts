import { ArrayMaxSize, IsIn, IsInt, IsOptional, Length, Matches, Max, Min } from 'class-validator';
import { Field, Float, InputType, Int } from 'type-graphql';
import { AgentRole, CourseCategory } from '../model/enums';
import { CODE_MESSAGE, CODE_PATTERN } from '../common/validation';

/** The fields a course is created with and updated by. */
@InputType()
abstract class CourseFieldsInput {
  @Field(() => Int, {
    nullable: true,
    description: 'Months the certificate stays valid; null: never expires',
  })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(240)
  validityMonths?: number | null;

  @Field(() => [AgentRole], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(20)
  @IsIn(Object.values(AgentRole), { each: true })
  mandatoryForRoles?: AgentRole[] | null;

  @Field(() => [String], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(100)
  @Matches(CODE_PATTERN, { each: true, message: `each skill code ${CODE_MESSAGE}` })
  mandatoryForSkills?: string[] | null;
}

@InputType()
export class CreateCourseInput extends CourseFieldsInput {
  @Field(() => String)
  @Matches(CODE_PATTERN, { message: `code ${CODE_MESSAGE}` })
  code!: string;

  @Field(() => String)
  @Length(1, 200)
  title!: string;

  @Field(() => CourseCategory)
  category!: CourseCategory;

  @Field(() => Float)
  @Min(0.25)
  @Max(1000)
  hours!: number;
}

@InputType()
export class UpdateCourseInput extends CourseFieldsInput {
  @Field(() => String, { nullable: true })
  @IsOptional()
  @Length(1, 200)
  title?: string | null;

  @Field(() => CourseCategory, { nullable: true })
  @IsOptional()
  category?: CourseCategory | null;

  @Field(() => Float, { nullable: true })
  @IsOptional()
  @Min(0.25)
  @Max(1000)
  hours?: number | null;
}
