import { ArrayMaxSize, IsInt, IsOptional, IsTimeZone, Max, Min } from 'class-validator';
import { DateTimeISOResolver } from 'graphql-scalars';
import { Field, ID, InputType, Int } from 'type-graphql';
import type { Channel } from '../contact/contact-record';
import { ChannelEnum, ServiceLevelVariantEnum } from '../common/enums';
import type { ServiceLevelVariantName } from '../queue/queue.entity';

@InputType({ description: 'Which contacts to count: by arrival, from inclusive, to exclusive' })
export class StatsFilter {
  @Field(() => DateTimeISOResolver, { description: 'Inclusive; on a 15-minute boundary' })
  from!: Date;

  @Field(() => DateTimeISOResolver, { description: 'Exclusive; on a 15-minute boundary' })
  to!: Date;

  @Field(() => String, {
    defaultValue: 'UTC',
    description: 'IANA time zone of the intervals, days, weeks and months',
  })
  @IsTimeZone({ message: 'timeZone must be an IANA time zone such as Asia/Shanghai' })
  timeZone!: string;

  @Field(() => [ID], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(1000)
  centerIds?: string[];

  @Field(() => [ID], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(1000)
  queueIds?: string[];

  @Field(() => [String], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(1000)
  queueCodes?: string[];

  @Field(() => [ID], { nullable: true, description: 'Contacts handled by agents in these teams at the time' })
  @IsOptional()
  @ArrayMaxSize(1000)
  teamIds?: string[];

  @Field(() => [ChannelEnum], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(20)
  channels?: Channel[];

  @Field(() => [String], { nullable: true, description: 'Employee numbers' })
  @IsOptional()
  @ArrayMaxSize(10000)
  employeeNos?: string[];

  @Field(() => ServiceLevelVariantEnum, {
    nullable: true,
    description:
      "Grouped by queue, each queue's own variant applies; otherwise this (default EXCLUDE_SHORT_ABANDONS)",
  })
  serviceLevelVariant?: ServiceLevelVariantName;

  @Field(() => Int, {
    defaultValue: 7,
    description:
      'fcrRate: a later contact of the same customer within this many days makes the first unresolved',
  })
  @IsInt()
  @Min(1)
  @Max(90)
  fcrWindowDays!: number;
}
