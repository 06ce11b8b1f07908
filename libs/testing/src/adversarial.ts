import fc from 'fast-check';
import type { MikroORM } from '@mikro-orm/postgresql';
import { postGraphQL, type GraphQLResponse } from './graphql-client';

/**
 * Values that no field should accept, by the kind of field, for property-based bad-input tests:
 * each generator yields only values the field must refuse, so a value that is accepted is a bug.
 */
const huge = fc.integer({ min: 10_001, max: 200_000 }).map((n) => 'x'.repeat(n));
const controlCharacters = fc.constantFrom('\u0000', 'a\u0000b', '\u0007bell');
const wrongScalar = fc.oneof(fc.boolean(), fc.constant({ nested: 'object' }), fc.constant([1, 2]));

export const invalid = {
  /** For any text field with a length cap: too long, control characters, or not a string. */
  text: fc.oneof(huge, controlCharacters, wrongScalar, fc.integer()),
  /** For required text: the above, plus empty and blank. */
  requiredText: fc.oneof(huge, controlCharacters, wrongScalar, fc.constantFrom('', '   ')),
  /** For a code (upper-case letters, digits, dashes): lower case, spaces, punctuation, injection. */
  code: fc.oneof(
    huge,
    controlCharacters,
    fc.constantFrom('lower-case', 'WITH SPACE', "X'; DROP TABLE agent; --", 'Ünïcödé', '😀', '', '-'),
  ),
  /** For a calendar date: impossible days, wrong shapes, out of range. */
  date: fc.constantFrom(
    '2026-02-30',
    '2026-13-01',
    '2026-1-5',
    '20260105',
    'yesterday',
    '',
    '0000-01-01',
    '99999-01-01',
  ),
  /** For an ISO timestamp. */
  timestamp: fc.constantFrom('2026-02-30T10:00:00Z', 'not a time', '', '10:00', '+275760-09-13T00:00:01Z'),
  /** For an id of a row that must exist: unknown, malformed. */
  reference: fc.oneof(fc.uuid({ version: 4 }), fc.constantFrom('not-a-uuid', '', "1' or '1'='1")),
  /** For a small bounded integer: negative, zero where not allowed, overflowing, not an integer. */
  smallInt: fc.oneof(
    fc.integer({ max: -1 }),
    fc.integer({ min: 1_000_000, max: 2_147_483_647 }),
    fc.constantFrom(2_147_483_648, 1e308, 1.5, '3'),
  ),
  /** For an enum: a value outside it. */
  enumValue: fc.constantFrom('NOT_A_VALUE', 'agent', '', 7),
  /** For a non-negative duration in seconds. */
  seconds: fc.oneof(
    fc.double({ max: -0.001, noNaN: true }),
    fc.constantFrom(1e308, 'ten', Number.MAX_SAFE_INTEGER),
  ),
};

export interface MutationCase {
  name: string;
  /** The mutation, with its variables. */
  document: string;
  /** A fresh valid set of variables (unique codes each call): the test checks it is accepted. */
  valid: () => Record<string, unknown> | Promise<Record<string, unknown>>;
  /** Variable paths ("input.displayName") and what to put there instead. */
  fields: Record<string, fc.Arbitrary<unknown>>;
  /**
   * For mutations that set bad records aside instead of failing (batch ingestion): the fields the
   * answer reports as refused. A refusal reported this way, naming the field, counts as clear.
   */
  reportedFields?: (data: Record<string, unknown>) => string[];
}

function withValueAt(
  variables: Record<string, unknown>,
  path: string,
  value: unknown,
): Record<string, unknown> {
  const copy = structuredClone(variables);
  const keys = path.split('.');
  let target = copy as Record<string, unknown>;
  for (const key of keys.slice(0, -1)) target = target[key] as Record<string, unknown>;
  target[keys[keys.length - 1]] = value;
  return copy;
}

/**
 * Every row of every table of the subgraph's database, as one fingerprint (a partitioned table's
 * rows once, through it: its partitions are not the service role's to read).
 */
export async function databaseFingerprint(orm: MikroORM): Promise<string> {
  const connection = orm.em.getConnection();
  const tables = await connection.execute<{ name: string }[]>(
    `select quote_ident(c.relname) as name from pg_class c
      where c.relnamespace = 'public'::regnamespace and c.relkind in ('r', 'p') and not c.relispartition
        and c.relname not like 'mikro_orm%' order by c.relname`,
  );
  if (!tables.length) return '';
  const parts = tables.map(
    ({ name }) =>
      `select '${name}' as t, count(*)::text as n, coalesce(md5(string_agg(x::text, '|' order by x::text)), '') as h from ${name} x`,
  );
  const rows = await connection.execute<{ t: string; n: string; h: string }[]>(parts.join(' union all '));
  return rows.map((row) => `${row.t}:${row.n}:${row.h}`).join(',');
}

const CLEAR_CODES = new Set(['BAD_USER_INPUT', 'NOT_FOUND', 'CONFLICT', 'GRAPHQL_VALIDATION_FAILED']);

/**
 * The property: for each field of each mutation, an invalid value gets an error with a clear code
 * whose message names the field, never HTTP 500, and the database is exactly as before.
 */
export async function checkBadInputs(
  url: string,
  orm: MikroORM,
  mutation: MutationCase,
  runs = 20,
): Promise<void> {
  const paths = Object.keys(mutation.fields);
  await fc.assert(
    fc.asyncProperty(
      fc.constantFrom(...paths).chain((path) => fc.tuple(fc.constant(path), mutation.fields[path])),
      async ([path, value]) => {
        const variables = withValueAt(await mutation.valid(), path, value);
        const before = await databaseFingerprint(orm);
        const response: GraphQLResponse = await postGraphQL(url, mutation.document, variables);
        // the field an element of a list belongs to ("employeeNos" for target.employeeNos.0)
        const field = path
          .split('.')
          .filter((key) => !/^\d+$/.test(key))
          .at(-1) as string;
        const error = response.errors?.[0];
        const problem =
          response.status >= 500
            ? `HTTP ${response.status}`
            : !error
              ? mutation.reportedFields?.(response.data ?? {}).includes(field)
                ? (await databaseFingerprint(orm)) !== before
                  ? 'the database changed'
                  : null
                : `accepted: ${JSON.stringify(response.data).slice(0, 300)}`
              : !CLEAR_CODES.has(String(error.extensions?.code))
                ? `code ${String(error.extensions?.code)}`
                : !error.message.includes(field)
                  ? `message does not name ${field}: ${error.message.slice(0, 200)}`
                  : (await databaseFingerprint(orm)) !== before
                    ? 'the database changed'
                    : null;
        if (problem)
          throw new Error(
            `${mutation.name} with ${path} = ${JSON.stringify(value)?.slice(0, 80)}: ${problem}`,
          );
      },
    ),
    // A fixed seed keeps CI repeatable; FAST_CHECK_SEED=<n> explores other cases (any failure prints its seed).
    { numRuns: runs, seed: Number(process.env.FAST_CHECK_SEED ?? 20_261_123) },
  );
}

/**
 * The two Jest tests every subgraph's bad-input spec has: the valid form of each case is accepted
 * (so each refusal is about the one bad field), then each case's property with `runs` runs.
 */
export function badInputProperties(
  subgraph: () => { url: string; orm: MikroORM },
  cases: () => MutationCase[],
  runs: number,
): void {
  it('accepts the valid form of every case (so each refusal below is about the one bad field)', async () => {
    for (const mutation of cases()) {
      const response = await postGraphQL(subgraph().url, mutation.document, await mutation.valid());
      expect({ mutation: mutation.name, errors: response.errors }).toEqual({
        mutation: mutation.name,
        errors: undefined,
      });
    }
  });

  it.each(cases().map((mutation) => [mutation.name, mutation] as const))(
    '%s',
    async (_name, mutation) => {
      await checkBadInputs(subgraph().url, subgraph().orm, mutation, runs);
    },
    180_000, // each run writes and reads the whole database twice: slow on a loaded machine
  );
}
