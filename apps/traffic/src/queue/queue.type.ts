import { Directive, Field, Float, ID, Int, ObjectType } from 'type-graphql';
import type { Channel } from '../contact/contact-record';
import { ChannelEnum, ServiceLevelVariantEnum } from '../common/enums';
import { CenterTrafficType } from '../extends/center/center-traffic.type';
import type { ServiceLevelVariantName } from './queue.entity';

@ObjectType('Queue', { description: 'An ACD queue and its service-level settings' })
@Directive('@key(fields: "id")')
export class QueueType {
  @Field(() => ID)
  id!: string;

  @Field(() => String)
  code!: string;

  @Field(() => String, { nullable: true })
  name!: string | null;

  @Field(() => ChannelEnum)
  channel!: Channel;

  @Field(() => CenterTrafficType, { nullable: true, description: 'Unassigned until set' })
  center!: CenterTrafficType | null;

  @Field(() => Int, { description: 'T: answered within this many seconds meets the service level' })
  serviceLevelThresholdSeconds!: number;

  @Field(() => Int, { description: 'S: abandoned within this many seconds is a short abandon' })
  shortAbandonSeconds!: number;

  @Field(() => Float)
  serviceLevelTarget!: number;

  @Field(() => ServiceLevelVariantEnum)
  serviceLevelVariant!: ServiceLevelVariantName;
}
