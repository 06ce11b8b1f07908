import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import {
  buildSchema,
  getNamedType,
  isEnumType,
  isInputObjectType,
  isLeafType,
  isListType,
  isNonNullType,
  Kind,
  parse,
  type GraphQLArgument,
  type GraphQLField,
  type GraphQLInputType,
} from 'graphql';
import { apiSchemaOf } from '../src/dashboard/operations';
import { SUPERGRAPH_PATH } from '../src/subgraphs';

/** A place in a call's variables a bad value can go, and the kind of value it takes. */
export interface Leaf {
  /** Variable path, "input.skills.0.code". */
  path: string;
  kind: 'text' | 'date' | 'timestamp';
}

/** One root field of the API, called with a well-formed value for every argument. */
export interface RootFieldCall {
  name: string;
  /** The subgraph that resolves it. */
  subgraph: string;
  document: string;
  variables: Record<string, unknown>;
  leaves: Leaf[];
}

const SAMPLES: Record<string, unknown> = {
  String: 'x',
  ID: '00000000-0000-4000-8000-000000000000',
  Int: 1,
  Float: 1,
  Boolean: true,
  DateTimeISO: '2026-01-05T00:00:00.000Z',
  LocalDate: '2026-01-05',
};

const KINDS: Record<string, Leaf['kind']> = { String: 'text', DateTimeISO: 'timestamp', LocalDate: 'date' };

/** A well-formed value of `type` (every input field filled, lists of one) and its bad-value leaves. */
function sample(type: GraphQLInputType, path: string, leaves: Leaf[]): unknown {
  const inner = isNonNullType(type) ? type.ofType : type;
  if (isListType(inner)) return [sample(inner.ofType, `${path}.0`, leaves)];
  if (isEnumType(inner)) return inner.getValues()[0].value as unknown;
  if (isInputObjectType(inner))
    return Object.fromEntries(
      Object.values(inner.getFields()).map((f) => [f.name, sample(f.type, `${path}.${f.name}`, leaves)]),
    );
  const name = getNamedType(inner).name;
  if (KINDS[name]) leaves.push({ path, kind: KINDS[name] });
  return name === 'ID' ? randomUUID() : (SAMPLES[name] ?? 'x');
}

/** Which subgraph resolves each root field, from the supergraph's join__field directives. */
function ownersOf(supergraph: string): Map<string, string> {
  const owners = new Map<string, string>();
  for (const definition of parse(supergraph).definitions) {
    if (definition.kind !== Kind.OBJECT_TYPE_DEFINITION) continue;
    if (!['Query', 'Mutation'].includes(definition.name.value)) continue;
    for (const field of definition.fields ?? []) {
      const join = field.directives?.find((d) => d.name.value === 'join__field');
      const graph = join?.arguments?.find((a) => a.name.value === 'graph')?.value;
      if (graph?.kind === Kind.ENUM)
        owners.set(`${definition.name.value}.${field.name.value}`, graph.value.toLowerCase());
    }
  }
  return owners;
}

function call(
  operation: 'query' | 'mutation',
  field: GraphQLField<unknown, unknown>,
  subgraph: string,
): RootFieldCall {
  const leaves: Leaf[] = [];
  const variables = Object.fromEntries(
    field.args.map((a: GraphQLArgument) => [a.name, sample(a.type, a.name, leaves)]),
  );
  const definitions = field.args.map((a) => `$${a.name}: ${a.type.toString()}`).join(', ');
  const args = field.args.map((a) => `${a.name}: $${a.name}`).join(', ');
  const selection = isLeafType(getNamedType(field.type)) ? '' : ' { __typename }';
  return {
    name: field.name,
    subgraph,
    document: `${operation}(${definitions}) { ${field.name}(${args})${selection} }`,
    variables,
    leaves,
  };
}

/** Every root field of the API that takes a text, date or timestamp somewhere in its arguments. */
export function rootFieldCalls(): RootFieldCall[] {
  const supergraph = readFileSync(SUPERGRAPH_PATH, 'utf8');
  const schema = buildSchema(apiSchemaOf(supergraph));
  const owners = ownersOf(supergraph);
  const calls: RootFieldCall[] = [];
  for (const [operation, type] of [
    ['query', schema.getQueryType()],
    ['mutation', schema.getMutationType()],
  ] as const) {
    for (const field of Object.values(type?.getFields() ?? {})) {
      const subgraph = owners.get(`${type?.name}.${field.name}`);
      if (!subgraph) continue;
      const found = call(operation, field, subgraph);
      if (found.leaves.length) calls.push(found);
    }
  }
  return calls;
}
