import { Directive, Field, ObjectType } from 'type-graphql';
import { AgentRole } from '../../model/enums';

/** Staff's Skill; training reads its code only. */
@ObjectType('Skill')
export class SkillRef {
  @Field(() => String)
  @Directive('@external')
  code!: string;
}

/** Staff's AgentSkill; training reads the skill only. */
@ObjectType('AgentSkill')
export class AgentSkillRef {
  @Field(() => SkillRef)
  @Directive('@external')
  skill!: SkillRef;
}

/**
 * Staff's Agent, extended with training fields; training knows agents by employee number. Role and
 * skills are staff's (@external), read through @requires to tell which certifications are mandatory.
 */
@ObjectType('Agent')
@Directive('@key(fields: "employeeNo")')
export class AgentTrainingType {
  @Field(() => String)
  employeeNo!: string;

  @Field(() => AgentRole)
  @Directive('@external')
  role!: AgentRole;

  @Field(() => [AgentSkillRef])
  @Directive('@external')
  skills!: AgentSkillRef[];
}

/** The fields staff sends with an agent for training's requirements. */
export const AGENT_PROFILE_FIELDS = 'employeeNo role skills { skill { code } }';
