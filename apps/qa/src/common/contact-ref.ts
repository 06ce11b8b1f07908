import { Length } from 'class-validator';
import { Directive, Field, InputType, ObjectType } from 'type-graphql';

/** Traffic's Contact, referenced by its natural key; the traffic subgraph resolves its fields. */
@ObjectType('Contact')
@Directive('@key(fields: "source externalId", resolvable: false)')
export class ContactRef {
  @Field(() => String) source!: string;
  @Field(() => String) externalId!: string;
}

@InputType({ description: "A traffic contact's natural key" })
export class ContactKeyInput {
  @Field(() => String) @Length(1, 200) source!: string;
  @Field(() => String) @Length(1, 200) externalId!: string;
}
