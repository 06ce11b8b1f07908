import { Length, Matches } from 'class-validator';
import { Field, InputType } from 'type-graphql';
import { CODE_MESSAGE, CODE_PATTERN } from './validation';

/** The `code` and `name` every created center, team and skill starts with. */
@InputType()
export abstract class CodedInput {
  @Field(() => String)
  @Matches(CODE_PATTERN, { message: `code ${CODE_MESSAGE}` })
  code!: string;

  @Field(() => String)
  @Length(1, 200)
  @Matches(/^$|\S/, { message: '$property must not be blank' })
  name!: string;
}
