import { Directive, Field, ObjectType } from 'type-graphql';

/** Staff's Agent, extended with traffic fields; traffic knows agents by employee number. */
@ObjectType('Agent')
@Directive('@key(fields: "employeeNo")')
export class AgentTrafficType {
  @Field(() => String)
  employeeNo!: string;
}
