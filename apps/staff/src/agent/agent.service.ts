import type { EntityManager } from '@mikro-orm/postgresql';
import { Skill } from '../skill/skill.entity';
import { addDays, isUuid, todayUtc } from '../common/validation';
import { TeamMembership } from '../team/team-membership.entity';
import { Team } from '../team/team.entity';
import { AgentSkill } from './agent-skill.entity';
import { Agent, AgentStatus } from './agent.entity';
import { agentErrors } from './agent.errors';
import type {
  AgentSkillInput,
  HireAgentInput,
  TerminateAgentInput,
  TransferAgentInput,
  UpdateAgentInput,
} from './agent.input';

/** Hiring, updating, transferring and terminating agents; every change is one transaction. */
export class AgentService {
  constructor(
    private readonly em: EntityManager,
    private readonly today: () => string = todayUtc,
  ) {}

  async get(id: string): Promise<Agent> {
    const agent = isUuid(id) ? await this.em.findOne(Agent, { id }) : null;
    if (!agent) throw agentErrors.notFound(id);
    return agent;
  }

  findByEmployeeNo(employeeNo: string): Promise<Agent | null> {
    return this.em.findOne(Agent, { employeeNo });
  }

  async hire(input: HireAgentInput): Promise<Agent> {
    if (await this.findByEmployeeNo(input.employeeNo)) throw agentErrors.employeeNoTaken(input.employeeNo);
    const team = input.teamId != null ? await this.team('teamId', input.teamId) : null;
    const skills = await this.resolveSkills(input.skills);
    return this.em.transactional(async (em) => {
      const agent = em.create(Agent, {
        employeeNo: input.employeeNo,
        displayName: input.displayName.trim(),
        team,
        role: input.role,
        careerLevel: input.careerLevel,
        hireDate: input.hireDate,
        email: input.email ?? null,
        phone: input.phone ?? null,
        nationalId: input.nationalId ?? null,
      });
      if (team) em.create(TeamMembership, { agent, team, validFrom: input.hireDate });
      for (const { skill, proficiency } of skills) em.create(AgentSkill, { agent, skill, proficiency });
      return agent;
    });
  }

  async update(id: string, input: UpdateAgentInput): Promise<Agent> {
    const agent = await this.get(id);
    const skills = input.skills ? await this.resolveSkills(input.skills) : null;
    return this.em.transactional(async (em) => {
      if (input.displayName !== undefined) agent.displayName = input.displayName.trim();
      if (input.role !== undefined) agent.role = input.role;
      if (input.careerLevel !== undefined) agent.careerLevel = input.careerLevel;
      if (input.status !== undefined) {
        if (agent.status === AgentStatus.TERMINATED) throw agentErrors.terminated(agent.employeeNo);
        agent.status = input.status;
      }
      if (input.email !== undefined) agent.email = input.email;
      if (input.phone !== undefined) agent.phone = input.phone;
      if (input.nationalId !== undefined) agent.nationalId = input.nationalId;
      if (skills) {
        await em.nativeDelete(AgentSkill, { agent });
        for (const { skill, proficiency } of skills) em.create(AgentSkill, { agent, skill, proficiency });
      }
      return agent;
    });
  }

  /** Moves an agent to another team from `effectiveDate`, closing the current assignment. */
  async transfer(id: string, input: TransferAgentInput): Promise<Agent> {
    const agent = await this.get(id);
    if (agent.status === AgentStatus.TERMINATED) throw agentErrors.terminated(agent.employeeNo);
    const team = await this.team('teamId', input.teamId);
    if (input.effectiveDate > this.today()) throw agentErrors.futureDate('effectiveDate');
    if (input.effectiveDate < agent.hireDate) throw agentErrors.beforeHire('effectiveDate', agent.hireDate);
    const open = await this.em.findOne(TeamMembership, { agent, validTo: null });
    if (open?.team.id === team.id) throw agentErrors.sameTeam();
    if (open && input.effectiveDate < open.validFrom) {
      throw agentErrors.beforeCurrentAssignment('effectiveDate', open.validFrom);
    }
    return this.em.transactional(async (em) => {
      await moveToTeams(em, [{ agent, open, team, from: input.effectiveDate }]);
      return agent;
    });
  }

  async terminate(id: string, input: TerminateAgentInput): Promise<Agent> {
    const agent = await this.get(id);
    if (agent.status === AgentStatus.TERMINATED) throw agentErrors.terminated(agent.employeeNo);
    if (input.terminationDate < agent.hireDate)
      throw agentErrors.beforeHire('terminationDate', agent.hireDate);
    const open = await this.em.findOne(TeamMembership, { agent, validTo: null });
    const end = addDays(input.terminationDate, 1);
    if (open && end <= open.validFrom)
      throw agentErrors.beforeCurrentAssignment('terminationDate', open.validFrom);
    return this.em.transactional(async () => {
      agent.status = AgentStatus.TERMINATED;
      agent.terminationDate = input.terminationDate;
      if (open) open.validTo = end;
      return agent;
    });
  }

  private async team(field: string, id: string): Promise<Team> {
    const team = isUuid(id) ? await this.em.findOne(Team, { id }) : null;
    if (!team) throw agentErrors.unknownTeam(field, id);
    return team;
  }

  private async resolveSkills(inputs: AgentSkillInput[]): Promise<{ skill: Skill; proficiency: number }[]> {
    const seen = new Set<string>();
    for (const { skillCode } of inputs) {
      if (seen.has(skillCode)) throw agentErrors.duplicateSkill(skillCode);
      seen.add(skillCode);
    }
    if (inputs.length === 0) return [];
    const skills = await this.em.find(Skill, { code: { $in: [...seen] } });
    const byCode = new Map(skills.map((s) => [s.code, s]));
    const unknown = [...seen].filter((code) => !byCode.has(code));
    if (unknown.length > 0) throw agentErrors.unknownSkills(unknown);
    return inputs.map((i) => ({ skill: byCode.get(i.skillCode) as Skill, proficiency: i.proficiency }));
  }
}

/** A team change: `open` (the current assignment, if any) ends at `from`; one in `team` begins. */
export interface TeamMove {
  agent: Agent;
  open: TeamMembership | null;
  team: Team;
  from: string;
}

/**
 * Applies team changes in two flushes whatever their number: the open assignments are closed (or
 * dropped when they began that same day) and flushed first, since the database allows one open
 * assignment per agent; the new ones are written by the caller's transaction.
 */
export async function moveToTeams(em: EntityManager, moves: TeamMove[]): Promise<void> {
  for (const { open, from } of moves) {
    if (open && open.validFrom === from) em.remove(open);
    else if (open) open.validTo = from;
  }
  if (moves.some((m) => m.open)) await em.flush();
  for (const { agent, team, from } of moves) {
    em.create(TeamMembership, { agent, team, validFrom: from });
    agent.team = team;
  }
}
