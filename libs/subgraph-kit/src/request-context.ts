import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { InternalIdentity } from '@switchboard/auth';
import type { Logger } from '@switchboard/server';
import DataLoader from 'dataloader';
import { resolveDataScope, type DataScope, type ScopeSource } from './data-scope';
import {
  gatewayReferenceSource,
  knownReferences,
  requireReferences,
  type ReferenceKind,
  type RequireReferences,
  type ReferenceSource,
} from './references';

/**
 * Per-request DataLoaders by name. Every reference resolver and parent->child field goes through one,
 * so a batch of keys costs one SQL statement, never one per key.
 */
export class LoaderRegistry {
  private readonly loaders = new Map<string, DataLoader<unknown, unknown>>();

  get<K, V>(name: string, batch: (keys: readonly K[]) => Promise<(V | Error)[]>): DataLoader<K, V> {
    let loader = this.loaders.get(name) as DataLoader<K, V> | undefined;
    if (!loader) {
      loader = new DataLoader<K, V>(batch, { maxBatchSize: 5000 });
      this.loaders.set(name, loader as DataLoader<unknown, unknown>);
    }
    return loader;
  }
}

export interface SubgraphContext {
  /** A fork of the subgraph's EntityManager for this request only. */
  em: EntityManager;
  loaders: LoaderRegistry;
  logger: Logger;
  requestId: string;
  /** The caller, as the gateway's token for this subgraph names them. */
  identity: InternalIdentity;
  /** What the caller may see here (resolved once per request, on first use). */
  scope: () => Promise<DataScope>;
  /**
   * Refuses (BAD_USER_INPUT naming each field) a write naming another subgraph's records that do not
   * exist: one batched lookup through the gateway for every kind asked (see references.ts).
   */
  requireReferences: RequireReferences;
  /** Which of these values of one kind exist (one batched lookup through the gateway): per-row import reports. */
  knownReferences: (kind: ReferenceKind, values: readonly string[]) => Promise<Set<string>>;
}

export function createRequestContext(
  em: EntityManager,
  logger: Logger,
  identity: InternalIdentity,
  request?: IncomingMessage,
  scopeSource?: ScopeSource,
  referenceSource: ReferenceSource = defaultReferenceSource,
): SubgraphContext {
  const header = request?.headers['x-request-id'];
  const requestId = identity.requestId ?? (Array.isArray(header) ? header[0] : header) ?? randomUUID();
  let scope: Promise<DataScope> | undefined;
  return {
    em: em.fork(),
    loaders: new LoaderRegistry(),
    logger: logger.child({ requestId, subject: identity.subject }),
    requestId,
    identity,
    scope: () => {
      scope ??= resolveDataScope(identity, scopeSource ?? missingScopeSource);
      return scope;
    },
    requireReferences: (checks) => requireReferences(referenceSource, checks),
    knownReferences: (kind, values) => knownReferences(referenceSource, kind, values),
  };
}

const defaultReferenceSource: ReferenceSource = (asked) => gatewayReferenceSource()(asked);

/** Without a source, centers and teams in a token resolve to nothing (only self and bank-wide reach). */
const missingScopeSource: ScopeSource = async () => ({ centerIds: [], teamIds: [], employeeNos: [] });

/**
 * Orders batch results to match the keys: `rows` in any order, `keyOf` reading a row's key.
 * Missing keys resolve to null (an unknown reference is not an error).
 */
export function byKeys<K, V>(keys: readonly K[], rows: V[], keyOf: (row: V) => K): (V | null)[] {
  const index = new Map<K, V>();
  for (const row of rows) index.set(keyOf(row), row);
  return keys.map((key) => index.get(key) ?? null);
}

/** Groups batch results per key (for one-to-many fields such as a team's members). */
export function groupByKeys<K, V>(keys: readonly K[], rows: V[], keyOf: (row: V) => K): V[][] {
  const groups = new Map<K, V[]>();
  for (const row of rows) {
    const key = keyOf(row);
    const group = groups.get(key);
    if (group) group.push(row);
    else groups.set(key, [row]);
  }
  return keys.map((key) => groups.get(key) ?? []);
}
