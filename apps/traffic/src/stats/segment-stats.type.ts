import { DateTimeISOResolver } from 'graphql-scalars';
import { ArrayMaxSize, IsOptional } from 'class-validator';
import { ArgsType, Field, ID, ObjectType } from 'type-graphql';
import { ChannelEnum, CustomerSegmentEnum, Granularity, StatsDimension } from '../common/enums';
import type { Channel } from '../contact/contact-record';
import type { CustomerSegment } from '../model/segments';
import { StatsFilter } from './stats.input';
import { ContactMetricsFields } from './traffic-stats.type';

@ObjectType('SegmentStatsRow', {
  description:
    "One interval (and group) of contact statistics for one customer segment (the segment stamped on each contact at ingest: its customer's in care then)",
  simpleResolvers: true,
})
export class SegmentStatsRowType extends ContactMetricsFields {
  @Field(() => DateTimeISOResolver, { description: 'Start of the interval; for TOTAL, filter.from' })
  intervalStart!: Date;

  @Field(() => CustomerSegmentEnum, {
    description: 'STANDARD: every contact of no other segment (no customer key, or unknown to care)',
  })
  segment!: CustomerSegment;

  @Field(() => ID, { nullable: true, description: 'Grouped by QUEUE' })
  queueId!: string | null;

  @Field(() => String, { nullable: true, description: 'Grouped by QUEUE' })
  queueCode!: string | null;

  @Field(() => ChannelEnum, { nullable: true, description: 'Grouped by CHANNEL' })
  channel!: Channel | null;

  @Field(() => ID, { nullable: true, description: 'Grouped by CENTER' })
  centerId!: string | null;
}

@ArgsType()
export class SegmentStatsArgs {
  @Field(() => StatsFilter, { description: 'As trafficStats; employeeNos and teamIds are refused' })
  filter!: StatsFilter;

  @Field(() => Granularity)
  granularity!: Granularity;

  @Field(() => [StatsDimension], { nullable: true, description: 'CENTER, QUEUE and CHANNEL only' })
  @IsOptional()
  groupBy?: StatsDimension[] | null;

  @Field(() => [CustomerSegmentEnum], { nullable: true, description: 'Default: every segment' })
  @IsOptional()
  @ArrayMaxSize(4)
  segments?: CustomerSegment[] | null;
}
