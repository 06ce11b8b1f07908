import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { clientToken } from '@switchboard/testing';
import { percentile } from '../measurement';
import type { Visit } from './mixed-workload';

/** Latencies (ms) of good answers per operation, and failed answers per operation. */
export interface MixedResult {
  seconds: number;
  latencies: Record<string, number[]>;
  errors: Record<string, number>;
  /** A few failed answers, to say what failed. */
  samples: string[];
}

export interface MixedSummary {
  requestsPerSecond: number;
  requests: number;
  errors: number;
  p50: number;
  p95: number;
  p99: number;
}

export function summarizeMixed(result: MixedResult, operation?: string): MixedSummary {
  const names = operation ? [operation] : Object.keys(result.latencies);
  const all = names.flatMap((name) => result.latencies[name] ?? []);
  const errors = names.reduce((sum, name) => sum + (result.errors[name] ?? 0), 0);
  return {
    requestsPerSecond: all.length / result.seconds,
    requests: all.length,
    errors,
    p50: all.length ? percentile(all, 50) : NaN,
    p95: all.length ? percentile(all, 95) : NaN,
    p99: all.length ? percentile(all, 99) : NaN,
  };
}

/** Tokens of the morning's people, made once (a dashboard holds its token all day). */
export async function tokensFor(visits: Visit[]): Promise<Map<string, string>> {
  const tokens = new Map<string, string>();
  for (const visit of visits)
    if (!tokens.has(visit.identity.subject))
      tokens.set(visit.identity.subject, await clientToken(visit.identity, '2h'));
  return tokens;
}

export interface Sender {
  url: string;
  operations: Record<string, string>;
  tokens: Map<string, string>;
}

async function send(sender: Sender, visit: Visit, result: MixedResult): Promise<void> {
  const start = performance.now();
  let failure: string | null = null;
  try {
    const response = await fetch(sender.url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        authorization: `Bearer ${sender.tokens.get(visit.identity.subject)}`,
      },
      body: JSON.stringify({
        query: sender.operations[visit.operation],
        operationName: visit.operation,
        variables: visit.variables,
      }),
    });
    const text = await response.text();
    if (!response.ok || text.includes('"errors"')) failure = `${response.status} ${text.slice(0, 300)}`;
  } catch (error) {
    failure = String(error);
  }
  const ms = performance.now() - start;
  if (failure) {
    result.errors[visit.operation] = (result.errors[visit.operation] ?? 0) + 1;
    if (result.samples.length < 5) result.samples.push(`${visit.who} ${visit.operation}: ${failure}`);
  } else (result.latencies[visit.operation] ??= []).push(ms);
}

/**
 * `connections` clients, each sending the next page load of the list as soon as its last answered
 * (closed loop), for `seconds`. Requests in flight at the deadline are waited for and counted.
 */
export async function closedLoop(
  sender: Sender,
  visits: Visit[],
  connections: number,
  seconds: number,
): Promise<MixedResult> {
  const result: MixedResult = { seconds, latencies: {}, errors: {}, samples: [] };
  let next = 0;
  const started = performance.now();
  const deadline = started + seconds * 1000;
  const client = async (): Promise<void> => {
    while (performance.now() < deadline) await send(sender, visits[next++ % visits.length], result);
  };
  await Promise.all(Array.from({ length: connections }, client));
  result.seconds = (performance.now() - started) / 1000;
  return result;
}

/**
 * Page loads arriving at `rate` per second whatever the answers do (open loop, as a morning's users
 * do not wait for each other), for `seconds`; every request's answer is waited for.
 */
export async function openLoop(
  sender: Sender,
  visits: Visit[],
  rate: number,
  seconds: number,
  offset = 0,
): Promise<MixedResult> {
  const result: MixedResult = { seconds, latencies: {}, errors: {}, samples: [] };
  const started = performance.now();
  const inFlight: Promise<void>[] = [];
  const total = Math.round(rate * seconds);
  for (let i = 0; i < total; i += 1) {
    const due = started + (i * 1000) / rate;
    const wait = due - performance.now();
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    inFlight.push(send(sender, visits[(offset + i) % visits.length], result));
  }
  await Promise.all(inFlight);
  result.seconds = seconds;
  return result;
}

const CLOCK_TICKS = 100;

/** CPU seconds a process has used (utime + stime, /proc/<pid>/stat); NaN if gone. */
export function processCpuSeconds(pid: number): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS;
  } catch {
    return NaN;
  }
}
