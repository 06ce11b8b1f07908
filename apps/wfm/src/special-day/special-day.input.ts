import { GraphQLLocalDate } from '@switchboard/subgraph-kit';
import { IsOptional, IsUUID, Length, Max, Min } from 'class-validator';
import { Field, Float, ID, InputType } from 'type-graphql';
import { SpecialDayKindEnum } from './special-day.type';

@InputType('CreateSpecialDayInput')
export class CreateSpecialDayInput {
  @Field(() => ID, { description: "staff's Center id" })
  @IsUUID('all', { message: 'must be a center id' })
  centerId!: string;

  @Field(() => ID, { nullable: true, description: "traffic's Queue id; omitted: every queue of the center" })
  @IsOptional()
  @IsUUID('all', { message: 'must be a queue id' })
  queueId?: string | null;

  @Field(() => GraphQLLocalDate)
  date!: string;

  @Field(() => SpecialDayKindEnum)
  kind!: string;

  @Field(() => String, { description: '1 to 200 characters' })
  @Length(1, 200, { message: 'must be 1 to 200 characters' })
  title!: string;

  @Field(() => Float, { nullable: true, description: 'More than 0, at most 20' })
  @IsOptional()
  @Min(0.01, { message: 'must be more than 0' })
  @Max(20, { message: 'must be at most 20' })
  multiplier?: number | null;

  @Field(() => Boolean, { defaultValue: false })
  excludeFromHistory!: boolean;
}
