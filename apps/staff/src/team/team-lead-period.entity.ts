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
import { Team } from './team.entity';

/**
 * Who led a team over [validFrom, validTo): the dated lead history that lets care notify the lead a
 * team had when a promise fell due, not today's. Written by a trigger on `team` (insert, and every
 * change of lead_agent_id) in the writer's own transaction, so no path that sets a lead can skip it.
 */
@Entity({ tableName: 'team_lead_period' })
@Check({ name: 'team_lead_period_valid_range', expression: 'valid_to is null or valid_to > valid_from' })
@Index({ name: 'team_lead_period_team_from_idx', properties: ['team', 'validFrom'] })
@Unique({
  name: 'team_lead_period_one_open_per_team',
  expression:
    'create unique index "team_lead_period_one_open_per_team" on "team_lead_period" ("team_id") where "valid_to" is null',
})
export class TeamLeadPeriod {
  [OptionalProps]?: 'validTo';

  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @ManyToOne(() => Team, { deleteRule: 'cascade' })
  team!: Team;

  /** The lead (an agent id, as team.lead_agent_id). */
  @Property({ type: 'uuid' })
  leadAgentId!: string;

  @Property({ type: 'timestamptz' })
  validFrom!: Date;

  /** Exclusive end; null while the lead is current. */
  @Property({ type: 'timestamptz', nullable: true })
  validTo: Date | null = null;
}
