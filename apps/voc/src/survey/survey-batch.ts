import type { Logger } from '@switchboard/server';
import { latestEventTime, reportImportBatch, type ImportRunFacts } from '@switchboard/subgraph-kit';
import type { SurveyRow } from './survey-import.service';

/**
 * A survey import's delivery to traffic's data timeliness: of its center, as of the latest answer
 * (or invitation sent) in it.
 */
export function reportSurveyBatch(
  centerId: string,
  rows: readonly Pick<SurveyRow, 'answeredAt' | 'sentAt'>[],
  run: ImportRunFacts,
  logger: Logger,
): Promise<unknown> {
  return reportImportBatch(
    {
      service: 'voc',
      kind: 'SURVEYS',
      source: 'surveys',
      centerId: centerId.toLowerCase(),
      latestEventAt: latestEventTime(rows.map((r) => r.answeredAt ?? r.sentAt)),
    },
    run,
    logger,
  );
}
