import type { Team } from './team.entity';
import { TeamType } from './team.type';

export function toTeamType(team: Team): TeamType {
  return Object.assign(new TeamType(), {
    id: team.id,
    code: team.code,
    name: team.name,
    centerId: team.center.id,
    leadAgentId: team.leadAgentId,
  });
}
