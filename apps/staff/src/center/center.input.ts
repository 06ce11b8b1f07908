import { GraphQLLocalDate } from 'graphql-scalars';
import { IsOptional, IsTimeZone, Length, Matches } from 'class-validator';
import { Field, InputType } from 'type-graphql';
import { CODE_MESSAGE, CODE_PATTERN } from '../common/validation';
import { CenterKind } from './center.entity';

@InputType()
export class CreateCenterInput {
  @Field(() => String)
  @Matches(CODE_PATTERN, { message: `code ${CODE_MESSAGE}` })
  code!: string;

  @Field(() => String)
  @Length(1, 200)
  name!: string;

  @Field(() => String, { description: 'IANA time zone, e.g. Asia/Shanghai' })
  @IsTimeZone({ message: 'timeZone must be an IANA time zone such as Asia/Shanghai' })
  timeZone!: string;

  @Field(() => CenterKind, { defaultValue: CenterKind.PERMANENT })
  kind!: CenterKind;

  @Field(() => GraphQLLocalDate, { nullable: true })
  activeFrom?: string | null;

  @Field(() => GraphQLLocalDate, { nullable: true })
  activeTo?: string | null;
}

@InputType()
export class UpdateCenterInput {
  @Field(() => String, { nullable: true })
  @IsOptional()
  @Length(1, 200)
  name?: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsTimeZone({ message: 'timeZone must be an IANA time zone such as Asia/Shanghai' })
  timeZone?: string;

  @Field(() => CenterKind, { nullable: true })
  @IsOptional()
  kind?: CenterKind;

  @Field(() => GraphQLLocalDate, { nullable: true })
  activeFrom?: string | null;

  @Field(() => GraphQLLocalDate, { nullable: true })
  activeTo?: string | null;
}
