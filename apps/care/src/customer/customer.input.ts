import { IsIn, IsOptional, Length, Matches } from 'class-validator';
import { Text } from '../model/text';
import { Field, InputType } from 'type-graphql';
import { SEGMENTS, type Segment } from './customer.entity';
import { SegmentEnum } from './customer.type';

/** A phone number as people write one: at least three digits, with + ( ) - . and spaces between. */
const PHONE = /^\+?[\s\-.()]*(?:\d[\s\-.()]*){3,}$/;

@InputType('SaveCustomerInput', {
  description: 'Fields left out stay as they are; null clears name or phone',
})
export class SaveCustomerInput {
  @Field(() => String, {
    description: 'Normalized before it is stored (phone numbers to E.164, +86 by default)',
  })
  @Text(200)
  customerKey!: string;

  @Field(() => SegmentEnum, { nullable: true })
  @IsOptional()
  @IsIn(SEGMENTS as unknown as string[], { message: `must be one of ${SEGMENTS.join(', ')}` })
  segment?: Segment | null;

  @Field(() => String, { nullable: true, description: 'PII: stored encrypted' })
  @IsOptional()
  @Text(200)
  name?: string | null;

  @Field(() => String, { nullable: true, description: 'PII: stored encrypted' })
  @IsOptional()
  @Length(3, 40, { message: 'must be 3 to 40 characters' })
  @Matches(PHONE, {
    message: 'must be a phone number: digits, an optional leading +, spaces, dashes, dots or brackets',
  })
  phone?: string | null;
}
