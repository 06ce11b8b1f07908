import { Entity, PrimaryKey, Property } from '@mikro-orm/core';

/**
 * A copy of staff's current role and career level of an employee number, refreshed with the team
 * directory: what a role or level standard cost rate is matched by (METRICS.md, costPerContact).
 */
@Entity({ tableName: 'agent_grade' })
export class AgentGrade {
  @PrimaryKey({ type: 'text' })
  employeeNo!: string;

  @Property({ type: 'text' })
  role!: string;

  @Property({ type: 'smallint' })
  careerLevel!: number;
}
