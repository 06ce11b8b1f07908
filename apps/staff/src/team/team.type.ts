import { Directive, Field, ID, ObjectType } from 'type-graphql';

@ObjectType('Team', { description: 'A team of agents in one center, led by a team lead' })
@Directive('@key(fields: "id")')
export class TeamType {
  @Field(() => ID)
  id!: string;

  @Field(() => String, { description: 'Short unique code, e.g. SHA-CARDS-1' })
  code!: string;

  @Field(() => String)
  name!: string;

  centerId!: string;
  leadAgentId!: string | null;
}
