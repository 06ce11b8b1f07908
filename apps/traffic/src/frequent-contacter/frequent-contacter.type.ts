import { DateTimeISOResolver } from 'graphql-scalars';
import { Directive, Field, Float, Int, ObjectType } from 'type-graphql';
import { ChannelEnum, CustomerSegmentEnum } from '../common/enums';
import type { Channel } from '../contact/contact-record';
import type { CustomerSegment } from '../model/segments';

/** Care's Customer, referenced by the key contacts carry; care resolves segment, open cases, timeline. */
@ObjectType('Customer')
@Directive('@key(fields: "customerKey", resolvable: false)')
export class CustomerRef {
  @Field(() => String)
  customerKey!: string;
}

@ObjectType('FrequentContacter', {
  description:
    'A customer who contacted often or long in a window: the contacts you see, counted; their segment and open cases are care’s (customer)',
})
export class FrequentContacterType {
  @Field(() => String, { description: 'The customer key as the contacts carry it' })
  customerKey!: string;

  @Field(() => CustomerRef, { description: 'Care’s customer: segment, openCases, timeline' })
  customer!: CustomerRef;

  @Field(() => Int, { description: 'Contacts that arrived in the window (any channel, direction, outcome)' })
  contacts!: number;

  @Field(() => Int, { description: 'Of those, answered' })
  answered!: number;

  @Field(() => Float, { description: 'Σ handle seconds (talk + hold + ACW) of the answered ones' })
  handleSeconds!: number;

  @Field(() => [ChannelEnum], { description: 'The channels they used, in order' })
  channels!: Channel[];

  @Field(() => DateTimeISOResolver) firstContactAt!: Date;
  @Field(() => DateTimeISOResolver) lastContactAt!: Date;

  @Field(() => CustomerSegmentEnum, {
    description:
      'The segment stamped on their latest contact in the window (care’s when it arrived; STANDARD if none): customer.segment is care’s today',
  })
  segment!: CustomerSegment;
}
