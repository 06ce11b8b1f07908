import { DateTimeISOResolver } from 'graphql-scalars';
import { Directive, Field, ObjectType, registerEnumType } from 'type-graphql';
import { SEGMENTS } from './customer.entity';

export const SegmentEnum = Object.fromEntries(SEGMENTS.map((s) => [s, s]));
registerEnumType(SegmentEnum, { name: 'CustomerSegment' });

@ObjectType('Customer', {
  description:
    "A bank customer, keyed by the pseudonymous key traffic's contacts carry (normalized: trimmed, phone numbers E.164 with +86 by default)",
})
@Directive('@key(fields: "customerKey")')
export class CustomerType {
  @Field(() => String) customerKey!: string;
  @Field(() => SegmentEnum, { description: 'STANDARD unless set' }) segment!: string;
  @Field(() => DateTimeISOResolver, { nullable: true, description: 'null: known from contacts only' })
  createdAt!: Date | null;
  /** Ciphertext, for the PII field resolvers (never in the schema). */
  nameEnc!: Buffer | null;
  phoneEnc!: Buffer | null;
}
