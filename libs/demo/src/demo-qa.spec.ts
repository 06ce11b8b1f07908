import { scoreEvaluation } from '@switchboard/metrics';
import { demoQa } from './demo-qa';

describe('demo QA', () => {
  const today = new Date('2026-11-23T10:00:00Z');
  const qa = demoQa(undefined, today);

  it('is the same on every run', () => {
    expect(demoQa(undefined, today)).toEqual(qa);
  });

  it('is a quarter of weekly evaluations of the demo agents, on the version published at the time', () => {
    const times = qa.evaluations.map((e) => e.createdAt.getTime());
    expect(Math.min(...times)).toBeGreaterThanOrEqual(Date.parse('2026-08-24T00:00:00Z'));
    expect(Math.max(...times)).toBeLessThan(Date.parse('2026-11-23T00:00:00Z'));
    expect(qa.evaluations.length).toBeGreaterThan(2000);
    expect(qa.evaluations.length).toBeLessThan(5000);
    const retiredAt = Date.parse('2026-11-23T00:00:00Z') - 45 * 86_400_000;
    for (const e of qa.evaluations.filter((x) => x.scorecardCode === 'VOICE-STD'))
      expect(e.scorecardVersion).toBe(e.createdAt.getTime() < retiredAt ? 1 : 2);
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

  it('has monthly calibration sessions and assigns every sampled agent to one evaluator', () => {
    expect(qa.calibrations).toHaveLength(6);
    expect(qa.calibrations.every((c) => c.scores[0].evaluatorEmployeeNo === c.calibratorEmployeeNo)).toBe(
      true,
    );
    const assigned = qa.assignments.flatMap((a) => a.agentEmployeeNos);
    expect(new Set(assigned).size).toBe(assigned.length);
    expect(qa.assignments.length).toBeGreaterThan(1);
  });
});
