import { IsIn, IsInt, IsOptional, IsUUID, Length, Matches, Max, Min } from 'class-validator';
import { Field, ID, InputType, Int } from 'type-graphql';
import { SURVEY_KINDS, SurveyKindEnum, type SurveyKind } from '../model/enums';

@InputType('CreateSurveyFormInput', {
  description: 'A new form, or a new revision of the form with this code in this center',
})
export class CreateSurveyFormInput {
  @Field(() => ID, { description: "staff's Center id" })
  @IsUUID('all', { message: 'must be a center id' })
  centerId!: string;

  @Field(() => String, { description: 'Upper-case letters, digits, _ and -, 1 to 40 characters' })
  @Matches(/^[A-Z0-9][A-Z0-9_-]{0,39}$/, {
    message: 'must be 1 to 40 upper-case letters, digits, _ or -',
  })
  code!: string;

  @Field(() => SurveyKindEnum, { description: 'CSAT 1–5, NPS 0–10, CES 1–7' })
  @IsIn([...SURVEY_KINDS], { message: 'must be CSAT, NPS or CES' })
  kind!: SurveyKind;

  @Field(() => String, { description: '1 to 200 characters' })
  @Length(1, 200, { message: 'must be 1 to 200 characters' })
  title!: string;

  @Field(() => Int, {
    nullable: true,
    description: 'CSAT only: the lowest satisfied score (default 4 of 5)',
  })
  @IsOptional()
  @IsInt({ message: 'must be a whole number' })
  @Min(1, { message: 'must be 1 to 5' })
  @Max(5, { message: 'must be 1 to 5' })
  topBoxMin?: number | null;
}
