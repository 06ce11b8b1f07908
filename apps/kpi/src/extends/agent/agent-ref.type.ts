import { Directive, Field, ID, ObjectType } from 'type-graphql';

/** Staff's Agent, by id: staff resolves its fields (name, team, ...), kpi adds the agent's trend. */
@ObjectType('Agent')
@Directive('@key(fields: "id")')
export class AgentRef {
  @Field(() => ID) id!: string;
}
