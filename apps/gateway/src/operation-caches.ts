import type { GatewayConfig } from '@apollo/gateway';
import type { DocumentNode } from 'graphql';

type QueryPlanCache = NonNullable<NonNullable<GatewayConfig['queryPlannerConfig']>['cache']>;
type QueryPlan = NonNullable<Awaited<ReturnType<QueryPlanCache['get']>>>;

/**
 * What the gateway keeps per distinct operation: Apollo Server's parsed and validated documents, and
 * @apollo/gateway's query plans. Both libraries default to 30 MiB each *measured as JSON*, which
 * leaves out what a parsed document holds beyond it (graphql-js keeps every token of the source as
 * a linked list behind `loc`): a caller sending distinct queries (each up to 5,000 tokens) could
 * make the gateway hold some hundreds of MB, against issue 23's 300 MiB. The dashboard and BI
 * tools use tens of operations; these bounds hold hundreds.
 */
export const OPERATION_CACHE_LIMITS = {
  /** Parsed documents: entries, and characters of their sources (a document's heap is tens of times its text). */
  documents: { entries: 500, bytes: 512 * 1024 },
  /** Query plans: entries, and bytes of their JSON. */
  plans: { entries: 500, bytes: 4 * 1024 * 1024 },
} as const;

export interface CacheLimits {
  entries: number;
  bytes: number;
}

/**
 * A least-recently-used map bounded by entries and by an estimate of bytes, with the
 * KeyValueCache interface Apollo Server (documentStore) and @apollo/gateway
 * (queryPlannerConfig.cache) take. Counts what it holds, so a test can see the bound hold.
 */
export class BoundedOperationCache<V> {
  private readonly entries = new Map<string, { value: V; bytes: number }>();
  private held = 0;

  constructor(
    readonly limits: CacheLimits,
    private readonly sizeOf: (value: V) => number,
  ) {}

  async get(key: string): Promise<V | undefined> {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    // Map keeps insertion order: moving a used entry to the end makes the first the least recent
    this.entries.delete(key);
    this.entries.set(key, entry);
    return entry.value;
  }

  async set(key: string, value: V): Promise<void> {
    const bytes = this.sizeOf(value);
    await this.delete(key);
    if (bytes > this.limits.bytes) return; // larger than the whole budget: not kept
    this.entries.set(key, { value, bytes });
    this.held += bytes;
    while (this.entries.size > this.limits.entries || this.held > this.limits.bytes) {
      const [oldest, entry] = this.entries.entries().next().value as [string, { bytes: number }];
      this.entries.delete(oldest);
      this.held -= entry.bytes;
    }
  }

  async delete(key: string): Promise<boolean> {
    const entry = this.entries.get(key);
    if (!entry) return false;
    this.entries.delete(key);
    this.held -= entry.bytes;
    return true;
  }

  /** Drops everything (@apollo/gateway does on a schema change). */
  clear(): void {
    this.entries.clear();
    this.held = 0;
  }

  /** Entries held now. */
  get size(): number {
    return this.entries.size;
  }

  /** Estimated bytes held now. */
  get bytes(): number {
    return this.held;
  }
}

/** A parsed document's size: the length of its source (cheap; never a JSON of the whole tree). */
function documentSize(document: DocumentNode): number {
  return document.loc?.source.body.length ?? JSON.stringify(document).length;
}

/** The gateway's two per-operation caches, bounded (see OPERATION_CACHE_LIMITS). */
export function operationCaches(limits = OPERATION_CACHE_LIMITS) {
  return {
    documents: new BoundedOperationCache<DocumentNode>(limits.documents, documentSize),
    plans: new BoundedOperationCache<QueryPlan>(limits.plans, (plan) => JSON.stringify(plan)?.length ?? 0),
  };
}

export type OperationCaches = ReturnType<typeof operationCaches>;
