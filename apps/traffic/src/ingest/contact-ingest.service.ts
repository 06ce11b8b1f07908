import type { EntityManager } from '@mikro-orm/postgresql';
import type { ContactRecord, RejectedRecord } from '../contact/contact-record';
import { validateContact } from '../contact/contact-validation';
import { writeContactBatch } from './contact-writer';
import { careSegmentSource, ImportSegments, type SegmentSource } from './customer-segments';
import { inPgTransaction } from './pg-client';
import { RollUpBehind } from './roll-up-behind';

export const INGEST_BATCH_SIZE = 20_000;

export interface IngestReport {
  received: number;
  inserted: number;
  duplicates: number;
  rejected: number;
  /** Contacts with a customer key in batches care did not answer for (stored without a segment; duplicates included). */
  unsegmented: number;
  problems: RejectedRecord[];
}

export interface IngestOptions {
  /**
   * Answer once the rollups count the stored contacts (default). A file import says false for each
   * batch, so the next one is written while this one is rolled up, and waits for `rolledUp()` at the end.
   */
  rolledUp?: boolean;
}

/**
 * Validates records (bad ones set aside with reasons) and stores the rest, a batch per transaction;
 * each committed batch is then rolled up on a second connection (RollUpBehind).
 */
export class ContactIngestService {
  /** Queue code -> id, kept across the batches of one import. */
  private readonly queues = new Map<string, string>();
  private readonly rollUps: RollUpBehind;
  private readonly segments: ImportSegments;

  constructor(
    private readonly em: EntityManager,
    /** Care's customer segments, asked once per batch (the demo seed brings its own). */
    segmentSource: SegmentSource = careSegmentSource,
  ) {
    this.rollUps = new RollUpBehind(em);
    this.segments = new ImportSegments(segmentSource);
  }

  /** Resolves once every contact stored so far is in the rollups. */
  rolledUp(): Promise<void> {
    return this.rollUps.caughtUp();
  }

  async ingest(
    records: { record: ContactRecord; line: number }[],
    problems: RejectedRecord[] = [],
    options: IngestOptions = {},
  ): Promise<IngestReport> {
    const valid: ContactRecord[] = [];
    const allProblems = [...problems];
    for (const { record, line } of records) {
      const own = validateContact(record, line);
      if (own.length) allProblems.push(...own);
      else valid.push(record);
    }
    let inserted = 0;
    let unsegmented = 0;
    for (let start = 0; start < valid.length; start += INGEST_BATCH_SIZE) {
      const batch = valid.slice(start, start + INGEST_BATCH_SIZE);
      // asked before the transaction: no lock is held while care answers
      const segments = await this.segments.ofBatch(batch.map((r) => r.customerKey));
      try {
        const stored = await inPgTransaction(this.em, (client) =>
          writeContactBatch(client, batch, this.queues, segments.segmentOf),
        );
        inserted += stored.inserted;
        unsegmented += segments.unknown;
      } catch (error) {
        this.queues.clear(); // queues created by the rolled-back batch do not exist
        throw error;
      }
      this.rollUps.request();
    }
    if (options.rolledUp ?? true) await this.rolledUp();
    const rejectedLines = new Set(allProblems.map((p) => p.line));
    return {
      received: records.length + new Set(problems.map((p) => p.line)).size,
      inserted,
      duplicates: valid.length - inserted,
      rejected: rejectedLines.size,
      unsegmented,
      problems: allProblems.sort((a, b) => a.line - b.line),
    };
  }
}
