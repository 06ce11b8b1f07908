import type { EntityManager } from '@mikro-orm/postgresql';
import { Agent, AgentStatus } from '../agent/agent.entity';
import { Center } from '../center/center.entity';
import { isUuid } from '../common/validation';
import { teamErrors } from './team.errors';
import type { CreateTeamInput, UpdateTeamInput } from './team.input';
import { Team } from './team.entity';

export class TeamService {
  constructor(private readonly em: EntityManager) {}

  /** Teams of a center (or all), among `visibleIds` (null: every team). */
  list(centerId?: string | null, visibleIds: string[] | null = null): Promise<Team[]> {
    if (centerId && !isUuid(centerId)) return Promise.resolve([]);
    return this.em.find(
      Team,
      { ...(centerId ? { center: centerId } : {}), ...(visibleIds ? { id: { $in: visibleIds } } : {}) },
      { orderBy: { code: 'asc' } },
    );
  }

  async get(id: string): Promise<Team> {
    const team = isUuid(id) ? await this.em.findOne(Team, { id }) : null;
    if (!team) throw teamErrors.notFound(id);
    return team;
  }

  findByCode(code: string): Promise<Team | null> {
    return this.em.findOne(Team, { code });
  }

  async create(input: CreateTeamInput): Promise<Team> {
    const center = isUuid(input.centerId) ? await this.em.findOne(Center, { id: input.centerId }) : null;
    if (!center) throw teamErrors.unknownCenter(input.centerId);
    if (await this.findByCode(input.code)) throw teamErrors.codeTaken(input.code);
    const team = this.em.create(Team, {
      code: input.code,
      name: input.name.trim(),
      center,
      leadAgentId: input.leadEmployeeNo ? await this.leadId(input.leadEmployeeNo, center.id) : null,
    });
    await this.em.persistAndFlush(team);
    return team;
  }

  async update(id: string, input: UpdateTeamInput): Promise<Team> {
    const team = await this.get(id);
    if (input.name !== undefined) team.name = input.name.trim();
    if (input.leadEmployeeNo !== undefined) {
      team.leadAgentId =
        input.leadEmployeeNo === null ? null : await this.leadId(input.leadEmployeeNo, team.center.id);
    }
    await this.em.flush();
    return team;
  }

  /** The lead exists, works here, and (when in a team) in a team of this center: not another center's agent. */
  private async leadId(employeeNo: string, centerId: string): Promise<string> {
    const lead = await this.em.findOne(Agent, { employeeNo }, { populate: ['team'] });
    if (!lead) throw teamErrors.unknownLead(employeeNo);
    if (lead.status === AgentStatus.TERMINATED) throw teamErrors.leadTerminated(employeeNo);
    if (lead.team && lead.team.center.id !== centerId) throw teamErrors.leadOfAnotherCenter(employeeNo);
    return lead.id;
  }
}
