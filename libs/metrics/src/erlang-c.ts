/**
 * Erlang C (M/M/N): staffing for a queue with Poisson arrivals, exponential handle times and
 * patient callers (METRICS.md, "Staffing"). Pure; every function takes the interval's workload.
 */

/** What one interval asks of the agents. */
export interface Workload {
  /** λ: calls arriving in the interval. */
  callsPerInterval: number;
  ahtSeconds: number;
  intervalSeconds: number;
}

/** The service targets staffing must meet. */
export interface StaffingTargets {
  /** T: answer within this many seconds... */
  targetAnswerSeconds: number;
  /** ...for this share of calls (0..1). */
  targetServiceLevel: number;
  /** Highest acceptable occupancy (0..1]; 1 = no limit. */
  maxOccupancy: number;
  /** Share of paid time agents are not available to take calls (0..1). */
  shrinkage: number;
}

/** Traffic intensity A = λ × AHT / interval seconds, in Erlangs. */
export function trafficIntensity(workload: Workload): number {
  return (workload.callsPerInterval * workload.ahtSeconds) / workload.intervalSeconds;
}

/**
 * Erlang B blocking probability by the recurrence B(0) = 1, B(n) = A·B(n−1) / (n + A·B(n−1)):
 * every step stays in [0, 1], so it neither overflows nor loses precision for thousands of Erlangs
 * (the textbook A^N / N! form overflows past N ≈ 170).
 */
export function erlangB(agents: number, erlangs: number): number {
  let blocking = 1;
  for (let n = 1; n <= agents; n++) blocking = (erlangs * blocking) / (n + erlangs * blocking);
  return blocking;
}

/** Erlang C probability of waiting Pw(N, A) = N·B / (N − A·(1 − B)); 1 when N ≤ A (the queue grows without bound). */
export function erlangCWaitProbability(agents: number, erlangs: number): number {
  if (erlangs <= 0) return 0;
  if (agents <= erlangs) return 1;
  const blocking = erlangB(agents, erlangs);
  return (agents * blocking) / (agents - erlangs * (1 - blocking));
}

/** What N agents achieve on a workload under Erlang C. */
export interface ErlangCResult {
  agents: number;
  erlangs: number;
  probabilityOfWaiting: number;
  /** 1 − Pw·e^(−(N − A)·T / AHT); 0 when N ≤ A. */
  serviceLevel: number;
  /** Pw·AHT / (N − A); null when N ≤ A (unbounded). */
  asaSeconds: number | null;
  /** A / N, capped at 1. */
  occupancy: number;
}

export function erlangC(agents: number, workload: Workload, targetAnswerSeconds: number): ErlangCResult {
  const erlangs = trafficIntensity(workload);
  const pw = erlangCWaitProbability(agents, erlangs);
  const stable = agents > erlangs;
  return {
    agents,
    erlangs,
    probabilityOfWaiting: pw,
    serviceLevel:
      erlangs <= 0
        ? 1
        : stable
          ? 1 - pw * Math.exp((-(agents - erlangs) * targetAnswerSeconds) / workload.ahtSeconds)
          : 0,
    asaSeconds: erlangs <= 0 ? 0 : stable ? (pw * workload.ahtSeconds) / (agents - erlangs) : null,
    occupancy: agents === 0 ? (erlangs > 0 ? 1 : 0) : Math.min(1, erlangs / agents),
  };
}

/** Scheduled agents = ceil(raw / (1 − shrinkage)) (shrinkage in [0, 1)). */
export function scheduledAgents(rawAgents: number, shrinkage: number): number {
  // Rounded first so 14 / 0.7 = 20.000000000000004 stays 20.
  return Math.ceil(Number((rawAgents / (1 - shrinkage)).toFixed(9)));
}

const MAX_AGENTS = 1_000_000;

/**
 * The least N meeting the targets (service level ≥ target and occupancy ≤ max occupancy) under a
 * model `evaluate(N)`. Both conditions only get easier as N grows, so a doubling search brackets
 * the answer and a binary search finds it: O(log N) evaluations, even for thousands of agents.
 */
export function leastAgents<R extends { serviceLevel: number; occupancy: number }>(
  erlangs: number,
  targets: Pick<StaffingTargets, 'targetServiceLevel' | 'maxOccupancy'>,
  evaluate: (agents: number) => R,
): R {
  const meets = (result: R): boolean =>
    result.serviceLevel >= targets.targetServiceLevel - 1e-12 &&
    result.occupancy <= targets.maxOccupancy + 1e-12;
  const none = evaluate(0);
  if (meets(none)) return none;
  let low = 0; // fails
  let high = Math.max(1, Math.ceil(erlangs));
  let best = evaluate(high);
  while (!meets(best)) {
    low = high;
    high *= 2;
    if (high > MAX_AGENTS) throw new RangeError(`the targets need more than ${MAX_AGENTS} agents`);
    best = evaluate(high);
  }
  while (high - low > 1) {
    const middle = Math.floor((low + high) / 2);
    const result = evaluate(middle);
    if (meets(result)) {
      high = middle;
      best = result;
    } else {
      low = middle;
    }
  }
  return best;
}

/** Erlang C staffing: the least N meeting the targets, and what it achieves. */
export function erlangCStaffing(
  workload: Workload,
  targets: StaffingTargets,
): ErlangCResult & { rawAgents: number; scheduledAgents: number } {
  const result = leastAgents(trafficIntensity(workload), targets, (n) =>
    erlangC(n, workload, targets.targetAnswerSeconds),
  );
  return {
    ...result,
    rawAgents: result.agents,
    scheduledAgents: scheduledAgents(result.agents, targets.shrinkage),
  };
}
