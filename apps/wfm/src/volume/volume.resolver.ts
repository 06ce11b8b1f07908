import { isUuid, requireWholeScope, type SubgraphContext } from '@switchboard/subgraph-kit';
import { badUserInput, type FieldProblem } from '@switchboard/server';
import { DateTimeISOResolver } from 'graphql-scalars';
import { Arg, Ctx, ID, Int, Mutation, Resolver } from 'type-graphql';
import { requireWfmWriter } from '../access/wfm-access';
import { ScheduleImportOptions } from '../schedule/schedule-import.type';
import { fetchTrafficVolumes } from './traffic-volumes';
import { VolumeImportService, writeTrafficVolumes } from './volume-import.service';
import { VolumeImportReportType } from './volume-import.type';
import { ForecastImportService } from '../forecast/forecast-import.service';
import { reportForecastBatch } from '../wfm-import-batches';
import { ForecastImportReportType } from '../forecast/forecast-import.type';

@Resolver()
export class VolumeResolver {
  @Mutation(() => VolumeImportReportType, {
    description:
      'Imports interval history (queue id, channel, interval_start, offered, aht) from another WFM tool; all or nothing unless skipInvalidRows; re-importing changes nothing. Queues are bank-wide: an administrator imports. Large files: POST /import/volumes (switchboard import volumes)',
  })
  async importVolumes(
    @Arg('csv', () => String) csv: string,
    @Arg('intervalMinutes', () => Int, { defaultValue: 30 }) intervalMinutes: number,
    @Arg('options', () => ScheduleImportOptions, { nullable: true }) options: ScheduleImportOptions | null,
    @Ctx() ctx: SubgraphContext,
  ): Promise<VolumeImportReportType> {
    requireWfmWriter(ctx, 'importVolumes');
    await requireWholeScope(ctx, 'importVolumes');
    return new VolumeImportService(ctx.em, ctx).import(csv, {
      intervalMinutes,
      skipInvalidRows: options?.skipInvalidRows ?? false,
      dryRun: options?.dryRun ?? false,
    });
  }

  @Mutation(() => ForecastImportReportType, {
    description:
      'Imports the forecasts a bank made in another WFM tool (queue id, channel, interval_start, offered, optional aht, p10, p90, source) as forecast runs of method EXTERNAL, one per queue and source, which forecastBacktest measures next to ours; all or nothing unless skipInvalidRows; re-importing keeps nothing new. An administrator imports (queues are bank-wide). Large files: POST /import/forecast (switchboard import forecast)',
  })
  async importForecast(
    @Arg('csv', () => String) csv: string,
    @Arg('intervalMinutes', () => Int, { defaultValue: 30 }) intervalMinutes: number,
    @Arg('timeZone', () => String, { defaultValue: 'UTC', description: "The days of the runs' from and to" })
    timeZone: string,
    @Arg('options', () => ScheduleImportOptions, { nullable: true }) options: ScheduleImportOptions | null,
    @Ctx() ctx: SubgraphContext,
  ): Promise<ForecastImportReportType> {
    requireWfmWriter(ctx, 'importForecast');
    await requireWholeScope(ctx, 'importForecast');
    const dryRun = options?.dryRun ?? false;
    const report = await new ForecastImportService(ctx.em, ctx).import(csv, {
      intervalMinutes,
      timeZone,
      skipInvalidRows: options?.skipInvalidRows ?? false,
      dryRun,
    });
    if (!dryRun) await reportForecastBatch(report, ctx.logger);
    return report;
  }

  @Mutation(() => Int, {
    description:
      "Reads queues' interval volumes (offered, AHT per channel) from traffic's rollups through the gateway into the forecasts' history, [from, to) at most 92 days; answers the intervals written. An administrator's (queues are bank-wide)",
  })
  async syncVolumesFromTraffic(
    @Arg('queueIds', () => [ID]) queueIds: string[],
    @Arg('from', () => DateTimeISOResolver) from: Date,
    @Arg('to', () => DateTimeISOResolver) to: Date,
    @Arg('intervalMinutes', () => Int, { defaultValue: 30 }) intervalMinutes: number,
    @Ctx() ctx: SubgraphContext,
  ): Promise<number> {
    requireWfmWriter(ctx, 'syncVolumesFromTraffic');
    await requireWholeScope(ctx, 'syncVolumesFromTraffic');
    const problems: FieldProblem[] = [];
    const bad = queueIds.findIndex((q) => !isUuid(q));
    if (!queueIds.length || queueIds.length > 200)
      problems.push({ field: 'queueIds', message: 'must name 1 to 200 queues' });
    else if (bad >= 0) problems.push({ field: `queueIds[${bad}]`, message: 'must be a queue id' });
    if (![15, 30, 60].includes(intervalMinutes))
      problems.push({ field: 'intervalMinutes', message: "must be 15, 30 or 60 (traffic's rollups)" });
    if (to <= from) problems.push({ field: 'to', message: 'must be after from' });
    else if (to.getTime() - from.getTime() > 92 * 86_400_000)
      problems.push({ field: 'to', message: 'the period is at most 92 days' });
    else if (
      from.getTime() % (intervalMinutes * 60_000) !== 0 ||
      to.getTime() % (intervalMinutes * 60_000) !== 0
    )
      problems.push({
        field: 'from',
        message: `from and to must be on ${intervalMinutes}-minute boundaries`,
      });
    if (problems.length) throw badUserInput(problems);
    await ctx.requireReferences([{ kind: 'queue', field: 'queueIds', values: queueIds }]);
    const rows = await fetchTrafficVolumes(queueIds, from, to, intervalMinutes as 15 | 30 | 60);
    return writeTrafficVolumes(ctx.em, intervalMinutes, rows);
  }
}
