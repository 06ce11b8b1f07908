import { demoCenterId } from './demo-ids';
import { demoRoster } from './demo-roster';

describe('demo roster', () => {
  const today = '2026-11-23';
  const roster = demoRoster(undefined, undefined, today);

  it('is the same on every run', () => {
    expect(demoRoster(undefined, undefined, today)).toEqual(roster);
  });

  it('has two centers, one temporary, 10 teams and 200 agents with unique employee numbers', () => {
    expect(roster.centers.map((c) => c.kind).sort()).toEqual(['PERMANENT', 'TEMPORARY']);
    expect(roster.teams).toHaveLength(10);
    expect(roster.agents).toHaveLength(200);
    expect(new Set(roster.agents.map((a) => a.employeeNo)).size).toBe(200);
    expect(
      roster.teams.every((t) =>
        roster.agents.some((a) => a.role === 'TEAM_LEAD' && a.teams.at(-1)?.teamCode === t.code),
      ),
    ).toBe(true);
  });

  it('keeps every team history consistent with hire and termination dates', () => {
    for (const agent of roster.agents) {
      expect(agent.teams[0].from).toBe(agent.hireDate);
      agent.teams.forEach((period, i) => {
        if (period.to) expect(period.to > period.from).toBe(true);
        if (i > 0) expect(period.from).toBe(agent.teams[i - 1].to);
      });
      const last = agent.teams.at(-1);
      if (agent.status === 'TERMINATED') {
        expect(agent.terminationDate && agent.terminationDate >= agent.hireDate).toBe(true);
        expect(last?.to).not.toBeNull();
      } else {
        expect(last?.to).toBeNull();
      }
      expect(agent.hireDate <= today).toBe(true);
      for (const skill of agent.skills) expect(skill.proficiency).toBeGreaterThanOrEqual(1);
    }
    expect(roster.agents.some((a) => a.teams.length > 1)).toBe(true);
  });

  it("gives the demo centers fixed ids that other subgraphs' demo data can name", () => {
    const centers = demoRoster().centers;
    expect(centers.map((c) => c.id)).toEqual(centers.map((c) => demoCenterId(c.code)));
    expect(demoCenterId('SHA-01')).toMatch(
      /^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
    );
    expect(demoCenterId('SHA-01')).not.toBe(demoCenterId('CTU-T1'));
  });
});
