import type { Logger } from '@switchboard/server';
import { reportImportBatch, type ImportRunFacts } from '@switchboard/subgraph-kit';

/*
 * wfm's imports as deliveries to traffic's data timeliness (schedules and outside forecasts, bank-wide
 * batches): reported when a run that could write has finished, as of the import (a schedule or a
 * forecast is about days to come, so its latest event is when it was loaded).
 */

export function reportScheduleBatch(run: ImportRunFacts, logger: Logger): Promise<unknown> {
  return reportImportBatch(
    { service: 'wfm', kind: 'SCHEDULES', source: 'schedules', latestEventAt: new Date() },
    run,
    logger,
  );
}

export function reportForecastBatch(run: ImportRunFacts, logger: Logger): Promise<unknown> {
  return reportImportBatch(
    { service: 'wfm', kind: 'FORECASTS', source: 'forecast', latestEventAt: new Date() },
    run,
    logger,
  );
}
