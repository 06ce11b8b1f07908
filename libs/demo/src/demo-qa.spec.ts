import { scoreEvaluation } from '@switchboard/metrics';
import { demoHandledContacts } from './demo-qa-contacts';
import { demoQa } from './demo-qa';
import { demoRoster } from './demo-roster';
import { demoContacts } from './demo-traffic';
import { demoTrafficWindow } from './demo-traffic-window';

describe('demo QA', () => {
  const today = new Date('2026-11-23T10:00:00Z');
  const handled = demoHandledContacts(today);
  const qa = demoQa(undefined, today, handled);

  it('is the same on every run', () => {
    expect(demoQa(undefined, today, handled)).toEqual(qa);
  });

  // Issue 17: 481 of 500 demo evaluations pointed at contacts traffic did not hold.
  it("evaluates only contacts of traffic's demo, each answered by the evaluated agent, once per scorecard", () => {
    // traffic's demo seed stores exactly what this generator yields for this window
    const stored = new Map<string, { agent: string | null; outcome: string; endedAt: number }>();
    for (const c of demoContacts(demoTrafficWindow(today)))
      stored.set(`${c.source}/${c.externalId}`, {
        agent: c.agent,
        outcome: c.outcome,
        endedAt: c.endedAt.getTime(),
      });
    const people = new Map(demoRoster().agents.map((a) => [a.employeeNo, a]));
    const scored = [...qa.evaluations, ...qa.calibrations];
    expect(scored.length).toBeGreaterThan(500);
    for (const e of scored) {
      const contact = stored.get(`${e.contactSource}/${e.contactExternalId}`);
      expect({ key: e.contactExternalId, agent: contact?.agent, outcome: contact?.outcome }).toEqual({
        key: e.contactExternalId,
        agent: e.agentEmployeeNo,
        outcome: 'ANSWERED',
      });
      expect(e.createdAt.getTime()).toBeGreaterThan(contact?.endedAt ?? Infinity);
    }
    const keys = qa.evaluations.map((e) => `${e.contactSource}/${e.contactExternalId}/${e.scorecardCode}`);
    expect(new Set(keys).size).toBe(keys.length);
    // evaluators are QA evaluators, never the evaluated agent
    for (const e of qa.evaluations) {
      expect(people.get(e.evaluatorEmployeeNo)?.role).toBe('QA_EVALUATOR');
      expect(e.evaluatorEmployeeNo).not.toBe(e.agentEmployeeNo);
    }
    for (const c of qa.calibrations)
      expect(c.scores.map((s) => s.evaluatorEmployeeNo)).not.toContain(c.agentEmployeeNo);
  });

  it('is the traffic month of weekly evaluations of the demo agents, on the version published at the time', () => {
    const times = qa.evaluations.map((e) => e.createdAt.getTime());
    expect(Math.min(...times)).toBeGreaterThanOrEqual(demoTrafficWindow(today).from.getTime());
    expect(Math.max(...times)).toBeLessThan(Date.parse('2026-11-23T00:00:00Z'));
    expect(qa.evaluations.length).toBeGreaterThan(800);
    expect(qa.evaluations.length).toBeLessThan(3000);
    const retiredAt = Date.parse('2026-11-23T00:00:00Z') - 14 * 86_400_000;
    const voice = qa.evaluations.filter((x) => x.scorecardCode === 'VOICE-STD');
    for (const e of voice) expect(e.scorecardVersion).toBe(e.createdAt.getTime() < retiredAt ? 1 : 2);
    expect(new Set(voice.map((e) => e.scorecardVersion))).toEqual(new Set([1, 2]));
    expect(qa.evaluations.some((e) => e.scorecardCode === 'CHAT-STD')).toBe(true);
    const statuses = new Set(qa.evaluations.map((e) => e.status));
    expect(statuses).toEqual(new Set(['DRAFT', 'SUBMITTED', 'ACKNOWLEDGED', 'DISPUTED', 'RESOLVED']));
  });

  it('scores like a real center: mostly 75-95 %, a few auto-fails', () => {
    const scores = qa.evaluations.map((e) => {
      const card = qa.scorecards.find((s) => s.code === e.scorecardCode && s.version === e.scorecardVersion);
      return scoreEvaluation(card?.sections ?? [], e.answers);
    });
    const overall = scores.map((s) => s.overall ?? 0);
    const mean = overall.reduce((a, b) => a + b, 0) / overall.length;
    expect(mean).toBeGreaterThan(70);
    expect(mean).toBeLessThan(95);
    const failRate = scores.filter((s) => s.autoFailed).length / scores.length;
    expect(failRate).toBeGreaterThan(0.01);
    expect(failRate).toBeLessThan(0.2);
  });

  it('has calibration sessions of real calls and assigns every sampled agent to one evaluator', () => {
    expect(qa.calibrations).toHaveLength(6);
    expect(qa.calibrations.every((c) => c.scores[0].evaluatorEmployeeNo === c.calibratorEmployeeNo)).toBe(
      true,
    );
    const assigned = qa.assignments.flatMap((a) => a.agentEmployeeNos);
    expect(new Set(assigned).size).toBe(assigned.length);
    expect(qa.assignments.length).toBeGreaterThan(1);
  });
});
