import type { Identity } from '@switchboard/auth';

/** What a subgraph answered, as the gateway's query plan reads it. */
export interface SubgraphAnswer {
  data?: Record<string, unknown> | null;
  errors?: readonly unknown[];
  extensions?: Record<string, unknown>;
  http?: unknown;
}

/**
 * Who is asking, as far as an answer can depend on it: two requests with the same key see the same
 * data (the subgraphs scope by these claims alone; the request id only labels logs).
 */
export function identityKey(identity: Identity): string {
  return JSON.stringify([
    identity.subject,
    [...identity.roles].sort(),
    [...identity.centers].sort(),
    [...identity.teams].sort(),
    identity.employeeNo ?? null,
  ]);
}

/** Each caller's own copy: the query plan merges later fetches into the objects it is given. */
function copyOf<T extends SubgraphAnswer>(answer: T): T {
  return {
    ...answer,
    data: answer.data == null ? answer.data : structuredClone(answer.data),
    errors: answer.errors === undefined ? undefined : structuredClone(answer.errors),
    extensions: answer.extensions === undefined ? undefined : structuredClone(answer.extensions),
  };
}

/**
 * In-flight deduplication of subgraph reads: while a request is on its way to a subgraph, an
 * identical one (same subgraph, same caller, same query and variables) waits for its answer instead
 * of being sent again. When many managers open the same drill-down at once, the subgraphs compute it
 * once. Only reads are shared (the caller decides: never a mutation's fetches), nothing is kept once
 * the answer is in (this is not a cache), and every waiter gets its own copy but the last to resume,
 * which gets the answer itself: the others have copied it by then (structuredClone is synchronous),
 * so the plan merging into it changes no one else's. A read nobody shared (the usual case when
 * different people ask: issue 23's mixed morning) is therefore never copied, which had doubled the
 * gateway's memory and CPU for every answer (a month of a center's agent states is tens of MB).
 */
export class InflightQueries<T extends SubgraphAnswer> {
  private readonly pending = new Map<string, { answer: Promise<T>; waiters: number }>();
  /** Requests answered by another one's fetch (for tests and metrics). */
  shared = 0;
  /** Copies made for waiters (for tests). */
  copies = 0;

  async run(key: string, send: () => Promise<T>): Promise<T> {
    let entry = this.pending.get(key);
    if (entry) {
      this.shared += 1;
      entry.waiters += 1;
    } else {
      entry = { answer: send().finally(() => this.pending.delete(key)), waiters: 1 };
      this.pending.set(key, entry);
    }
    const answer = await entry.answer;
    // the entry left `pending` before any waiter resumed (finally runs first): `waiters` is final
    entry.waiters -= 1;
    if (entry.waiters === 0) return answer;
    this.copies += 1;
    return copyOf(answer);
  }

  /** Requests on their way now. */
  get size(): number {
    return this.pending.size;
  }
}
