import { ArrayMaxSize, IsIn, IsInt, IsOptional, IsUUID, Length, Matches, Max, Min } from 'class-validator';
import { DateTimeISOResolver } from 'graphql-scalars';
import { Field, ID, InputType, Int, registerEnumType } from 'type-graphql';
import { CHANNELS } from '../contact/contact-record';
import { ChannelEnum } from '../common/enums';
import { DATA_SOURCE_KINDS, type DataSourceKind } from './data-source';

export const DataSourceKindEnum = Object.fromEntries(DATA_SOURCE_KINDS.map((k) => [k, k])) as Record<
  DataSourceKind,
  DataSourceKind
>;
registerEnumType(DataSourceKindEnum, {
  name: 'DataSourceKind',
  description: 'A source of management data whose timeliness is reported (METRICS.md)',
});

const WEEK_MINUTES = 7 * 1440;

@InputType({ description: "A source's expected cadence and the ages past which it is late" })
export class DataSourceInput {
  @Field(() => DataSourceKindEnum) kind!: DataSourceKind;

  @Field(() => ID, { nullable: true, description: "A center's own rule; null: every center's" })
  @IsOptional()
  @IsUUID('all', { message: 'centerId must be a Center id' })
  centerId?: string | null;

  @Field(() => Int)
  @IsInt()
  @Min(1)
  @Max(WEEK_MINUTES)
  cadenceMinutes!: number;

  @Field(() => Int, { description: 'Past this age (minutes since the latest event loaded): WARN, stale' })
  @IsInt()
  @Min(1)
  @Max(WEEK_MINUTES)
  warnAfterMinutes!: number;

  @Field(() => Int, { description: 'Past this age: ERROR; at least warnAfterMinutes' })
  @IsInt()
  @Min(1)
  @Max(WEEK_MINUTES)
  errorAfterMinutes!: number;
}

@InputType({ description: 'A batch another subgraph or system loaded, for its source’s timeliness' })
export class IngestBatchInput {
  @Field(() => DataSourceKindEnum) kind!: DataSourceKind;

  @Field(() => String, { description: 'The system or subgraph it came from' })
  @Length(1, 200)
  @Matches(/\S/, { message: '$property must not be blank' })
  source!: string;

  @Field(() => ID, { nullable: true, description: 'The center it is of; null: every center' })
  @IsOptional()
  @IsUUID('all', { message: 'centerId must be a Center id' })
  centerId?: string | null;

  @Field(() => String, { description: 'The reporter’s key of the batch: reported twice, stored once' })
  @Length(1, 200)
  @Matches(/\S/, { message: '$property must not be blank' })
  batchKey!: string;

  @Field(() => Int)
  @IsInt()
  @Min(0)
  rowsRead!: number;

  @Field(() => Int)
  @IsInt()
  @Min(0)
  rowsInserted!: number;

  @Field(() => Int)
  @IsInt()
  @Min(0)
  rowsRejected!: number;

  @Field(() => DateTimeISOResolver, { nullable: true, description: 'The latest event time in the batch' })
  @IsOptional()
  latestEventAt?: Date | null;
}

@InputType({ description: 'A system down or degraded for some channels' })
export class SystemIncidentInput {
  @Field(() => String, { description: 'e.g. ACD, IVR, CRM, network' })
  @Length(1, 100)
  @Matches(/\S/, { message: '$property must not be blank' })
  system!: string;

  @Field(() => [ChannelEnum], { defaultValue: [], description: 'Channels affected; none: all' })
  @ArrayMaxSize(CHANNELS.length)
  @IsIn(CHANNELS, { each: true })
  channels!: string[];

  @Field(() => ID, { nullable: true, description: 'The center affected; null: every center' })
  @IsOptional()
  @IsUUID('all', { message: 'centerId must be a Center id' })
  centerId?: string | null;

  @Field(() => DateTimeISOResolver) startedAt!: Date;

  @Field(() => DateTimeISOResolver, { nullable: true, description: 'Null while it goes on' })
  @IsOptional()
  endedAt?: Date | null;

  @Field(() => String, { defaultValue: 'MAJOR', description: 'CRITICAL, MAJOR or MINOR' })
  @IsIn(['CRITICAL', 'MAJOR', 'MINOR'])
  severity!: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Length(1, 2000)
  cause?: string | null;
}
