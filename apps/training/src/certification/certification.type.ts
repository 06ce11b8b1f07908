import { GraphQLLocalDate } from '@switchboard/subgraph-kit';
import { Directive, Field, ID, ObjectType } from 'type-graphql';

@ObjectType('Certification', { description: "A course's certification held by an agent" })
@Directive('@key(fields: "id")')
export class CertificationType {
  @Field(() => ID)
  id!: string;

  courseId!: string;

  @Field(() => String)
  employeeNo!: string;

  @Field(() => GraphQLLocalDate)
  issuedOn!: string;

  @Field(() => GraphQLLocalDate, {
    nullable: true,
    description: 'First day it is no longer valid; null: never',
  })
  expiresOn!: string | null;

  @Field(() => Boolean, { description: 'Valid today (UTC)' })
  valid!: boolean;
}
