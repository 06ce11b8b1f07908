import { GraphQLError } from 'graphql';

/**
 * Per-caller concurrency (issue 17): one caller (a token's subject) runs at most `running`
 * operations at a time; more wait their turn in order, and past `waiting` more are refused
 * (TOO_MANY_REQUESTS, HTTP 429). A caller firing heavy queries in parallel thus takes a bounded
 * share of the subgraphs and the database, and everyone else's queries keep their pace.
 */
export interface CallerConcurrencyOptions {
  running: number;
  waiting: number;
}

export const DEFAULT_CALLER_CONCURRENCY: CallerConcurrencyOptions = { running: 2, waiting: 16 };

/** GATEWAY_CALLER_CONCURRENCY (operations at a time per caller) and GATEWAY_CALLER_QUEUE. */
export function callerConcurrencyFromEnv(env: NodeJS.ProcessEnv = process.env): CallerConcurrencyOptions {
  const positive = (value: string | undefined, fallback: number): number => {
    const n = Number(value);
    return value && Number.isInteger(n) && n > 0 ? n : fallback;
  };
  return {
    running: positive(env.GATEWAY_CALLER_CONCURRENCY, DEFAULT_CALLER_CONCURRENCY.running),
    waiting: positive(env.GATEWAY_CALLER_QUEUE, DEFAULT_CALLER_CONCURRENCY.waiting),
  };
}

interface CallerSlots {
  running: number;
  queue: (() => void)[];
}

export class CallerConcurrency {
  private readonly callers = new Map<string, CallerSlots>();

  constructor(private readonly options: CallerConcurrencyOptions = DEFAULT_CALLER_CONCURRENCY) {}

  /** Waits for one of the caller's slots; returns its release (call it once). */
  async acquire(caller: string): Promise<() => void> {
    const slots = this.callers.get(caller) ?? { running: 0, queue: [] };
    this.callers.set(caller, slots);
    if (slots.running >= this.options.running) {
      if (slots.queue.length >= this.options.waiting) {
        throw new GraphQLError(
          `too many requests at once: ${this.options.running} run and ${this.options.waiting} wait per caller; ` +
            'send the next when one has answered',
          { extensions: { code: 'TOO_MANY_REQUESTS', http: { status: 429 } } },
        );
      }
      await new Promise<void>((start) => slots.queue.push(start));
    } else {
      slots.running += 1;
    }
    let released = false;
    return () => {
      if (released) return;
      released = true;
      const next = slots.queue.shift();
      if (next) {
        next(); // the slot passes straight to the next waiter
        return;
      }
      slots.running -= 1;
      if (slots.running === 0) this.callers.delete(caller);
    };
  }

  /** Operations running now for `caller` (tests). */
  runningFor(caller: string): number {
    return this.callers.get(caller)?.running ?? 0;
  }
}
