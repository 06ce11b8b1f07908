import type { Logger } from '@switchboard/server';
import { fileImportRoute, reportImportBatch, type RouteHandler } from '@switchboard/subgraph-kit';
import { requireStaffWriter } from '../access/staff-access';
import { RosterService, type RosterImportResult } from './roster.service';

/** The roster's delivery to traffic's data timeliness (as of the import: an HR export is a snapshot). */
export function reportRosterBatch(report: RosterImportResult, logger: Logger): Promise<unknown> {
  return reportImportBatch(
    { service: 'staff', kind: 'ROSTER', source: 'roster', latestEventAt: new Date() },
    report,
    logger,
  );
}

/**
 * POST /import/roster?skipInvalidRows=true&dryRun=true: the roster file streamed (no request size
 * limit, unlike the importRoster mutation's), the same checks and all-or-nothing rule, the report
 * as NDJSON events (`switchboard import roster`).
 */
export function rosterImportRoute({ logger }: { logger: Logger }): Record<string, RouteHandler> {
  return fileImportRoute(
    '/import/roster',
    async (file, parameters, ctx) => {
      requireStaffWriter(ctx, 'importRoster');
      const options = {
        skipInvalidRows: parameters.flag('skipInvalidRows'),
        dryRun: parameters.flag('dryRun'),
      };
      const report = await new RosterService(ctx.em).import(file, { ...options, scope: await ctx.scope() });
      if (!options.dryRun) await reportRosterBatch(report, logger);
      return report;
    },
    logger,
  );
}
