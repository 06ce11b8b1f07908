import { IsIn, IsOptional, Length } from 'class-validator';
import { Field, InputType } from 'type-graphql';
import { SEGMENTS, type Segment } from './customer.entity';
import { SegmentEnum } from './customer.type';

@InputType('SaveCustomerInput', {
  description: 'Fields left out stay as they are; null clears name or phone',
})
export class SaveCustomerInput {
  @Field(() => String, {
    description: 'Normalized before it is stored (phone numbers to E.164, +86 by default)',
  })
  @Length(1, 200, { message: 'must be 1 to 200 characters' })
  customerKey!: string;

  @Field(() => SegmentEnum, { nullable: true })
  @IsOptional()
  @IsIn(SEGMENTS as unknown as string[], { message: `must be one of ${SEGMENTS.join(', ')}` })
  segment?: Segment | null;

  @Field(() => String, { nullable: true, description: 'PII: stored encrypted' })
  @IsOptional()
  @Length(1, 200, { message: 'must be 1 to 200 characters' })
  name?: string | null;

  @Field(() => String, { nullable: true, description: 'PII: stored encrypted' })
  @IsOptional()
  @Length(3, 40, { message: 'must be 3 to 40 characters' })
  phone?: string | null;
}
