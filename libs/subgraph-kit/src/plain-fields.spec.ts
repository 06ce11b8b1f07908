import 'reflect-metadata';
import { execute, parse } from 'graphql';
import {
  Arg,
  Field,
  FieldResolver,
  Int,
  ObjectType,
  Query,
  Resolver,
  Root,
  UseMiddleware,
  type MiddlewareFn,
} from 'type-graphql';
import { buildFederatedSchema } from './federated-schema';

@ObjectType('PlainFieldsBase')
class PlainFieldsBase {
  @Field(() => Int) inherited!: number;
}

const doubled: MiddlewareFn = async (_, next) => (await next()) * 2;

// No simpleResolvers: type-graphql would wrap each of these fields in a resolver of its own.
@ObjectType('PlainFieldsRow')
class PlainFieldsRow extends PlainFieldsBase {
  @Field(() => Int) own!: number;
  @Field(() => Int, { name: 'renamed' }) property!: number;
  @Field(() => Int) @UseMiddleware(doubled) withMiddleware!: number;
  @Field(() => Int) resolved!: number;
  @Field(() => Int) scaled!: number;
}

@Resolver(() => PlainFieldsRow)
class PlainFieldsRowResolver {
  @Query(() => [PlainFieldsRow])
  plainFieldsRows(): PlainFieldsRow[] {
    return [
      Object.assign(new PlainFieldsRow(), {
        inherited: 1,
        own: 2,
        property: 3,
        withMiddleware: 4,
        resolved: 5,
        scaled: 6,
      }),
    ];
  }

  @FieldResolver(() => Int)
  resolved(@Root() row: PlainFieldsRow): number {
    return row.resolved + 100;
  }

  @FieldResolver(() => Int)
  scaled(@Root() row: PlainFieldsRow, @Arg('by', () => Int, { defaultValue: 10 }) by: number): number {
    return row.scaled * by;
  }
}

describe('plain field resolvers', () => {
  it('reads plain properties with GraphQL default resolver, inherited ones too; keeps every other resolver', async () => {
    const { schema } = await buildFederatedSchema({ resolvers: [PlainFieldsRowResolver] });
    const fields = schema.getType('PlainFieldsRow') as unknown as {
      getFields(): Record<string, { resolve?: unknown }>;
    };
    const resolved = Object.entries(fields.getFields())
      .filter(([, f]) => f.resolve !== undefined)
      .map(([name]) => name)
      .sort();
    // renamed reads another property than its name; the others run code of their own
    expect(resolved).toEqual(['renamed', 'resolved', 'scaled', 'withMiddleware']);

    const answer = await execute({
      schema,
      document: parse('{ plainFieldsRows { inherited own renamed withMiddleware resolved scaled(by: 3) } }'),
      contextValue: {},
    });
    expect(answer.errors).toBeUndefined();
    expect(answer.data).toEqual({
      plainFieldsRows: [{ inherited: 1, own: 2, renamed: 3, withMiddleware: 8, resolved: 105, scaled: 18 }],
    });
  });
});
