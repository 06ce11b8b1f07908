import { IsOptional, Length, Matches } from 'class-validator';
import { Field, ID, InputType } from 'type-graphql';
import { CODE_MESSAGE, CODE_PATTERN } from '../common/validation';

@InputType()
export class CreateTeamInput {
  @Field(() => String)
  @Matches(CODE_PATTERN, { message: `code ${CODE_MESSAGE}` })
  code!: string;

  @Field(() => String)
  @Length(1, 200)
  name!: string;

  @Field(() => ID)
  centerId!: string;

  @Field(() => String, { nullable: true, description: 'Employee number of the team lead' })
  @IsOptional()
  @Length(1, 32)
  leadEmployeeNo?: string | null;
}

@InputType()
export class UpdateTeamInput {
  @Field(() => String, { nullable: true })
  @IsOptional()
  @Length(1, 200)
  name?: string;

  @Field(() => String, {
    nullable: true,
    description: 'Employee number of the team lead; null removes the lead',
  })
  @IsOptional()
  @Length(1, 32)
  leadEmployeeNo?: string | null;
}
