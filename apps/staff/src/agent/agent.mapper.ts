import { toSkillType } from '../skill/skill.mapper';
import type { TeamMembership } from '../team/team-membership.entity';
import type { AgentSkill } from './agent-skill.entity';
import type { Agent } from './agent.entity';
import { AgentSkillType, AgentType, TeamAssignmentType } from './agent.type';

export function toAgentType(agent: Agent): AgentType {
  return Object.assign(new AgentType(), {
    id: agent.id,
    employeeNo: agent.employeeNo,
    displayName: agent.displayName,
    role: agent.role,
    careerLevel: agent.careerLevel,
    status: agent.status,
    hireDate: agent.hireDate,
    terminationDate: agent.terminationDate,
    email: agent.email,
    phone: agent.phone,
    nationalId: agent.nationalId,
    teamId: agent.team?.id ?? null,
  });
}

export function toAgentSkillType(agentSkill: Pick<AgentSkill, 'skill' | 'proficiency'>): AgentSkillType {
  return Object.assign(new AgentSkillType(), {
    skill: toSkillType(agentSkill.skill),
    proficiency: agentSkill.proficiency,
  });
}

export function toTeamAssignmentType(membership: TeamMembership): TeamAssignmentType {
  return Object.assign(new TeamAssignmentType(), {
    validFrom: membership.validFrom,
    validTo: membership.validTo,
    teamId: membership.team.id,
  });
}
