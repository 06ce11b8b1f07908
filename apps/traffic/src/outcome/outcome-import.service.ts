import type { EntityManager } from '@mikro-orm/postgresql';
import type { RowProblem } from '@switchboard/subgraph-kit';
import { inPgTransaction } from '../ingest/pg-client';
import { applyOutcomeDeltas } from './outcome-delta';
import { problem, type OutcomeRow } from './outcome-file';

interface CodeVersion {
  code: string;
  version: number;
  valid_from: string;
  valid_to: string | null;
  requires_amount: boolean;
  requires_product: boolean;
}

export interface OutcomeImportReport {
  read: number;
  inserted: number;
  duplicates: number;
  /** Of the inserted, outcomes whose contact is not imported yet: held, counted when it arrives. */
  held: number;
  rejected: number;
  problems: RowProblem[];
}

/** Placeholders of a knex IN list (`null` for none: matches nothing). */
const inList = (values: readonly string[]): string =>
  values.length ? values.map(() => '?').join(', ') : 'null';

/** The version of `code` valid on the UTC date of `at`, among `versions`. */
function versionOn(versions: readonly CodeVersion[], at: Date): CodeVersion | undefined {
  const day = at.toISOString().slice(0, 10);
  return versions.find((v) => v.valid_from <= day && (v.valid_to === null || day < v.valid_to));
}

/**
 * Imports outcomes: every row is checked against the code list and the products (each bad row is
 * reported with its line and field, and none of it written); the good rows are inserted, idempotent
 * by (source, external_id, seq), and those whose contact is already in the rollups are added to them
 * in the same transaction. Outcomes of contacts not imported yet are held: the roll-up of their
 * contact counts them, so either import order gives the same numbers.
 */
export class OutcomeImportService {
  constructor(private readonly em: EntityManager) {}

  async import(rows: readonly OutcomeRow[]): Promise<Omit<OutcomeImportReport, 'read'>> {
    const codes = [...new Set(rows.map((r) => r.code))];
    const products = [...new Set(rows.flatMap((r) => (r.productCode ? [r.productCode] : [])))];
    const [versions, known] = await Promise.all([
      this.em.execute<CodeVersion[]>(
        `select code, version, valid_from::text, valid_to::text, requires_amount, requires_product
         from disposition_code where code in (${inList(codes)}) order by code, version`,
        codes,
      ),
      this.em.execute<{ code: string }[]>(
        `select code from product where code in (${inList(products)})`,
        products,
      ),
    ]);
    const byCode = new Map<string, CodeVersion[]>();
    for (const v of versions) byCode.set(v.code, [...(byCode.get(v.code) ?? []), v]);
    const knownProducts = new Set(known.map((p) => p.code));
    const problems: RowProblem[] = [];
    const good: (OutcomeRow & { version: number })[] = [];
    const seen = new Set<string>();
    for (const row of rows) {
      const of = byCode.get(row.code);
      const version = of && versionOn(of, row.recordedAt);
      const key = `${row.source}\u0000${row.externalId}\u0000${row.seq}`;
      if (!of) problems.push(problem(row.row, 'code', `"${row.code}" is not a disposition code`));
      else if (!version)
        problems.push(
          problem(
            row.row,
            'code',
            `"${row.code}" is not valid on ${row.recordedAt.toISOString().slice(0, 10)}`,
          ),
        );
      else if (version.requires_amount && row.amount === null)
        problems.push(problem(row.row, 'amount', `is required for code "${row.code}"`));
      else if (version.requires_product && row.productCode === null)
        problems.push(problem(row.row, 'product_code', `is required for code "${row.code}"`));
      else if (row.productCode !== null && !knownProducts.has(row.productCode))
        problems.push(problem(row.row, 'product_code', `"${row.productCode}" is not a product`));
      else if (seen.has(key))
        problems.push(
          problem(row.row, 'seq', `repeats outcome ${row.seq} of ${row.source}/${row.externalId}`),
        );
      else {
        seen.add(key);
        good.push({ ...row, version: version.version });
      }
    }
    const { inserted, held } = good.length ? await this.write(good) : { inserted: 0, held: 0 };
    return { inserted, duplicates: good.length - inserted, held, rejected: problems.length, problems };
  }

  /** One transaction: the rows in one statement (unnest), then the rollups of contacts already in them. */
  private write(
    rows: readonly (OutcomeRow & { version: number })[],
  ): Promise<{ inserted: number; held: number }> {
    return inPgTransaction(this.em, async (client) => {
      // Roll-ups take turns on the watermark: held, no contact moves into the rollups meanwhile, so
      // each new outcome is counted exactly once (here, or by its contact's roll-up later).
      const watermark = await client.query<{ last: string }>(
        'select last_contact_id::text as last from rollup_watermark where id = 1 for update',
      );
      const column = <T>(pick: (r: OutcomeRow & { version: number }) => T): T[] => rows.map(pick);
      const inserted = await client.query<{ source: string; external_id: string; seq: number }>(
        `insert into contact_outcome (source, external_id, seq, code, code_version, product_code, amount, currency,
           offer_made, eligible, recorded_by, recorded_at)
         select * from unnest($1::text[], $2::text[], $3::smallint[], $4::text[], $5::int[], $6::text[],
           $7::numeric[], $8::char(3)[], $9::boolean[], $10::boolean[], $11::text[], $12::timestamptz[])
         on conflict (source, external_id, seq) do nothing
         returning source, external_id, seq`,
        [
          column((r) => r.source),
          column((r) => r.externalId),
          column((r) => r.seq),
          column((r) => r.code),
          column((r) => r.version),
          column((r) => r.productCode),
          column((r) => r.amount),
          column((r) => r.currency),
          column((r) => r.offerMade),
          column((r) => r.eligible),
          column((r) => r.recordedBy),
          column((r) => r.recordedAt.toISOString()),
        ],
      );
      const held = inserted.rows.length
        ? await applyOutcomeDeltas(client, inserted.rows, watermark.rows[0].last)
        : 0;
      return { inserted: inserted.rows.length, held };
    });
  }
}
