import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper';
import { getMetadataStorage } from 'type-graphql';

// type-graphql's metadata: the classes of object and interface types with their fields.
type ClassMetadata = ReturnType<typeof getMetadataStorage>['objectTypes'][number];
type FieldMetadata = NonNullable<ClassMetadata['fields']>[number];

/**
 * Whether type-graphql's resolver for `field` of `owner` only reads the property of the same name
 * (its "basic field resolver"): no field resolver method, no arguments, no middlewares, no roles, and
 * the property named as the field. GraphQL's default resolver reads the same value.
 */
function readsOwnProperty(
  storage: ReturnType<typeof getMetadataStorage>,
  owner: ClassMetadata,
  field: FieldMetadata,
): boolean {
  if (field.name !== field.schemaName) return false;
  if (field.params?.length || field.middlewares?.length || field.roles?.length) return false;
  return !storage.fieldResolvers.some((resolver) => {
    if (resolver.methodName !== field.name) return false;
    const type = resolver.getObjectType?.();
    return type === undefined || type === field.target || type === owner.target;
  });
}

/**
 * The metadata of field `name` of a type's class: its own, or as it inherits it from a superclass
 * (type-graphql keeps an inherited field in the superclass's metadata only) or an interface.
 * `byTarget`: the metadata of the object and interface types by their class.
 */
function fieldOf(
  byTarget: ReadonlyMap<unknown, ClassMetadata[]>,
  owner: ClassMetadata,
  name: string,
): FieldMetadata | undefined {
  const chain: unknown[] = [];
  for (let t: unknown = owner.target; typeof t === 'function'; t = Object.getPrototypeOf(t)) chain.push(t);
  const interfaces = (owner as { interfaceClasses?: unknown[] }).interfaceClasses ?? [];
  for (const target of [...chain, ...interfaces]) {
    for (const c of byTarget.get(target) ?? []) {
      const field = c.fields?.find((f) => f.schemaName === name);
      if (field) return field;
    }
  }
  return undefined;
}

/**
 * Takes out of `resolvers` (createResolversMap's map of a type-graphql schema) the resolvers that only
 * read a property of the same name. type-graphql wraps every field without `simpleResolvers` in one
 * (a closure, an object and a middleware walk per field of every object answered), and it wraps a
 * class's inherited fields even with `simpleResolvers` on the class: 15 of trafficStats' 19 row
 * fields did, 830,000 calls for a month of half hours per queue. Without a resolver, GraphQL's
 * default reads the property and graphql-jit inlines the read. A type name of several classes
 * (two subgraphs' `Agent` loaded in one process) loses a field's resolver only when it is plain in
 * every one of them. Returns the number of resolvers taken out.
 */
export function dropPlainFieldResolvers(resolvers: GraphQLResolverMap<unknown>): number {
  const storage = getMetadataStorage();
  const classes = new Map<string, ClassMetadata[]>();
  const byTarget = new Map<unknown, ClassMetadata[]>();
  for (const c of [...storage.objectTypes, ...storage.interfaceTypes]) {
    classes.set(c.name, [...(classes.get(c.name) ?? []), c]);
    byTarget.set(c.target, [...(byTarget.get(c.target) ?? []), c]);
  }
  let dropped = 0;
  for (const [typeName, fields] of Object.entries(resolvers)) {
    const owners = classes.get(typeName);
    if (!owners || typeof fields !== 'object' || fields === null) continue;
    const map = fields as Record<string, unknown>;
    for (const name of Object.keys(map)) {
      if (name.startsWith('__') || typeof map[name] !== 'function') continue;
      const plain = owners.every((owner) => {
        const field = fieldOf(byTarget, owner, name);
        return field !== undefined && readsOwnProperty(storage, owner, field);
      });
      if (plain) {
        delete map[name];
        dropped += 1;
      }
    }
  }
  return dropped;
}
