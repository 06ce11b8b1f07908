import { badUserInput, type Logger } from '@switchboard/server';
import { fileImportRoute, isUuid, type RouteHandler } from '@switchboard/subgraph-kit';
import { reportSurveyBatch } from './survey-batch';
import { requireSurveyFormCenter, requireVocWriter } from '../access/voc-access';
import { readSurveyCsv, readSurveyNdjson } from './survey-file';
import { SurveyImportService } from './survey-import.service';

/**
 * POST /import/surveys?center=ID&format=csv|ndjson: a survey platform's export streamed (the
 * columns of survey-file.ts), the same checks as the importSurveys mutation, idempotent by
 * invitation id; the valid rows are written, every bad row reported as a `rejected` event with its
 * line and reason (`switchboard import surveys`).
 */
export function surveyImportRoute({ logger }: { logger: Logger }): Record<string, RouteHandler> {
  return fileImportRoute(
    '/import/surveys',
    async (file, parameters, ctx) => {
      requireVocWriter(ctx, 'importSurveys');
      const center = parameters.text('center') ?? '';
      if (!isUuid(center)) throw badUserInput({ field: 'center', message: 'must be a center id' });
      await requireSurveyFormCenter(ctx, center, 'importSurveys');
      const format = parameters.text('format') ?? 'csv';
      if (format !== 'csv' && format !== 'ndjson')
        throw badUserInput({ field: 'format', message: 'must be csv or ndjson' });
      const parsed = format === 'csv' ? await readSurveyCsv(file) : await readSurveyNdjson(file);
      const report = await new SurveyImportService(ctx.em).import(center, parsed.rows);
      const problems = [...parsed.problems, ...report.problems].sort((a, b) => a.row - b.row);
      await reportSurveyBatch(center, parsed.rows, { read: parsed.read, problems }, logger);
      return { ...report, read: parsed.read, rejected: problems.length, problems };
    },
    logger,
  );
}
