import { badUserInput, type Logger } from '@switchboard/server';
import {
  fileImportRoute,
  reportImportBatch,
  type ImportRunFacts,
  type RouteHandler,
} from '@switchboard/subgraph-kit';
import { requireTrainingWriter } from '../access/training-access';
import { LMS_SOURCE_MESSAGE, LMS_SOURCE_PATTERN } from './lms-csv';
import { LmsImportService } from './lms-import.service';

/** An LMS export's delivery to traffic's data timeliness, under its source's name. */
export function reportLmsBatch(source: string, report: ImportRunFacts, logger: Logger): Promise<unknown> {
  return reportImportBatch(
    { service: 'training', kind: 'LMS', source, latestEventAt: new Date() },
    report,
    logger,
  );
}

/**
 * POST /import/lms?source=NAME&skipInvalidRows=true&dryRun=true: an LMS export streamed (no request
 * size limit, unlike the importExamResults mutation's), the same checks and all-or-nothing rule, the
 * report as NDJSON events (`switchboard import lms`).
 */
export function lmsImportRoute({ logger }: { logger: Logger }): Record<string, RouteHandler> {
  return fileImportRoute(
    '/import/lms',
    async (file, parameters, ctx) => {
      requireTrainingWriter(ctx, 'importExamResults');
      const source = parameters.text('source') ?? 'LMS';
      if (!LMS_SOURCE_PATTERN.test(source))
        throw badUserInput({ field: 'source', message: LMS_SOURCE_MESSAGE });
      const options = {
        skipInvalidRows: parameters.flag('skipInvalidRows'),
        dryRun: parameters.flag('dryRun'),
      };
      const report = await new LmsImportService(ctx.em).import(file, source, {
        ...options,
        scope: await ctx.scope(),
      });
      if (!options.dryRun) await reportLmsBatch(source, report, logger);
      return report;
    },
    logger,
  );
}
