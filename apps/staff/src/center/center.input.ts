import { GraphQLLocalDate } from '@switchboard/subgraph-kit';
import { IsOptional, IsTimeZone, Length, Matches } from 'class-validator';
import { Field, InputType } from 'type-graphql';
import { CodedInput } from '../common/coded-input';
import { CenterKind } from './center.entity';

@InputType()
export class CreateCenterInput extends CodedInput {
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
  @Matches(/^$|\S/, { message: '$property must not be blank' })
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
