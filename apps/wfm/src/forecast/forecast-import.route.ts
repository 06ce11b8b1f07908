import type { Logger } from '@switchboard/server';
import { fileImportRoute, requireWholeScope, type RouteHandler } from '@switchboard/subgraph-kit';
import { requireWfmWriter } from '../access/wfm-access';
import { reportForecastBatch } from '../wfm-import-batches';
import { ForecastImportService } from './forecast-import.service';

/** POST /import/forecast?intervalMinutes=30&timeZone=UTC&skipInvalidRows=true&dryRun=true (`switchboard import forecast`). */
export function forecastImportRoute({ logger }: { logger: Logger }): Record<string, RouteHandler> {
  return fileImportRoute(
    '/import/forecast',
    async (file, parameters, ctx) => {
      requireWfmWriter(ctx, 'importForecast');
      await requireWholeScope(ctx, 'importForecast');
      const dryRun = parameters.flag('dryRun');
      const report = await new ForecastImportService(ctx.em, ctx).import(file, {
        intervalMinutes: Number(parameters.text('intervalMinutes') ?? 30),
        timeZone: parameters.text('timeZone') ?? 'UTC',
        skipInvalidRows: parameters.flag('skipInvalidRows'),
        dryRun,
      });
      if (!dryRun) await reportForecastBatch(report, logger);
      return report;
    },
    logger,
  );
}
