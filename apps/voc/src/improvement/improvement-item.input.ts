import { ArrayMaxSize, IsUUID, Length, Matches } from 'class-validator';
import { Field, ID, InputType } from 'type-graphql';

@InputType('CreateImprovementItemInput', { description: 'A fix opened from feedback' })
export class CreateImprovementItemInput {
  @Field(() => ID, { description: "staff's Center id" })
  @IsUUID('all', { message: 'must be a center id' })
  centerId!: string;

  @Field(() => String, { description: '1 to 200 characters' })
  @Length(1, 200, { message: 'must be 1 to 200 characters' })
  title!: string;

  @Field(() => String, { description: 'The department that owns the fix, 1 to 100 characters' })
  @Length(1, 100, { message: 'must be 1 to 100 characters' })
  ownerDepartment!: string;

  @Field(() => String, { description: 'YYYY-MM-DD (a calendar date)' })
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'must be a date YYYY-MM-DD' })
  dueDate!: string;

  @Field(() => [ID], { description: 'The feedback it answers (of this center), at most 500' })
  @ArrayMaxSize(500, { message: 'must be at most 500 feedback ids' })
  feedbackIds!: string[];
}
