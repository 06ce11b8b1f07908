import type { EntityManager } from '@mikro-orm/postgresql';
import { demoRoster } from '@switchboard/demo';
import { AgentSkill } from '../agent/agent-skill.entity';
import { Agent, AgentRole, AgentStatus } from '../agent/agent.entity';
import { Center, CenterKind } from '../center/center.entity';
import { Skill } from '../skill/skill.entity';
import { TeamMembership } from '../team/team-membership.entity';
import { Team } from '../team/team.entity';

/** Seeds the demo roster when the database has no center yet; returns whether it seeded. */
export async function seedStaffDemo(em: EntityManager): Promise<boolean> {
  if ((await em.count(Center)) > 0) return false;
  const roster = demoRoster();
  await em.transactional(async (tx) => {
    const centers = new Map(
      roster.centers.map((c) => [c.code, tx.create(Center, { ...c, kind: c.kind as CenterKind })]),
    );
    const skills = new Map(roster.skills.map((s) => [s.code, tx.create(Skill, { ...s, description: null })]));
    // a team exists since its first member joined: its lead's dated history starts there (issue 18)
    const since = new Map<string, string>();
    for (const m of roster.agents.flatMap((a) => a.teams)) {
      if (!since.has(m.teamCode) || m.from < (since.get(m.teamCode) as string)) since.set(m.teamCode, m.from);
    }
    const teams = new Map(
      roster.teams.map((t) => [
        t.code,
        tx.create(Team, {
          code: t.code,
          name: t.name,
          center: centers.get(t.centerCode) as Center,
          ...(since.has(t.code) ? { createdAt: new Date(`${since.get(t.code)}T00:00:00Z`) } : {}),
        }),
      ]),
    );
    for (const a of roster.agents) {
      const current = a.teams[a.teams.length - 1];
      const agent = tx.create(Agent, {
        employeeNo: a.employeeNo,
        displayName: a.displayName,
        role: a.role as AgentRole,
        careerLevel: a.careerLevel,
        status: a.status as AgentStatus,
        hireDate: a.hireDate,
        terminationDate: a.terminationDate,
        email: a.email,
        phone: a.phone,
        nationalId: a.nationalId,
        team: teams.get(current.teamCode) as Team,
      });
      for (const s of a.skills)
        tx.create(AgentSkill, { agent, skill: skills.get(s.code) as Skill, proficiency: s.proficiency });
      for (const m of a.teams) {
        tx.create(TeamMembership, {
          agent,
          team: teams.get(m.teamCode) as Team,
          validFrom: m.from,
          validTo: m.to,
        });
      }
      if (a.role === 'TEAM_LEAD') (teams.get(current.teamCode) as Team).leadAgentId = agent.id;
    }
  });
  return true;
}
