import { requireRole, WRITERS } from '@switchboard/auth';
import { badUserInput, type Logger } from '@switchboard/server';
import { fileImportRoute, latestEventTime, type RouteHandler } from '@switchboard/subgraph-kit';
import { recordOutcomeBatch } from '../timeliness/import-batches';
import { readOutcomeCsv, readOutcomeNdjson } from './outcome-file';
import { OutcomeImportService } from './outcome-import.service';

/**
 * POST /import/outcomes?format=csv|ndjson: contact outcomes (the columns of outcome-file.ts),
 * idempotent by (source, external_id, seq); the valid rows are written, every bad row reported as a
 * `rejected` event with its line and field (`switchboard import outcomes`). The contacts' writers.
 */
export function outcomeImportRoute({ logger }: { logger: Logger }): Record<string, RouteHandler> {
  return fileImportRoute(
    '/import/outcomes',
    async (file, parameters, ctx) => {
      requireRole(ctx.identity, WRITERS.traffic, 'importing outcomes');
      const format = parameters.text('format') ?? 'csv';
      if (format !== 'csv' && format !== 'ndjson')
        throw badUserInput({ field: 'format', message: 'must be csv or ndjson' });
      const parsed = format === 'csv' ? await readOutcomeCsv(file) : await readOutcomeNdjson(file);
      const report = await new OutcomeImportService(ctx.em).import(parsed.rows);
      const problems = [...parsed.problems, ...report.problems].sort((a, b) => a.row - b.row);
      const rejectedRows = new Set(problems.map((p) => p.row));
      const latest = latestEventTime(
        parsed.rows.filter((r) => !rejectedRows.has(r.row)).map((r) => r.recordedAt),
      );
      await recordOutcomeBatch(ctx.em, 'outcomes', { read: parsed.read, problems }, latest);
      return { ...report, read: parsed.read, rejected: problems.length, problems };
    },
    logger,
  );
}
