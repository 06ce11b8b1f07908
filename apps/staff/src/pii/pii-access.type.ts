import { GraphQLDateTimeISO } from 'graphql-scalars';
import { Field, InputType, ObjectType } from 'type-graphql';
import { PageInfoType } from '@switchboard/subgraph-kit';

@ObjectType('PiiAccess', { description: 'One read of one PII field: who, what, when; never the value' })
export class PiiAccessType {
  @Field(() => GraphQLDateTimeISO)
  accessedAt!: Date;

  @Field(() => String, { description: 'The token subject of the reader' })
  subject!: string;

  @Field(() => [String])
  roles!: string[];

  @Field(() => String, { description: 'email, phone or nationalId' })
  field!: string;

  @Field(() => String)
  employeeNo!: string;

  @Field(() => String, { description: 'Operation type and name, e.g. "query AgentCard"' })
  operation!: string;

  @Field(() => String)
  requestId!: string;
}

@ObjectType('PiiAccessConnection')
export class PiiAccessConnectionType {
  @Field(() => [PiiAccessType])
  nodes!: PiiAccessType[];

  @Field(() => PageInfoType)
  pageInfo!: PageInfoType;
}

@InputType('PiiAccessFilter')
export class PiiAccessFilterInput {
  @Field(() => GraphQLDateTimeISO, { nullable: true, description: 'Inclusive' })
  from?: Date | null;

  @Field(() => GraphQLDateTimeISO, { nullable: true, description: 'Exclusive' })
  to?: Date | null;

  @Field(() => String, { nullable: true })
  employeeNo?: string | null;

  @Field(() => String, { nullable: true })
  subject?: string | null;
}
