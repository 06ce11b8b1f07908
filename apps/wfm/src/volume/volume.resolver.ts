import { requireWholeScope, type SubgraphContext } from '@switchboard/subgraph-kit';
import { Arg, Ctx, Int, Mutation, Resolver } from 'type-graphql';
import { requireWfmWriter } from '../access/wfm-access';
import { ScheduleImportOptions } from '../schedule/schedule-import.type';
import { VolumeImportService } from './volume-import.service';
import { VolumeImportReportType } from './volume-import.type';

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
}
