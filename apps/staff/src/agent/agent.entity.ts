import { randomUUID } from 'node:crypto';
import { Check, Entity, Enum, ManyToOne, OptionalProps, PrimaryKey, Property } from '@mikro-orm/core';
import { AgentRole, AgentStatus } from '../model/agent';
import { Team } from '../team/team.entity';

export { AgentRole, AgentStatus };

@Entity({ tableName: 'agent' })
@Check({ name: 'agent_career_level_range', expression: 'career_level between 1 and 10' })
@Check({
  name: 'agent_termination_after_hire',
  expression: 'termination_date is null or termination_date >= hire_date',
})
export class Agent {
  [OptionalProps]?:
    | 'team'
    | 'role'
    | 'careerLevel'
    | 'status'
    | 'terminationDate'
    | 'email'
    | 'phone'
    | 'nationalId'
    | 'createdAt'
    | 'updatedAt';

  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  /** The number an agent gives customers; unique across the bank. */
  @Property({ type: 'text', unique: true })
  employeeNo!: string;

  @Property({ type: 'text' })
  displayName!: string;

  /** Current team; the dated history lives in team_membership. */
  @ManyToOne(() => Team, { nullable: true, deleteRule: 'restrict', index: true })
  team: Team | null = null;

  @Enum({ items: () => AgentRole, nativeEnumName: 'agent_role' })
  role: AgentRole = AgentRole.AGENT;

  @Property({ type: 'smallint' })
  careerLevel: number = 1;

  @Enum({ items: () => AgentStatus, nativeEnumName: 'agent_status', index: true })
  status: AgentStatus = AgentStatus.ACTIVE;

  @Property({ type: 'date' })
  hireDate!: string;

  @Property({ type: 'date', nullable: true })
  terminationDate: string | null = null;

  // PII: readable by HR only once access control lands (see DESIGN.md, Identity and access).
  @Property({ type: 'text', nullable: true })
  email: string | null = null;

  @Property({ type: 'text', nullable: true })
  phone: string | null = null;

  @Property({ type: 'text', nullable: true })
  nationalId: string | null = null;

  @Property({ type: 'timestamptz' })
  createdAt: Date = new Date();

  @Property({ type: 'timestamptz', onUpdate: () => new Date() })
  updatedAt: Date = new Date();
}
