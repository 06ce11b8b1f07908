import {
  erlangB,
  erlangC,
  erlangCStaffing,
  erlangCWaitProbability,
  scheduledAgents,
  trafficIntensity,
} from './erlang-c';

/** The textbook sum form, A^N/N! / Σ A^k/k!, usable for small N only: the reference to check against. */
function erlangBBySums(agents: number, erlangs: number): number {
  let term = 1;
  let sum = 1;
  for (let k = 1; k <= agents; k++) {
    term = (term * erlangs) / k;
    sum += term;
  }
  return term / sum;
}

describe('Erlang C', () => {
  // Published worked example: Call Centre Helper, "Erlang C Formula – Made Simple With an Easy Worked
  // Example" (https://www.callcentrehelper.com/erlang-c-formula-example-121281.htm): 100 calls in
  // 30 minutes, AHT 180 s, target 80% answered in 20 s, shrinkage 30%. Published figures: A = 10
  // Erlangs; 14 agents; Pw = 17.4%; service level 88.8%; ASA 7.8 s; occupancy 71.4%; 20 agents
  // scheduled once shrinkage is added.
  const callCentreHelper = { callsPerInterval: 100, ahtSeconds: 180, intervalSeconds: 1800 };

  it('reproduces the callcentrehelper.com worked example', () => {
    expect(trafficIntensity(callCentreHelper)).toBe(10);
    const staffing = erlangCStaffing(callCentreHelper, {
      targetAnswerSeconds: 20,
      targetServiceLevel: 0.8,
      maxOccupancy: 0.85,
      shrinkage: 0.3,
    });
    expect(staffing.rawAgents).toBe(14);
    expect(staffing.scheduledAgents).toBe(20);
    expect(staffing.probabilityOfWaiting).toBeCloseTo(0.1741, 4);
    expect(staffing.serviceLevel).toBeCloseTo(0.888, 3);
    expect(staffing.asaSeconds).toBeCloseTo(7.8, 1);
    expect(staffing.occupancy).toBeCloseTo(0.714, 3);
    // and 13 agents fall short: 79.6% (the article's table: 13 agents -> 79.56%)
    expect(erlangC(13, callCentreHelper, 20).serviceLevel).toBeCloseTo(0.7956, 4);
  });

  it('matches hand-computed small queues', () => {
    // M/M/1: Pw = ρ. A = 0.5: Pw = 0.5, ASA = 0.5 × AHT / 0.5 = AHT.
    expect(erlangCWaitProbability(1, 0.5)).toBeCloseTo(0.5, 12);
    const mm1 = erlangC(1, { callsPerInterval: 1, ahtSeconds: 60, intervalSeconds: 120 }, 0);
    expect(mm1.asaSeconds).toBeCloseTo(60, 9);
    expect(mm1.serviceLevel).toBeCloseTo(0.5, 12); // answered at once
    // M/M/2 with A = 1: B = 0.2, Pw = 2 × 0.2 / (2 − 0.8) = 1/3.
    expect(erlangB(2, 1)).toBeCloseTo(0.2, 12);
    expect(erlangCWaitProbability(2, 1)).toBeCloseTo(1 / 3, 12);
  });

  it('agrees with the factorial sums where those are usable', () => {
    for (const [agents, erlangs] of [
      [5, 3.2],
      [20, 15],
      [60, 55.5],
    ]) {
      expect(erlangB(agents, erlangs)).toBeCloseTo(erlangBBySums(agents, erlangs), 12);
    }
  });

  it('stays finite and exact for thousands of Erlangs', () => {
    // 5,000 Erlangs: the sum form overflows (5000^171 > 1e308); the recurrence does not.
    const workload = { callsPerInterval: 50_000, ahtSeconds: 180, intervalSeconds: 1800 };
    const targets = { targetAnswerSeconds: 20, targetServiceLevel: 0.8, maxOccupancy: 1, shrinkage: 0 };
    const staffing = erlangCStaffing(workload, targets);
    expect(staffing.erlangs).toBe(5000);
    expect(staffing.serviceLevel).toBeGreaterThanOrEqual(0.8);
    expect(erlangC(staffing.rawAgents - 1, workload, 20).serviceLevel).toBeLessThan(0.8);
    // square-root staffing: N ≈ A + β√A with β well under 1 for 80/20 at this size
    expect(staffing.rawAgents).toBeGreaterThan(5000);
    expect(staffing.rawAgents).toBeLessThan(5000 + 1.5 * Math.sqrt(5000));
    expect(Number.isFinite(staffing.asaSeconds)).toBe(true);
  });

  it('reports an overloaded queue as always waiting, with no finite ASA', () => {
    const overloaded = erlangC(9, { callsPerInterval: 100, ahtSeconds: 180, intervalSeconds: 1800 }, 20);
    expect(overloaded.probabilityOfWaiting).toBe(1);
    expect(overloaded.serviceLevel).toBe(0);
    expect(overloaded.asaSeconds).toBeNull();
    expect(overloaded.occupancy).toBe(1);
  });

  it('lets max occupancy, not service level, decide when it binds', () => {
    // A = 10: 80/20 needs 14; occupancy ≤ 0.6 needs ceil(10 / 0.6) = 17.
    const staffing = erlangCStaffing(
      { callsPerInterval: 100, ahtSeconds: 180, intervalSeconds: 1800 },
      { targetAnswerSeconds: 20, targetServiceLevel: 0.8, maxOccupancy: 0.6, shrinkage: 0 },
    );
    expect(staffing.rawAgents).toBe(17);
  });

  it('needs nobody for no calls', () => {
    const staffing = erlangCStaffing(
      { callsPerInterval: 0, ahtSeconds: 180, intervalSeconds: 1800 },
      { targetAnswerSeconds: 20, targetServiceLevel: 0.8, maxOccupancy: 0.85, shrinkage: 0.3 },
    );
    expect(staffing.rawAgents).toBe(0);
    expect(staffing.scheduledAgents).toBe(0);
    expect(staffing.serviceLevel).toBe(1);
  });

  it('rounds scheduled agents up after shrinkage, without floating-point surprises', () => {
    expect(scheduledAgents(14, 0.3)).toBe(20);
    expect(scheduledAgents(15, 0.3)).toBe(22); // 21.43 -> 22
    expect(scheduledAgents(10, 0)).toBe(10);
  });
});
