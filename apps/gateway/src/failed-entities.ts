import {
  isNonNullType,
  isObjectType,
  Kind,
  parse,
  type FragmentDefinitionNode,
  type GraphQLSchema,
  type SelectionSetNode,
} from 'graphql';

interface AskedField {
  /** Where the answer carries it (the alias, if any). */
  responseName: string;
  /** The field of the type. */
  name: string;
}

/** The fields a selection set asks of an object of `typename` (inline fragments and spreads followed). */
function fieldsAsked(
  selectionSet: SelectionSetNode,
  typename: string,
  fragments: ReadonlyMap<string, FragmentDefinitionNode>,
): AskedField[] {
  return selectionSet.selections.flatMap((selection): AskedField[] => {
    switch (selection.kind) {
      case Kind.FIELD:
        return [{ responseName: selection.alias?.value ?? selection.name.value, name: selection.name.value }];
      case Kind.INLINE_FRAGMENT:
        return !selection.typeCondition || selection.typeCondition.name.value === typename
          ? fieldsAsked(selection.selectionSet, typename, fragments)
          : [];
      case Kind.FRAGMENT_SPREAD: {
        const fragment = fragments.get(selection.name.value);
        return fragment?.typeCondition.name.value === typename
          ? fieldsAsked(fragment.selectionSet, typename, fragments)
          : [];
      }
    }
  });
}

/**
 * What an `_entities` fetch to a subgraph that is down answers instead of nothing: each entity with
 * the fields the fetch asked of it null, where the API schema lets them be null. The gateway then
 * still sends the next fetches their representations, so a field that `@requires` the failed
 * subgraph's part is computed without it (kpi's `kpis` with `qa: null`: the QA KPIs null, the rest
 * computed); a required part that is simply missing would drop the representation and null the whole
 * record up to its first nullable parent. A non-null field stays missing, as the failure left it.
 * Null for any other fetch (a root field), which fails as before.
 */
export function nullEntitiesOf(
  query: string | undefined,
  variables: Record<string, unknown> | undefined,
  schema: GraphQLSchema,
): { _entities: Record<string, unknown>[] } | null {
  const representations = variables?.representations;
  if (!query || !Array.isArray(representations)) return null;
  const document = parse(query);
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions)
    if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
  const operation = document.definitions.find((d) => d.kind === Kind.OPERATION_DEFINITION);
  const entities = operation?.selectionSet.selections.find(
    (s) => s.kind === Kind.FIELD && s.name.value === '_entities',
  );
  if (entities?.kind !== Kind.FIELD || !entities.selectionSet) return null;
  const selectionSet = entities.selectionSet;
  return {
    _entities: representations.map((representation: unknown) => {
      const typename = (representation as { __typename?: unknown } | null)?.__typename;
      if (typeof typename !== 'string') return null;
      const type = schema.getType(typename);
      const fields = isObjectType(type) ? type.getFields() : {};
      const nulls = fieldsAsked(selectionSet, typename, fragments)
        .filter(({ name }) => name in fields && !isNonNullType(fields[name].type))
        .map(({ responseName }) => [responseName, null]);
      return { __typename: typename, ...Object.fromEntries(nulls) };
    }),
  };
}
