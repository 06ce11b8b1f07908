// autocannon ships no types: the part the benchmarks use.
declare module 'autocannon' {
  interface AutocannonResult {
    errors: number;
    timeouts: number;
    non2xx: number;
    mismatches: number;
    duration: number;
  }
  /** One autocannon connection: body chunks of the answer, then 'response' when it is complete. */
  export interface AutocannonClient {
    on(event: 'body', listener: (chunk: Buffer) => void): void;
    on(event: 'response', listener: (status: number, bytes: number, ms: number) => void): void;
  }
  type AutocannonInstance = PromiseLike<AutocannonResult>;
  export default function autocannon(options: Record<string, unknown>): AutocannonInstance;
}
