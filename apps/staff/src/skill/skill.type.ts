import { Field, ID, ObjectType } from 'type-graphql';

@ObjectType('Skill', { description: 'A skill an agent can be routed by: a product, a language, a channel' })
export class SkillType {
  @Field(() => ID)
  id!: string;

  @Field(() => String)
  code!: string;

  @Field(() => String)
  name!: string;

  @Field(() => String, { nullable: true })
  description!: string | null;
}
