import { Directive, Field, ObjectType } from 'type-graphql';

/** Staff's Agent, extended with QA fields; QA knows agents by employee number. */
@ObjectType('Agent')
@Directive('@key(fields: "employeeNo")')
export class AgentQaType {
  @Field(() => String)
  employeeNo!: string;
}
