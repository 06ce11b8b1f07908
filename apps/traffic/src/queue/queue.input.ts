import { IsInt, IsOptional, IsUUID, Length, Matches, Max, Min } from 'class-validator';
import { Field, Float, ID, InputType, Int } from 'type-graphql';
import { ServiceLevelVariantEnum } from '../common/enums';
import type { ServiceLevelVariantName } from './queue.entity';

@InputType()
export class UpdateQueueInput {
  @Field(() => String, { nullable: true })
  @IsOptional()
  @Length(1, 200)
  @Matches(/^$|\S/, { message: '$property must not be blank' })
  name?: string | null;

  @Field(() => ID, { nullable: true, description: "The staff subgraph's Center id; null unassigns" })
  @IsOptional()
  @IsUUID('all', { message: 'centerId must be a Center id' })
  centerId?: string | null;

  @Field(() => Int, { nullable: true })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(3600)
  serviceLevelThresholdSeconds?: number;

  @Field(() => Int, { nullable: true })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(600)
  shortAbandonSeconds?: number;

  @Field(() => Float, { nullable: true })
  @IsOptional()
  @Min(0.01)
  @Max(1)
  serviceLevelTarget?: number;

  @Field(() => ServiceLevelVariantEnum, { nullable: true })
  @IsOptional()
  serviceLevelVariant?: ServiceLevelVariantName;
}
