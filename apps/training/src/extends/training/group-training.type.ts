import { Directive, Field, ID, ObjectType } from 'type-graphql';
import { AgentTrainingType } from './agent-training.type';

/** Staff's Team: its agents (today's members) come from staff through @requires. */
@ObjectType('Team')
@Directive('@key(fields: "id")')
export class TeamTrainingType {
  @Field(() => ID)
  id!: string;

  @Field(() => [AgentTrainingType])
  @Directive('@external')
  agents!: AgentTrainingType[];
}

/** Staff's Center: its agents (today's members) come from staff through @requires. */
@ObjectType('Center')
@Directive('@key(fields: "id")')
export class CenterTrainingType {
  @Field(() => ID)
  id!: string;

  @Field(() => [AgentTrainingType])
  @Directive('@external')
  agents!: AgentTrainingType[];
}
