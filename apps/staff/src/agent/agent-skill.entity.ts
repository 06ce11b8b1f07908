import { Check, Entity, ManyToOne, Property } from '@mikro-orm/core';
import { Skill } from '../skill/skill.entity';
import { Agent } from './agent.entity';

@Entity({ tableName: 'agent_skill' })
@Check({ name: 'agent_skill_proficiency_range', expression: 'proficiency between 1 and 5' })
export class AgentSkill {
  @ManyToOne(() => Agent, { primary: true, deleteRule: 'cascade' })
  agent!: Agent;

  @ManyToOne(() => Skill, { primary: true, deleteRule: 'restrict', index: true })
  skill!: Skill;

  /** 1 (learning) .. 5 (expert). */
  @Property({ type: 'smallint' })
  proficiency!: number;
}
