import { badUserInput, type FieldProblem } from '@switchboard/server';
import { queryGateway } from './gateway-client';

/**
 * Records a write may name that another subgraph owns. A subgraph never reads another's tables:
 * it asks the owner, through the gateway, which of the named records exist, before it writes.
 */
export type ReferenceKind = 'center' | 'team' | 'agent' | 'skill' | 'queue';

/** One input field's references: `field` is named in the error ("input.centerId", "target.teamIds"). */
export interface ReferenceCheck {
  kind: ReferenceKind;
  field: string;
  values: readonly string[];
}

/** Refuses a write naming records that do not exist (a subgraph's SubgraphContext.requireReferences). */
export type RequireReferences = (checks: readonly ReferenceCheck[]) => Promise<void>;

export type ReferenceAsk = Partial<Record<ReferenceKind, readonly string[]>>;
export type ReferenceAnswer = Partial<Record<ReferenceKind, readonly string[]>>;

/** Which of the asked values exist, per kind (one round trip for every kind of a write). */
export type ReferenceSource = (asked: ReferenceAsk) => Promise<ReferenceAnswer>;

interface Lookup {
  /** The owner's batched root field: the records of these keys in their order, null where none (as `_entities`). */
  field: string;
  argument: string;
  type: string;
  key: string;
  /** Ids are UUIDs, compared in lower case; codes and employee numbers as written. */
  caseless: boolean;
  noun: string;
}

const LOOKUPS: Record<ReferenceKind, Lookup> = {
  center: {
    field: 'centersById',
    argument: 'ids',
    type: '[ID!]!',
    key: 'id',
    caseless: true,
    noun: 'center',
  },
  team: { field: 'teamsById', argument: 'ids', type: '[ID!]!', key: 'id', caseless: true, noun: 'team' },
  agent: {
    field: 'agentsByEmployeeNo',
    argument: 'employeeNos',
    type: '[String!]!',
    key: 'employeeNo',
    caseless: false,
    noun: 'agent',
  },
  skill: {
    field: 'skillsByCode',
    argument: 'codes',
    type: '[String!]!',
    key: 'code',
    caseless: false,
    noun: 'skill',
  },
  queue: { field: 'queuesById', argument: 'ids', type: '[ID!]!', key: 'id', caseless: true, noun: 'queue' },
};

/** Keys per request and kind: a batch stays well inside the gateway's limits. */
const BATCH = 500;

const normal = (kind: ReferenceKind, value: string): string =>
  LOOKUPS[kind].caseless ? value.toLowerCase() : value;

/**
 * The owners' batched lookups through the gateway, with the service's token: one request per batch
 * of up to 500 keys of each kind (one request for a write naming fewer), never a table of theirs.
 */
export function gatewayReferenceSource(url?: string): ReferenceSource {
  return async (asked) => {
    const kinds = (Object.keys(asked) as ReferenceKind[]).filter((k) => asked[k]?.length);
    const found: Partial<Record<ReferenceKind, string[]>> = {};
    for (let offset = 0; kinds.some((k) => (asked[k]?.length ?? 0) > offset); offset += BATCH) {
      const inBatch = kinds.filter((k) => (asked[k]?.length ?? 0) > offset);
      const variables = Object.fromEntries(inBatch.map((k) => [k, asked[k]?.slice(offset, offset + BATCH)]));
      const query = `query References(${inBatch.map((k) => `$${k}: ${LOOKUPS[k].type}`).join(', ')}) { ${inBatch
        .map((k) => `${k}: ${LOOKUPS[k].field}(${LOOKUPS[k].argument}: $${k}) { ${LOOKUPS[k].key} }`)
        .join(' ')} }`;
      const data = await queryGateway<Record<string, (Record<string, string> | null)[]>>(query, variables, {
        purpose: 'reference check',
        url,
      });
      for (const kind of inBatch) {
        const rows = data[kind] ?? [];
        (found[kind] ??= []).push(...rows.flatMap((row) => (row ? [row[LOOKUPS[kind].key]] : [])));
      }
    }
    return found;
  };
}

/**
 * Refuses a write naming records that do not exist: BAD_USER_INPUT naming every field with an
 * unknown value (at most ten values listed per field), before anything is written. All kinds are
 * asked in one call to the source.
 */
export async function requireReferences(
  source: ReferenceSource,
  checks: readonly ReferenceCheck[],
): Promise<void> {
  const asked: Partial<Record<ReferenceKind, Set<string>>> = {};
  for (const check of checks) {
    for (const value of check.values) (asked[check.kind] ??= new Set()).add(normal(check.kind, value));
  }
  const kinds = Object.keys(asked) as ReferenceKind[];
  if (!kinds.length) return;
  const answer = await source(Object.fromEntries(kinds.map((k) => [k, [...(asked[k] ?? [])]])));
  const known = new Map(kinds.map((k) => [k, new Set((answer[k] ?? []).map((v) => normal(k, v)))]));
  const problems: FieldProblem[] = [];
  for (const check of checks) {
    const unknown = [...new Set(check.values)].filter(
      (v) => !known.get(check.kind)?.has(normal(check.kind, v)),
    );
    if (!unknown.length) continue;
    const listed = unknown
      .slice(0, 10)
      .map((v) => `"${v}"`)
      .join(', ');
    const more = unknown.length > 10 ? ` and ${unknown.length - 10} more` : '';
    problems.push({ field: check.field, message: `no ${LOOKUPS[check.kind].noun} ${listed}${more}` });
  }
  if (problems.length) throw badUserInput(problems);
}

/**
 * Which of `values` of one kind exist (one call to the source, whatever their number): for imports
 * that report each unknown value on its own row instead of refusing the whole write.
 */
export async function knownReferences(
  source: ReferenceSource,
  kind: ReferenceKind,
  values: readonly string[],
): Promise<Set<string>> {
  const asked = [...new Set(values.map((v) => normal(kind, v)))];
  if (!asked.length) return new Set();
  const answer = await source({ [kind]: asked });
  const found = new Set((answer[kind] ?? []).map((v) => normal(kind, v)));
  return new Set(values.filter((v) => found.has(normal(kind, v))));
}

/** A fixed directory of existing records (tests of one subgraph; a subgraph that owns them all). */
export function staticReferenceSource(existing: ReferenceAnswer): ReferenceSource {
  return async (asked) =>
    Object.fromEntries(
      (Object.keys(asked) as ReferenceKind[]).map((kind) => {
        const have = new Set((existing[kind] ?? []).map((v) => normal(kind, v)));
        return [kind, (asked[kind] ?? []).filter((v) => have.has(normal(kind, v)))];
      }),
    );
}
