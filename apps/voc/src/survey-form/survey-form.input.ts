import { IsUUID, Length } from 'class-validator';
import { Field, ID, InputType } from 'type-graphql';

@InputType('CreateSurveyFormInput')
export class CreateSurveyFormInput {
  @Field(() => ID, { description: "staff's Center id" })
  @IsUUID('all', { message: 'must be a center id' })
  centerId!: string;

  @Field(() => String, { description: '1 to 200 characters' })
  @Length(1, 200, { message: 'must be 1 to 200 characters' })
  title!: string;
}
