import { GraphQLLocalDate } from '@switchboard/subgraph-kit';
import { Directive, Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { CenterKind } from './center.entity';

registerEnumType(CenterKind, {
  name: 'CenterKind',
  description: 'PERMANENT, or TEMPORARY: opened for a campaign or a season between activeFrom and activeTo',
});

@ObjectType('Center', { description: 'A contact center site, permanent or temporary (campaign)' })
@Directive('@key(fields: "id")')
export class CenterType {
  @Field(() => ID)
  id!: string;

  @Field(() => String, { description: 'Short unique code, e.g. SHA-01' })
  code!: string;

  @Field(() => String)
  name!: string;

  @Field(() => String, {
    description: 'IANA time zone, e.g. Asia/Shanghai; intervals and days are counted in it',
  })
  timeZone!: string;

  @Field(() => CenterKind)
  kind!: CenterKind;

  @Field(() => GraphQLLocalDate, { nullable: true })
  activeFrom!: string | null;

  @Field(() => GraphQLLocalDate, { nullable: true })
  activeTo!: string | null;
}
