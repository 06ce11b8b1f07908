import { Field, ID, ObjectType } from 'type-graphql';

@ObjectType('AccessScope', {
  description: 'The rows behind center and team codes, for other subgraphs that scope their data',
})
export class AccessScopeType {
  @Field(() => [ID], { description: 'Ids of the named centers' })
  centerIds!: string[];

  @Field(() => [ID], { description: "Ids of the named teams and of the named centers' teams" })
  teamIds!: string[];

  @Field(() => [String], { description: "Today's members of those teams, by employee number" })
  employeeNos!: string[];
}
