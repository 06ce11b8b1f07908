import {
  leastAgents,
  scheduledAgents,
  trafficIntensity,
  type StaffingTargets,
  type Workload,
} from './erlang-c';

/**
 * Erlang A (M/M/N+M): Erlang C's queue where each waiting caller hangs up after an exponential
 * patience (mean `patienceSeconds`). Computed from the birth–death chain: state k = callers in the
 * system, births λ, deaths μ·min(k, N) + θ·max(k − N, 0). Weights are kept in log space and the
 * chain is cut where the remaining states weigh less than e^−40 of the largest, so thousands of
 * Erlangs neither overflow nor underflow.
 */
export interface ErlangAResult {
  agents: number;
  erlangs: number;
  /** Share of callers who find every agent busy (PASTA: the chain's mass at k ≥ N). */
  probabilityOfWaiting: number;
  probabilityOfAbandon: number;
  /** Share of all callers answered within T (abandoned callers count as missed). */
  serviceLevel: number;
  /** Mean wait of the callers who are answered. */
  asaSeconds: number;
  /** Busy agents / N = λ·(1 − P(abandon))·AHT / N. */
  occupancy: number;
}

const CUT = 40; // states lighter than e^-40 of the heaviest are left out

const MAX_QUEUE_STATES = 200_000; // a queue longer than this is treated as having emptied

function logSumExp(values: number[]): number {
  let max = -Infinity;
  for (const v of values) max = Math.max(max, v);
  let sum = 0;
  for (const v of values) sum += Math.exp(v - max);
  return max + Math.log(sum);
}

/** log of the stationary weights of states N, N+1, ... (queue j = 0, 1, ...) and of all states. */
function chainWeights(agents: number, lambda: number, mu: number, theta: number) {
  const logA = Math.log(lambda / mu);
  // states 0..N: log(A^k / k!)
  const below: number[] = [0];
  for (let k = 1; k <= agents; k++) below.push(below[k - 1] + logA - Math.log(k));
  const queue: number[] = [below[agents]]; // j = 0 is state N
  let peak = below.reduce((a, b) => Math.max(a, b), -Infinity);
  for (let j = 1; j < MAX_QUEUE_STATES; j++) {
    const next = queue[j - 1] + Math.log(lambda / (agents * mu + j * theta));
    queue.push(next);
    peak = Math.max(peak, next);
    // past the mode (deaths outpace births) and negligible: stop
    if (agents * mu + j * theta > lambda && next < peak - CUT) break;
  }
  const logTotal = logSumExp([...below.slice(0, agents), ...queue]);
  return { queue: queue.map((w) => Math.exp(w - logTotal)) };
}

/**
 * P(reach an agent within T | j callers ahead), for every j at once. Ahead of the tagged caller
 * the line moves at r_i = Nμ + iθ (an agent frees up, or one of the i ahead hangs up); the caller
 * is answered, with its own patience not yet run out, with probability Π r_i/(r_i + θ), and then its
 * wait is a sum of exponential phases of rates r_i + θ. That sum's distribution function is
 * computed by uniformization of the pure-death chain (Poisson weights in log space).
 */
function answeredWithin(
  queueStates: number,
  agents: number,
  mu: number,
  theta: number,
  seconds: number,
): number[] {
  const rate = (i: number): number => agents * mu + (i + 1) * theta; // r_i + θ
  const uniform = rate(queueStates - 1);
  const mean = uniform * seconds;
  const steps = Math.ceil(mean + 12 * Math.sqrt(mean) + 30);
  // done[j] = P(all phases from j ahead completed within m uniformized steps)
  let done = new Array<number>(queueStates).fill(0);
  const within = new Array<number>(queueStates).fill(0);
  let logPoisson = -mean; // m = 0
  for (let m = 1; m <= steps; m++) {
    const next = new Array<number>(queueStates);
    for (let j = 0; j < queueStates; j++) {
      const move = rate(j) / uniform;
      next[j] = move * (j === 0 ? 1 : done[j - 1]) + (1 - move) * done[j];
    }
    done = next;
    logPoisson += Math.log(mean) - Math.log(m);
    const weight = Math.exp(logPoisson);
    for (let j = 0; j < queueStates; j++) within[j] += weight * done[j];
  }
  return within;
}

/** What N agents achieve under Erlang A. `targetAnswerSeconds` is T of the service level. */
export function erlangA(
  agents: number,
  workload: Workload,
  patienceSeconds: number,
  targetAnswerSeconds: number,
): ErlangAResult {
  const erlangs = trafficIntensity(workload);
  const lambda = workload.callsPerInterval / workload.intervalSeconds;
  const mu = 1 / workload.ahtSeconds;
  const theta = 1 / patienceSeconds;
  if (lambda <= 0) {
    return {
      agents,
      erlangs,
      probabilityOfWaiting: 0,
      probabilityOfAbandon: 0,
      serviceLevel: 1,
      asaSeconds: 0,
      occupancy: 0,
    };
  }
  const { queue } = chainWeights(agents, lambda, mu, theta);
  const probabilityOfWaiting = queue.reduce((sum, p) => sum + p, 0);
  const within = answeredWithin(queue.length, agents, mu, theta, targetAnswerSeconds);
  let answered = 1 - probabilityOfWaiting; // answered at once
  let answeredWithinT = 1 - probabilityOfWaiting;
  let waitOfAnswered = 0;
  let reach = 1; // Π r_i / (r_i + θ) over i ≤ j
  let meanWait = 0; // Σ 1 / (r_i + θ) over i ≤ j
  for (let j = 0; j < queue.length; j++) {
    const r = agents * mu + j * theta;
    reach *= r / (r + theta);
    meanWait += 1 / (r + theta);
    answered += queue[j] * reach;
    answeredWithinT += queue[j] * reach * within[j];
    waitOfAnswered += queue[j] * reach * meanWait;
  }
  const probabilityOfAbandon = Math.max(0, 1 - answered);
  return {
    agents,
    erlangs,
    probabilityOfWaiting,
    probabilityOfAbandon,
    serviceLevel: Math.min(1, answeredWithinT),
    asaSeconds: answered > 0 ? waitOfAnswered / answered : 0,
    occupancy: agents === 0 ? 1 : Math.min(1, (erlangs * answered) / agents),
  };
}

/** Erlang A staffing: the least N meeting the targets with callers of mean patience `patienceSeconds`. */
export function erlangAStaffing(
  workload: Workload,
  targets: StaffingTargets,
  patienceSeconds: number,
): ErlangAResult & { rawAgents: number; scheduledAgents: number } {
  const result = leastAgents(trafficIntensity(workload), targets, (n) =>
    erlangA(n, workload, patienceSeconds, targets.targetAnswerSeconds),
  );
  return {
    ...result,
    rawAgents: result.agents,
    scheduledAgents: scheduledAgents(result.agents, targets.shrinkage),
  };
}
