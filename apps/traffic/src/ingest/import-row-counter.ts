import { importRows } from '@switchboard/server';
import type { ImportTotals } from './file-import';

const OUTCOMES = [
  ['read', 'read'],
  ['inserted', 'inserted'],
  ['duplicates', 'duplicate'],
  ['rejected', 'rejected'],
] as const;

/**
 * Counts an import's rows into `switchboard_import_rows_total` as its running totals grow, so a
 * long import shows up batch by batch and a killed one still counts what it got through.
 */
export class ImportRowCounter {
  private readonly counted = { read: 0, inserted: 0, duplicates: 0, rejected: 0 };

  constructor(private readonly importName: string) {}

  /** Adds what `totals` holds beyond the last call's. */
  update(totals: Omit<ImportTotals, 'agentStates'>): void {
    for (const [field, outcome] of OUTCOMES) {
      const added = totals[field] - this.counted[field];
      if (added > 0) importRows.inc({ service: 'traffic', import: this.importName, outcome }, added);
      this.counted[field] = totals[field];
    }
  }
}
