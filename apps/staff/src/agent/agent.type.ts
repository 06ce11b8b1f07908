import { Directive, Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { PageInfoType, GraphQLLocalDate } from '@switchboard/subgraph-kit';
import { SkillType } from '../skill/skill.type';
import { AgentRole, AgentStatus } from './agent.entity';

registerEnumType(AgentRole, { name: 'AgentRole', description: 'The job an employee does in the center' });
registerEnumType(AgentStatus, { name: 'AgentStatus' });

@ObjectType('Agent', {
  description: 'An employee of a center: agent, team lead, QA evaluator, trainer, manager',
})
@Directive('@key(fields: "id")')
@Directive('@key(fields: "employeeNo")')
export class AgentType {
  @Field(() => ID)
  id!: string;

  @Field(() => String, { description: 'The number the agent gives customers; unique' })
  employeeNo!: string;

  @Field(() => String)
  displayName!: string;

  @Field(() => AgentRole)
  role!: AgentRole;

  @Field(() => Int, { description: 'Career level, 1 (entry) to 10' })
  careerLevel!: number;

  @Field(() => AgentStatus)
  status!: AgentStatus;

  @Field(() => GraphQLLocalDate)
  hireDate!: string;

  @Field(() => GraphQLLocalDate, { nullable: true })
  terminationDate!: string | null;

  /** PII: served by AgentPiiResolver (HR only, audit-logged). */
  email!: string | null;

  /** PII: served by AgentPiiResolver (HR only, audit-logged). */
  phone!: string | null;

  /** PII: served by AgentPiiResolver (HR only, audit-logged). */
  nationalId!: string | null;

  teamId!: string | null;
}

@ObjectType('AgentSkill', { description: "A skill an agent holds, with the agent's proficiency" })
export class AgentSkillType {
  @Field(() => SkillType)
  skill!: SkillType;

  @Field(() => Int, { description: '1 (learning) to 5 (expert)' })
  proficiency!: number;
}

@ObjectType('TeamAssignment', { description: 'A period during which an agent belonged to a team' })
export class TeamAssignmentType {
  @Field(() => GraphQLLocalDate)
  validFrom!: string;

  @Field(() => GraphQLLocalDate, { nullable: true, description: 'Exclusive end; null while current' })
  validTo!: string | null;

  teamId!: string;
}

@ObjectType('AgentConnection')
export class AgentConnectionType {
  @Field(() => [AgentType])
  nodes!: AgentType[];

  @Field(() => PageInfoType)
  pageInfo!: PageInfoType;

  @Field(() => Int, { description: 'Agents matching the filter, over all pages' })
  totalCount!: number;
}
