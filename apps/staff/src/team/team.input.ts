import { IsOptional, Length, Matches } from 'class-validator';
import { Field, ID, InputType } from 'type-graphql';
import { CodedInput } from '../common/coded-input';

@InputType()
export class CreateTeamInput extends CodedInput {
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
  @Matches(/^$|\S/, { message: '$property must not be blank' })
  name?: string;

  @Field(() => String, {
    nullable: true,
    description: 'Employee number of the team lead; null removes the lead',
  })
  @IsOptional()
  @Length(1, 32)
  leadEmployeeNo?: string | null;
}
