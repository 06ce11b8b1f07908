import { erlangA, erlangAStaffing } from './erlang-a';
import { erlangC, erlangCStaffing } from './erlang-c';

const cpuMs = (used: NodeJS.CpuUsage): number => (used.user + used.system) / 1000;

const tenErlangs = { callsPerInterval: 100, ahtSeconds: 180, intervalSeconds: 1800 };

describe('Erlang A (M/M/N+M)', () => {
  it('matches the hand-computed M/M/1+M with λ = μ = θ', () => {
    // With λ = μ = θ = 1 every death rate of state k is k, so the chain is Poisson(1):
    // P(wait) = P(K ≥ 1) = 1 − e^−1; abandons = θ·E[queue]/λ = E[K] − P(K ≥ 1) = e^−1;
    // occupancy = answered share × A / N = 1 − e^−1.
    const result = erlangA(1, { callsPerInterval: 1, ahtSeconds: 1, intervalSeconds: 1 }, 1, 1);
    expect(result.probabilityOfWaiting).toBeCloseTo(1 - Math.exp(-1), 10);
    expect(result.probabilityOfAbandon).toBeCloseTo(Math.exp(-1), 10);
    expect(result.occupancy).toBeCloseTo(1 - Math.exp(-1), 10);
  });

  it('answers a caller with one ahead by the hand-computed two-phase law', () => {
    // M/M/1+M, λ small so nearly every waiting caller has nobody ahead (j = 0): it is answered with
    // probability μ/(μ+θ) and within T with probability μ/(μ+θ) × (1 − e^−(μ+θ)T).
    // μ = 1/10, θ = 1/30, T = 5: answered-within-T given a wait = 0.75 × (1 − e^(−2/3)).
    const lambda = 1e-6;
    const result = erlangA(1, { callsPerInterval: lambda, ahtSeconds: 10, intervalSeconds: 1 }, 30, 5);
    const withinGivenWait = 0.75 * (1 - Math.exp(-(0.1 + 1 / 30) * 5));
    const expected = 1 - result.probabilityOfWaiting * (1 - withinGivenWait);
    expect(result.serviceLevel).toBeCloseTo(expected, 9); // callers with one ahead weigh ~1e-11
    expect(result.probabilityOfAbandon / result.probabilityOfWaiting).toBeCloseTo(0.25, 5);
    // ASA over the answered: a share Pw × 0.75 of them waited, each Exp(μ+θ), mean 7.5 s
    expect(result.asaSeconds / result.probabilityOfWaiting).toBeCloseTo(0.75 * 7.5, 3);
  });

  it('tends to Erlang C when callers are very patient', () => {
    for (const agents of [11, 13, 14, 20]) {
      const a = erlangA(agents, tenErlangs, 1e7, 20);
      const c = erlangC(agents, tenErlangs, 20);
      expect(a.probabilityOfWaiting).toBeCloseTo(c.probabilityOfWaiting, 4);
      expect(a.serviceLevel).toBeCloseTo(c.serviceLevel, 4);
      expect(a.asaSeconds / (c.asaSeconds ?? NaN)).toBeCloseTo(1, 3);
      expect(a.probabilityOfAbandon).toBeLessThan(1e-4);
    }
  });

  it('keeps abandons equal to θ × mean queue / λ (Little) and answered calls below Erlang C waits', () => {
    const result = erlangA(11, tenErlangs, 60, 20);
    const c = erlangC(11, tenErlangs, 20);
    // impatience thins the queue: fewer wait, more are answered within T than Erlang C predicts
    expect(result.probabilityOfWaiting).toBeLessThan(c.probabilityOfWaiting);
    expect(result.serviceLevel).toBeGreaterThan(c.serviceLevel);
    expect(result.probabilityOfAbandon).toBeGreaterThan(0.05);
    // occupancy = carried load / N
    expect(result.occupancy).toBeCloseTo((10 * (1 - result.probabilityOfAbandon)) / 11, 10);
  });

  it('stays stable for an overloaded queue of thousands of Erlangs', () => {
    // 2,000 Erlangs on 1,900 agents: the queue is held by abandonment alone. In the fluid limit
    // (Garnett, Mandelbaum & Reiman 2002) the abandon share tends to 1 − N/A = 5%.
    const big = { callsPerInterval: 20_000, ahtSeconds: 180, intervalSeconds: 1800 };
    const result = erlangA(1900, big, 600, 20);
    expect(result.probabilityOfWaiting).toBeGreaterThan(0.99);
    expect(result.probabilityOfAbandon).toBeCloseTo(0.05, 3);
    expect(result.occupancy).toBeGreaterThan(0.999);
    for (const value of Object.values(result)) expect(Number.isFinite(value)).toBe(true);
  });

  it('staffs no more than Erlang C, and exactly the least N meeting the targets', () => {
    const targets = { targetAnswerSeconds: 20, targetServiceLevel: 0.8, maxOccupancy: 1, shrinkage: 0.3 };
    const c = erlangCStaffing(tenErlangs, targets);
    const a = erlangAStaffing(tenErlangs, targets, 60);
    expect(a.rawAgents).toBeLessThanOrEqual(c.rawAgents);
    expect(a.serviceLevel).toBeGreaterThanOrEqual(0.8);
    expect(erlangA(a.rawAgents - 1, tenErlangs, 60, 20).serviceLevel).toBeLessThan(0.8);
    expect(a.scheduledAgents).toBe(Math.ceil(a.rawAgents / 0.7 - 1e-9));
  });

  it('staffs thousands of Erlangs quickly', () => {
    const big = { callsPerInterval: 30_000, ahtSeconds: 180, intervalSeconds: 1800 };
    const targets = { targetAnswerSeconds: 20, targetServiceLevel: 0.9, maxOccupancy: 1, shrinkage: 0 };
    const started = process.cpuUsage(); // this process's CPU, not wall time: other work on the machine cannot fail it
    const a = erlangAStaffing(big, targets, 120);
    expect(cpuMs(process.cpuUsage(started))).toBeLessThan(2000);
    expect(a.serviceLevel).toBeGreaterThanOrEqual(0.9);
    expect(erlangA(a.rawAgents - 1, big, 120, 20).serviceLevel).toBeLessThan(0.9);
  });
});
