import { badUserInput, type Logger } from '@switchboard/server';
import {
  fileImportRoute,
  latestEventTime,
  reportImportBatch,
  type RouteHandler,
  type RowProblem,
} from '@switchboard/subgraph-kit';
import { requireCareWriter } from '../access/care-access';
import { careNow } from '../care-services';
import { readCaseBatches } from './case-file';
import { CaseImportService } from './case-import.service';

/** Rows a batch: the contacts of a batch are asked of traffic together. */
export const CASE_IMPORT_BATCH = 200;

/**
 * POST /import/cases?format=csv|ndjson: a CRM export's cases with their linked contacts and at most
 * one commitment each (the columns of case-file.ts), read and written a batch at a time, idempotent
 * by (crm_source, crm_case_id); every bad row is a `rejected` event with its line and column
 * (`switchboard import cases`). care's writers, in the centers they see.
 */
export function caseImportRoute({ logger }: { logger: Logger }): Record<string, RouteHandler> {
  return fileImportRoute(
    '/import/cases',
    async (file, parameters, ctx) => {
      requireCareWriter(ctx, 'importing cases');
      const format = parameters.text('format') ?? 'csv';
      if (format !== 'csv' && format !== 'ndjson')
        throw badUserInput({ field: 'format', message: 'must be csv or ndjson' });
      const service = new CaseImportService(ctx);
      const problems: RowProblem[] = [];
      const counts = { read: 0, inserted: 0, unchanged: 0, commitments: 0 };
      let latest: Date | null = null;
      for await (const batch of readCaseBatches(file, format, CASE_IMPORT_BATCH, careNow())) {
        counts.read += batch.read;
        problems.push(...batch.problems);
        latest = latestEventTime([latest, ...batch.rows.map((r) => r.statusAt)]);
        const done = await service.importBatch(batch.rows);
        counts.inserted += done.inserted;
        counts.unchanged += done.unchanged;
        counts.commitments += done.commitments;
        problems.push(...done.problems);
      }
      if (counts.read === 0) throw badUserInput({ field: 'file', message: 'has no data rows' });
      problems.sort((a, b) => a.row - b.row);
      // the delivery, for traffic's data timeliness: as of the latest case in it
      await reportImportBatch(
        { service: 'care', kind: 'CASES', source: 'crm', latestEventAt: latestEventTime([latest]) },
        { read: counts.read, problems },
        logger,
      );
      return { ...counts, rejected: problems.length, problems };
    },
    logger,
  );
}
