import type { Logger } from '@switchboard/server';
import { fileImportRoute, requireWholeScope, type RouteHandler } from '@switchboard/subgraph-kit';
import { requireWfmWriter } from '../access/wfm-access';
import { VolumeImportService } from './volume-import.service';

/** POST /import/volumes?intervalMinutes=30&skipInvalidRows=true&dryRun=true (`switchboard import volumes`). */
export function volumeImportRoute({ logger }: { logger: Logger }): Record<string, RouteHandler> {
  return fileImportRoute(
    '/import/volumes',
    async (file, parameters, ctx) => {
      requireWfmWriter(ctx, 'importVolumes');
      await requireWholeScope(ctx, 'importVolumes');
      return new VolumeImportService(ctx.em, ctx).import(file, {
        intervalMinutes: Number(parameters.text('intervalMinutes') ?? 30),
        skipInvalidRows: parameters.flag('skipInvalidRows'),
        dryRun: parameters.flag('dryRun'),
      });
    },
    logger,
  );
}
