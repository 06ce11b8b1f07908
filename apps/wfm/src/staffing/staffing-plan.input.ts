import { IsOptional, Max, Min } from 'class-validator';
import { Field, Float, InputType } from 'type-graphql';

@InputType('StaffingPlanTargetsInput')
export class StaffingPlanTargetsInput {
  @Field(() => Float, { nullable: true, defaultValue: 0.8 })
  @Min(0)
  @Max(0.999)
  targetServiceLevel!: number;

  @Field(() => Float, { nullable: true, defaultValue: 20 })
  @Min(0)
  @Max(86_400)
  targetAnswerSeconds!: number;

  @Field(() => Float, { nullable: true, defaultValue: 0.85 })
  @Min(0.01)
  @Max(1)
  maxOccupancy!: number;

  @Field(() => Float, { nullable: true, defaultValue: 0 })
  @Min(0)
  @Max(0.95)
  shrinkage!: number;

  @Field(() => Float, { nullable: true, description: 'Given: Erlang A with this mean patience' })
  @IsOptional()
  @Min(1)
  @Max(86_400)
  patienceSeconds?: number | null;

  @Field(() => Float, { nullable: true, defaultValue: 300, description: 'AHT for intervals with no history' })
  @Min(1)
  @Max(86_400)
  defaultAhtSeconds!: number;
}
