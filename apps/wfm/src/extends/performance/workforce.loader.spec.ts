import type { ScheduleAdherence } from '@switchboard/metrics';
import { timelinesOf, workforceOf, type ScheduledDay } from './workforce.loader';

/*
 * A center's record and its teams' records measure the same agent-days (their `score` makes wfm
 * answer both): with the work of one answered batch shared, the teams' records reuse the days the
 * center's record measured (issue 23), and give what they give alone.
 */
describe('workforceOf with a shared batch', () => {
  const at = (time: string) => Date.parse(`2026-11-02T${time}Z`);
  // each agent scheduled 01:00-04:00 on queue; logged in from 01:05 (A) or 01:30 (B), available until 04:00
  const scheduled: ScheduledDay[] = ['A', 'B'].map((employeeNo) => ({
    employeeNo,
    start: at('00:00:00'),
    end: at('23:59:59') + 1000,
    segments: [{ start: at('01:00:00'), end: at('04:00:00'), activity: 'ON_QUEUE' }],
  }));
  const timelines = timelinesOf(
    new Map([
      ['A', [{ start: at('01:05:00'), end: at('04:00:00'), state: 'AVAILABLE' as const }]],
      ['B', [{ start: at('01:30:00'), end: at('04:00:00'), state: 'AVAILABLE' as const }]],
    ]),
  );
  const period = { from: new Date(at('00:00:00')), to: new Date(at('23:59:59') + 1000) };
  const center = { key: 'center', ...period, employeeNos: ['A', 'B'] };
  const teams = [
    { key: 'team-a', ...period, employeeNos: ['A'] },
    { key: 'team-b', ...period, employeeNos: ['B'] },
  ];

  it('measures each agent-day once for the center and its teams, with the same figures as alone', () => {
    const worked = new Map<string, ScheduleAdherence | null>();
    const ofCenter = workforceOf(center, scheduled, timelines, worked);
    expect(worked.size).toBe(2);
    const measured = [...worked.values()];
    const ofTeams = teams.map((team) => workforceOf(team, scheduled, timelines, worked));
    expect(worked.size).toBe(2);
    expect([...worked.values()]).toEqual(measured);
    expect(ofCenter).toEqual(workforceOf(center, scheduled, timelines));
    expect(ofTeams).toEqual(teams.map((team) => workforceOf(team, scheduled, timelines)));
    // 5 and 30 exception minutes of 180 scheduled each
    expect(ofCenter.exceptionSeconds).toBe(35 * 60);
    expect(ofTeams.map((t) => t.exceptionSeconds)).toEqual([300, 1800]);
  });

  it('measures a day clipped otherwise (another period) apart', () => {
    const worked = new Map<string, ScheduleAdherence | null>();
    workforceOf(center, scheduled, timelines, worked);
    const morning = { key: 'morning', from: period.from, to: new Date(at('02:00:00')), employeeNos: ['A'] };
    const part = workforceOf(morning, scheduled, timelines, worked);
    expect(worked.size).toBe(3);
    expect(part.scheduledSeconds).toBe(3600);
    expect(part.exceptionSeconds).toBe(300);
  });
});
