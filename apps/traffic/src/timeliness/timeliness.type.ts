import { DateTimeISOResolver } from 'graphql-scalars';
import { Field, Float, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { ChannelEnum } from '../common/enums';
import type { DataSourceKind } from './data-source';
import { DataSourceKindEnum } from './timeliness.input';

export enum FreshnessStatusEnum {
  OK = 'OK',
  WARN = 'WARN',
  ERROR = 'ERROR',
  NO_DATA = 'NO_DATA',
}
registerEnumType(FreshnessStatusEnum, {
  name: 'FreshnessStatus',
  description: 'OK up to warn-after, WARN past it, ERROR past error-after, NO_DATA: nothing loaded',
});

@ObjectType('DataSourceFreshness', {
  description: "A data source's timeliness for a center over a window (METRICS.md)",
})
export class DataSourceFreshnessType {
  @Field(() => DataSourceKindEnum) kind!: DataSourceKind;
  @Field(() => ID, { nullable: true }) centerId!: string | null;
  @Field(() => Int) cadenceMinutes!: number;
  @Field(() => Int) warnAfterMinutes!: number;
  @Field(() => Int) errorAfterMinutes!: number;
  @Field(() => Boolean, { description: 'False: the default rule applies' }) configured!: boolean;
  @Field(() => DateTimeISOResolver, { nullable: true, description: 'The latest event time loaded' })
  latestEventAt!: Date | null;
  @Field(() => DateTimeISOResolver, { nullable: true }) lastReceivedAt!: Date | null;
  @Field(() => Float, { nullable: true, description: 'dataLagMinutes: now − latestEventAt' })
  lagMinutes!: number | null;
  @Field(() => FreshnessStatusEnum) status!: FreshnessStatusEnum;
  @Field(() => Int, { description: 'Batches received in the window' }) batches!: number;
  @Field(() => Int) rowsRead!: number;
  @Field(() => Int) rowsRejected!: number;
  @Field(() => Float, { nullable: true }) rejectRate!: number | null;
  @Field(() => Int) slotsExpected!: number;
  @Field(() => Int) slotsOnTime!: number;
  @Field(() => [DateTimeISOResolver], { description: 'Starts of the delivery slots missed' })
  missedSlots!: Date[];
  @Field(() => Float, { nullable: true, description: 'dataTimelinessRate' }) timelinessRate!: number | null;
  @Field(() => Int, { nullable: true, description: 'ACD contacts: queue intervals with data' })
  intervalsWithData!: number | null;
  @Field(() => Int, { nullable: true, description: 'ACD contacts: queue intervals of service hours' })
  openIntervals!: number | null;
  @Field(() => Float, { nullable: true }) intervalCompleteness!: number | null;
}

@ObjectType('SystemIncident')
export class SystemIncidentType {
  @Field(() => ID) id!: string;
  @Field(() => String) system!: string;
  @Field(() => [ChannelEnum], { description: 'None: all channels' }) channels!: string[];
  @Field(() => ID, { nullable: true }) centerId!: string | null;
  @Field(() => DateTimeISOResolver) startedAt!: Date;
  @Field(() => DateTimeISOResolver, { nullable: true }) endedAt!: Date | null;
  @Field(() => String) severity!: string;
  @Field(() => String, { nullable: true }) cause!: string | null;
}

@ObjectType('SystemAvailability', { description: 'Availability over service hours (METRICS.md)' })
export class SystemAvailabilityType {
  @Field(() => Float) serviceMinutes!: number;
  @Field(() => Float) incidentMinutes!: number;
  @Field(() => Float, { nullable: true }) systemFailureRate!: number | null;
  @Field(() => Float, { nullable: true }) systemAvailability!: number | null;
  @Field(() => [SystemIncidentType]) incidents!: SystemIncidentType[];
}

@ObjectType('IngestBatchReport')
export class IngestBatchReportType {
  @Field(() => Boolean, { description: 'False: a batch of this key was already recorded' })
  recorded!: boolean;
}

@ObjectType('DataSourceRule')
export class DataSourceRuleType {
  @Field(() => DataSourceKindEnum) kind!: DataSourceKind;
  @Field(() => ID, { nullable: true }) centerId!: string | null;
  @Field(() => Int) cadenceMinutes!: number;
  @Field(() => Int) warnAfterMinutes!: number;
  @Field(() => Int) errorAfterMinutes!: number;
}
