import { IsOptional, Length } from 'class-validator';
import { Field, InputType } from 'type-graphql';
import { CodedInput } from '../common/coded-input';

@InputType()
export class CreateSkillInput extends CodedInput {
  @Field(() => String, { nullable: true })
  @IsOptional()
  @Length(0, 2000)
  description?: string | null;
}
