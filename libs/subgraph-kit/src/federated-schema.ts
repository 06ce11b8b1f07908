import 'reflect-metadata';
import { buildSubgraphSchema, printSubgraphSchema } from '@apollo/subgraph';
import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper';
import { printSchemaWithDirectives } from '@graphql-tools/utils';
import type { GraphQLSchema } from 'graphql';
import gql from 'graphql-tag';
import { buildSchema, createResolversMap, type NonEmptyArray } from 'type-graphql';
import { dropPlainFieldResolvers } from './plain-fields';

const FEDERATION_LINK =
  'extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", ' +
  'import: ["@key", "@shareable", "@external", "@requires", "@provides", "@inaccessible", "@tag", "@override"])';

// type-graphql resolver classes are constructors of any shape.
// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
type ResolverClass = Function;

export interface FederatedSchemaOptions {
  resolvers: NonEmptyArray<ResolverClass>;
  /** Types not reachable from a root field that must still be in the schema (e.g. entity stubs). */
  orphanedTypes?: ResolverClass[];
  /** `{ TypeName: { __resolveReference } }`: passed into buildSubgraphSchema, never added afterwards. */
  referenceResolvers?: Record<string, { __resolveReference: (...args: never[]) => unknown }>;
}

export interface FederatedSchema {
  schema: GraphQLSchema;
  /** The subgraph SDL as the gateway's composition sees it (federation directives included). */
  sdl: string;
}

/**
 * type-graphql classes -> Apollo Federation 2 subgraph schema. The SDL is printed with its directives
 * (plain printSchema would drop @key), then built with the array form of buildSubgraphSchema.
 */
export async function buildFederatedSchema(options: FederatedSchemaOptions): Promise<FederatedSchema> {
  const typeGraphQLSchema = await buildSchema({
    resolvers: options.resolvers,
    orphanedTypes: options.orphanedTypes,
    validate: { forbidUnknownValues: false },
    skipCheck: true,
  });
  const typeDefs = gql(`${FEDERATION_LINK}\n\n${printSchemaWithDirectives(typeGraphQLSchema)}`);
  const resolvers = createResolversMap(typeGraphQLSchema) as GraphQLResolverMap<unknown>;
  dropPlainFieldResolvers(resolvers);
  for (const [typeName, reference] of Object.entries(options.referenceResolvers ?? {})) {
    resolvers[typeName] = {
      ...(resolvers[typeName] as object),
      ...reference,
    } as GraphQLResolverMap<unknown>[string];
  }
  const schema = buildSubgraphSchema([{ typeDefs, resolvers }]);
  return { schema, sdl: printSubgraphSchema(schema) };
}
