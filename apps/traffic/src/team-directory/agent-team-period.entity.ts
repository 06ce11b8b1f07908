import { Entity, OptionalProps, PrimaryKey, Property } from '@mikro-orm/core';

/**
 * A copy of staff's team history (which team an employee number was in, when), refreshed through
 * the gateway by TeamDirectorySync. It lets statistics group by the team an agent had when the
 * contact arrived, without reading the staff subgraph's tables.
 */
@Entity({ tableName: 'agent_team_period' })
export class AgentTeamPeriod {
  [OptionalProps]?: 'validTo' | 'centerId';

  @PrimaryKey({ type: 'text' })
  employeeNo!: string;

  @PrimaryKey({ type: 'date' })
  validFrom!: string;

  /** Exclusive; null while current. */
  @Property({ type: 'date', nullable: true })
  validTo: string | null = null;

  @Property({ type: 'uuid', index: true })
  teamId!: string;

  @Property({ type: 'uuid', nullable: true })
  centerId: string | null = null;
}
