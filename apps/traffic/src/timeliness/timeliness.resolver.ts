import { requireRole, WRITERS } from '@switchboard/auth';
import { serviceWindows } from '@switchboard/metrics';
import { badUserInput, type FieldProblem } from '@switchboard/server';
import { requireWholeScope, type SubgraphContext } from '@switchboard/subgraph-kit';
import { DateTimeISOResolver } from 'graphql-scalars';
import { Arg, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import { requireIngestBatchRecorder } from '../access/service-ingest';
import { ChannelEnum } from '../common/enums';
import { isUuid } from '../common/intervals';
import { isTimeZone } from '../ingest/time-zone';
import { timelinessClock, type DataSourceKind } from './data-source';
import { dataFreshness, type SourceFreshness } from './data-freshness.query';
import { recordIngestBatches } from './ingest-batch';
import {
  availability,
  endIncident,
  incidentById,
  recordIncident,
  type AvailabilityAnswer,
  type SystemIncident,
} from './system-incident.service';
import { configureDataSource } from './data-source.service';
import {
  DataSourceInput,
  DataSourceKindEnum,
  IngestBatchInput,
  SystemIncidentInput,
} from './timeliness.input';
import {
  DataSourceFreshnessType,
  DataSourceRuleType,
  IngestBatchReportType,
  SystemAvailabilityType,
  SystemIncidentType,
} from './timeliness.type';

const MAX_WINDOW_DAYS = 62;
/** A batch's latest event may be this far past the clock (the sender's clock runs ahead a little). */
const CLOCK_SKEW_MS = 5 * 60_000;

/** "HH:MM" → minutes of the day (24:00 allowed as the end), or null. */
function minuteOfDay(text: string): number | null {
  const match = /^([01]\d|2[0-4]):([0-5]\d)$/.exec(text);
  if (!match) return null;
  const minutes = Number(match[1]) * 60 + Number(match[2]);
  return minutes <= 1440 ? minutes : null;
}

interface WindowArgs {
  centerId: string | null;
  from: Date;
  to: Date;
  timeZone: string;
  serviceStart: string;
  serviceEnd: string;
}

/** Checks a read's window and scope: a center the caller sees, or (no center) the whole bank. */
async function checkWindow(ctx: SubgraphContext, args: WindowArgs, action: string) {
  const problems: FieldProblem[] = [];
  if (args.centerId !== null && !isUuid(args.centerId))
    problems.push({ field: 'centerId', message: 'is not a UUID' });
  if (!(args.from.getTime() < args.to.getTime()))
    problems.push({ field: 'to', message: 'must be after from' });
  else if (args.to.getTime() - args.from.getTime() > MAX_WINDOW_DAYS * 86_400_000)
    problems.push({ field: 'to', message: `the window is at most ${MAX_WINDOW_DAYS} days` });
  if (!isTimeZone(args.timeZone))
    problems.push({ field: 'timeZone', message: 'must be an IANA time zone such as Asia/Shanghai' });
  const start = minuteOfDay(args.serviceStart);
  const end = minuteOfDay(args.serviceEnd);
  if (start === null) problems.push({ field: 'serviceStart', message: 'must be HH:MM' });
  if (end === null) problems.push({ field: 'serviceEnd', message: 'must be HH:MM' });
  else if (start !== null && end <= start)
    problems.push({ field: 'serviceEnd', message: 'must be after serviceStart' });
  if (problems.length) throw badUserInput(problems);
  if (args.centerId === null) await requireWholeScope(ctx, action);
  else (await ctx.scope()).requireCenter(args.centerId.toLowerCase(), action);
  const now = timelinessClock.now();
  return {
    now,
    centerId: args.centerId?.toLowerCase() ?? null,
    windows: serviceWindows(args.from, args.to, args.timeZone, start as number, end as number),
  };
}

@Resolver()
export class TimelinessResolver {
  @Query(() => [DataSourceFreshnessType], {
    description:
      "Each data source's timeliness for a center (its batches and those of every center) or, without one, the bank: lag and status now; batches, rejects, delivery slots in [from, to); interval completeness over service hours",
  })
  async dataFreshness(
    @Arg('centerId', () => ID, { nullable: true }) centerId: string | null,
    @Arg('from', () => DateTimeISOResolver) from: Date,
    @Arg('to', () => DateTimeISOResolver) to: Date,
    @Arg('kinds', () => [DataSourceKindEnum], { nullable: true }) kinds: DataSourceKind[] | null,
    @Arg('timeZone', () => String, { defaultValue: 'UTC' }) timeZone: string,
    @Arg('serviceStart', () => String, { defaultValue: '00:00', description: 'Local HH:MM' })
    serviceStart: string,
    @Arg('serviceEnd', () => String, { defaultValue: '24:00', description: 'Local HH:MM' })
    serviceEnd: string,
    @Ctx() ctx: SubgraphContext,
  ): Promise<SourceFreshness[]> {
    const checked = await checkWindow(
      ctx,
      { centerId: centerId ?? null, from, to, timeZone, serviceStart, serviceEnd },
      'read the data timeliness of this center',
    );
    return dataFreshness(ctx.em, {
      centerId: checked.centerId,
      from,
      to,
      now: checked.now,
      serviceWindows: checked.windows,
      kinds,
    });
  }

  @Query(() => SystemAvailabilityType, {
    description:
      'systemAvailability = 1 − incident minutes overlapping service hours / service minutes (hours past now are not counted yet)',
  })
  async systemAvailability(
    @Arg('centerId', () => ID, { nullable: true }) centerId: string | null,
    @Arg('from', () => DateTimeISOResolver) from: Date,
    @Arg('to', () => DateTimeISOResolver) to: Date,
    @Arg('channel', () => ChannelEnum, { nullable: true }) channel: string | null,
    @Arg('system', () => String, { nullable: true }) system: string | null,
    @Arg('timeZone', () => String, { defaultValue: 'UTC' }) timeZone: string,
    @Arg('serviceStart', () => String, { defaultValue: '00:00' }) serviceStart: string,
    @Arg('serviceEnd', () => String, { defaultValue: '24:00' }) serviceEnd: string,
    @Ctx() ctx: SubgraphContext,
  ): Promise<AvailabilityAnswer> {
    const checked = await checkWindow(
      ctx,
      { centerId: centerId ?? null, from, to, timeZone, serviceStart, serviceEnd },
      'read the system availability of this center',
    );
    const windows = checked.windows
      .filter((w) => w.start.getTime() < checked.now.getTime())
      .map((w) => ({ start: w.start, end: w.end.getTime() < checked.now.getTime() ? w.end : checked.now }));
    return availability(ctx.em, {
      centerId: checked.centerId,
      from,
      to,
      now: checked.now,
      channel,
      system,
      serviceWindows: windows,
    });
  }

  @Mutation(() => DataSourceRuleType, {
    description: "Sets a source's cadence and warn/error ages, for every center or one",
  })
  async configureDataSource(
    @Arg('input', () => DataSourceInput) input: DataSourceInput,
    @Ctx() ctx: SubgraphContext,
  ): Promise<DataSourceRuleType> {
    requireRole(ctx.identity, WRITERS.traffic, 'configureDataSource');
    const problems: FieldProblem[] = [];
    if (input.warnAfterMinutes < input.cadenceMinutes)
      problems.push({ field: 'warnAfterMinutes', message: 'must be at least cadenceMinutes' });
    if (input.errorAfterMinutes < input.warnAfterMinutes)
      problems.push({ field: 'errorAfterMinutes', message: 'must be at least warnAfterMinutes' });
    if (problems.length) throw badUserInput(problems);
    if (input.centerId)
      await ctx.requireReferences([{ kind: 'center', field: 'centerId', values: [input.centerId] }]);
    return Object.assign(new DataSourceRuleType(), await configureDataSource(ctx.em, input));
  }

  @Mutation(() => IngestBatchReportType, {
    description:
      "Records a batch another subgraph or system loaded (roster, LMS, QA, surveys, cases, schedules, forecasts), for its source's timeliness; idempotent by (kind, batchKey). traffic's writers, or the service owning the kind (its origin)",
  })
  async recordIngestBatch(
    @Arg('input', () => IngestBatchInput) input: IngestBatchInput,
    @Ctx() ctx: SubgraphContext,
  ): Promise<IngestBatchReportType> {
    // traffic's writers, or the service that owns the kind (service:<name>): the batch's origin
    const origin = requireIngestBatchRecorder(ctx.identity, input.kind);
    const problems: FieldProblem[] = [];
    if (input.rowsInserted + input.rowsRejected > input.rowsRead)
      problems.push({ field: 'rowsRead', message: 'must be at least rowsInserted + rowsRejected' });
    const now = timelinessClock.now();
    if (input.latestEventAt && input.latestEventAt.getTime() > now.getTime() + CLOCK_SKEW_MS)
      problems.push({ field: 'latestEventAt', message: 'is in the future' });
    if (problems.length) throw badUserInput(problems);
    if (input.centerId)
      await ctx.requireReferences([{ kind: 'center', field: 'centerId', values: [input.centerId] }]);
    const recorded = await recordIngestBatches(ctx.em, [
      {
        kind: input.kind,
        source: input.source,
        centerId: input.centerId?.toLowerCase() ?? null,
        batchKey: input.batchKey,
        rowsRead: input.rowsRead,
        rowsInserted: input.rowsInserted,
        rowsRejected: input.rowsRejected,
        latestEventAt: input.latestEventAt ?? null,
        receivedAt: now,
        origin,
      },
    ]);
    return Object.assign(new IngestBatchReportType(), { recorded: recorded === 1 });
  }

  @Mutation(() => SystemIncidentType, { description: 'Records a system incident (ended or still going on)' })
  async recordSystemIncident(
    @Arg('input', () => SystemIncidentInput) input: SystemIncidentInput,
    @Ctx() ctx: SubgraphContext,
  ): Promise<SystemIncident> {
    requireRole(ctx.identity, WRITERS.traffic, 'recordSystemIncident');
    if (input.endedAt && input.endedAt.getTime() <= input.startedAt.getTime())
      throw badUserInput({ field: 'endedAt', message: 'must be after startedAt' });
    if (input.centerId)
      await ctx.requireReferences([{ kind: 'center', field: 'centerId', values: [input.centerId] }]);
    return recordIncident(ctx.em, {
      system: input.system.trim(),
      channels: [...new Set(input.channels)],
      centerId: input.centerId?.toLowerCase() ?? null,
      startedAt: input.startedAt,
      endedAt: input.endedAt ?? null,
      severity: input.severity,
      cause: input.cause ?? null,
    });
  }

  @Mutation(() => SystemIncidentType, { description: 'Ends a system incident still going on' })
  async endSystemIncident(
    @Arg('id', () => ID) id: string,
    @Arg('endedAt', () => DateTimeISOResolver) endedAt: Date,
    @Ctx() ctx: SubgraphContext,
  ): Promise<SystemIncident> {
    requireRole(ctx.identity, WRITERS.traffic, 'endSystemIncident');
    if (!isUuid(id)) throw badUserInput({ field: 'id', message: 'is not a UUID' });
    const incident = await incidentById(ctx.em, id.toLowerCase());
    if (incident.endedAt) throw badUserInput({ field: 'id', message: 'the incident has already ended' });
    if (endedAt.getTime() <= incident.startedAt.getTime())
      throw badUserInput({ field: 'endedAt', message: 'must be after the incident started' });
    return endIncident(ctx.em, incident.id, endedAt);
  }
}
