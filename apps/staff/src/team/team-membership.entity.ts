import { randomUUID } from 'node:crypto';
import {
  Check,
  Entity,
  Index,
  ManyToOne,
  OptionalProps,
  PrimaryKey,
  Property,
  Unique,
} from '@mikro-orm/core';
import { Agent } from '../agent/agent.entity';
import { Team } from './team.entity';

/**
 * An agent's membership of a team over [validFrom, validTo): the dated history that lets last
 * month's team figures count the agents the team had last month.
 */
@Entity({ tableName: 'team_membership' })
@Check({ name: 'team_membership_valid_range', expression: 'valid_to is null or valid_to > valid_from' })
@Index({ name: 'team_membership_team_period_idx', properties: ['team', 'validFrom'] })
@Unique({
  name: 'team_membership_one_open_per_agent',
  expression:
    'create unique index "team_membership_one_open_per_agent" on "team_membership" ("agent_id") where "valid_to" is null',
})
export class TeamMembership {
  [OptionalProps]?: 'validTo';

  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @ManyToOne(() => Agent, { deleteRule: 'cascade', index: true })
  agent!: Agent;

  @ManyToOne(() => Team, { deleteRule: 'restrict' })
  team!: Team;

  @Property({ type: 'date' })
  validFrom!: string;

  /** Exclusive end; null while the membership is current. */
  @Property({ type: 'date', nullable: true })
  validTo: string | null = null;
}
