import type { Logger } from '@switchboard/server';
import { latestEventTime, reportImportBatch, type ImportRunFacts } from '@switchboard/subgraph-kit';
import type { SurveyRow } from './survey-import.service';

/**
 * A survey import's delivery to traffic's data timeliness: of its center, as of the latest answer
 * (or invitation sent) among the rows it accepted.
 */
export function reportSurveyBatch(
  centerId: string,
  rows: readonly Pick<SurveyRow, 'row' | 'answeredAt' | 'sentAt'>[],
  run: ImportRunFacts,
  logger: Logger,
): Promise<unknown> {
  const rejected = new Set(run.problems.map((p) => p.row));
  const accepted = rows.filter((r) => !rejected.has(r.row));
  return reportImportBatch(
    {
      service: 'voc',
      kind: 'SURVEYS',
      source: 'surveys',
      centerId: centerId.toLowerCase(),
      latestEventAt: latestEventTime(accepted.map((r) => r.answeredAt ?? r.sentAt)),
    },
    run,
    logger,
  );
}
