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
 * the answer is in (this is not a cache), and every waiter, the first included, gets its own copy.
 */
export class InflightQueries<T extends SubgraphAnswer> {
  private readonly pending = new Map<string, Promise<T>>();
  /** Requests answered by another one's fetch (for tests and metrics). */
  shared = 0;

  async run(key: string, send: () => Promise<T>): Promise<T> {
    let answer = this.pending.get(key);
    if (answer) {
      this.shared += 1;
    } else {
      answer = send().finally(() => this.pending.delete(key));
      this.pending.set(key, answer);
    }
    return copyOf(await answer);
  }

  /** Requests on their way now. */
  get size(): number {
    return this.pending.size;
  }
}
