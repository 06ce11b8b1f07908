import type { Logger } from '@switchboard/server';
import { fileImportRoute, type RouteHandler } from '@switchboard/subgraph-kit';
import { requireWfmWriter } from '../access/wfm-access';
import { reportScheduleBatch } from '../wfm-import-batches';
import { ScheduleImportService } from './schedule-import.service';

/**
 * POST /import/schedules?timeZone=IANA&skipInvalidRows=true&dryRun=true: a schedule export streamed
 * (no request size limit, unlike the importSchedules mutation's), the same checks and all-or-nothing
 * rule, the report as NDJSON events (`switchboard import schedules`).
 */
export function scheduleImportRoute({ logger }: { logger: Logger }): Record<string, RouteHandler> {
  return fileImportRoute(
    '/import/schedules',
    async (file, parameters, ctx) => {
      requireWfmWriter(ctx, 'importSchedules');
      const dryRun = parameters.flag('dryRun');
      const report = await new ScheduleImportService(ctx.em, ctx).import(file, {
        timeZone: parameters.text('timeZone') ?? 'UTC',
        skipInvalidRows: parameters.flag('skipInvalidRows'),
        dryRun,
        scope: await ctx.scope(),
        createdBy: ctx.identity.subject,
      });
      if (!dryRun) await reportScheduleBatch(report, logger);
      return report;
    },
    logger,
  );
}
