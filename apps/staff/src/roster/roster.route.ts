import type { Logger } from '@switchboard/server';
import { fileImportRoute, type RouteHandler } from '@switchboard/subgraph-kit';
import { requireStaffWriter } from '../access/staff-access';
import { RosterService } from './roster.service';

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
      return new RosterService(ctx.em).import(file, { ...options, scope: await ctx.scope() });
    },
    logger,
  );
}
