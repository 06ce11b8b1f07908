import { IsInt, IsOptional, Max, Min } from 'class-validator';
import { Field, Float, InputType, Int } from 'type-graphql';

@InputType('StaffingInput', { description: 'One interval’s workload and targets (METRICS.md, "Staffing")' })
export class StaffingInput {
  @Field(() => Float, { description: 'λ: calls arriving in the interval' })
  @Min(0)
  @Max(10_000_000)
  callsPerInterval!: number;

  @Field(() => Float)
  @Min(1)
  @Max(86_400)
  ahtSeconds!: number;

  @Field(() => Int, { nullable: true, defaultValue: 30 })
  @IsInt()
  @Min(1)
  @Max(1440)
  intervalMinutes!: number;

  @Field(() => Float, { nullable: true, defaultValue: 0.8, description: 'Share answered within T, 0..0.999' })
  @Min(0)
  @Max(0.999)
  targetServiceLevel!: number;

  @Field(() => Float, { nullable: true, defaultValue: 20, description: 'T, seconds' })
  @Min(0)
  @Max(86_400)
  targetAnswerSeconds!: number;

  @Field(() => Float, {
    nullable: true,
    defaultValue: 0.85,
    description: 'Highest acceptable occupancy, 0.01..1',
  })
  @Min(0.01)
  @Max(1)
  maxOccupancy!: number;

  @Field(() => Float, {
    nullable: true,
    defaultValue: 0,
    description: 'Share of paid time off the phones, 0..0.95',
  })
  @Min(0)
  @Max(0.95)
  shrinkage!: number;

  @Field(() => Float, {
    nullable: true,
    description: 'Mean caller patience in seconds: given, the model is Erlang A (with abandonment)',
  })
  @IsOptional()
  @Min(1)
  @Max(86_400)
  patienceSeconds?: number | null;
}
