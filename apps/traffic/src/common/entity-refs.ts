import { Directive, Field, ID, ObjectType } from 'type-graphql';

/** Staff's Team, referenced by id; the staff subgraph resolves its fields. */
@ObjectType('Team')
@Directive('@key(fields: "id", resolvable: false)')
export class TeamRef {
  @Field(() => ID)
  id!: string;
}
