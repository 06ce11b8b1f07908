import type { ApolloServerPlugin, GraphQLRequestContext, GraphQLResponse } from '@apollo/server';
import { HeaderMap } from '@apollo/server';
import {
  astFromValue,
  BREAK,
  getVariableValues,
  GraphQLError,
  getNamedType,
  isInputObjectType,
  isLeafType,
  isListType,
  isNonNullType,
  isScalarType,
  isSpecifiedScalarType,
  OperationTypeNode,
  TypeInfo,
  typeFromAST,
  valueFromAST,
  valueFromASTUntyped,
  visit,
  visitWithTypeInfo,
  type DocumentNode,
  type GraphQLFormattedError,
  type GraphQLInputType,
  type GraphQLObjectType,
  type GraphQLSchema,
  type OperationDefinitionNode,
} from 'graphql';
import { compileQuery, isCompiledQuery, type CompiledQuery } from 'graphql-jit';

/** Operations kept compiled (by query hash and operation name); past it the oldest is dropped. */
const MAX_COMPILED = 500;

type Compiled = Pick<CompiledQuery, 'query'>;

/** Compiles one operation; null when it cannot be compiled (graphql-js runs it). */
export type QueryCompiler = (
  schema: GraphQLSchema,
  document: DocumentNode,
  operationName: string | undefined,
) => Compiled | null;

/**
 * Each custom scalar's serializer, remembering its last object and answer: a Date shared by many
 * rows (every queue's row of one half hour) is turned into text once, not once per row. Only the
 * same object is matched (never an equal one), and values are never changed after a resolver
 * returns them, so the answer is the scalar's own.
 */
export function lastObjectSerializers(schema: GraphQLSchema): Record<string, (value: unknown) => unknown> {
  const serializers: Record<string, (value: unknown) => unknown> = {};
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isScalarType(type) || isSpecifiedScalarType(type)) continue;
    let last: object | undefined;
    let answer: unknown;
    serializers[type.name] = (value) => {
      if (typeof value !== 'object' || value === null) return type.serialize(value);
      if (value !== last) {
        answer = type.serialize(value);
        last = value;
      }
      return answer;
    };
  }
  return serializers;
}

/**
 * Whether every built-in scalar (Int, Float, String, Boolean, ID) and enum leaf the document selects
 * is a field of one of `types`: object types whose resolvers give those fields their values as
 * GraphQL writes them (finite numbers, integers within Int's 32 bits, strings, booleans, an enum's
 * name, or null), so that graphql-jit may copy them as they are. A custom scalar leaf (a date) is
 * allowed anywhere: graphql-jit serializes custom scalars whatever its option says.
 */
export function leavesAlreadySerialized(
  schema: GraphQLSchema,
  document: DocumentNode,
  types: ReadonlySet<string>,
): boolean {
  if (types.size === 0) return false;
  const typeInfo = new TypeInfo(schema);
  let serialized = true;
  visit(
    document,
    visitWithTypeInfo(typeInfo, {
      Field(node) {
        if (node.name.value === '__typename') return;
        const type = getNamedType(typeInfo.getType());
        if (!type || !isLeafType(type)) return;
        if (isScalarType(type) && !isSpecifiedScalarType(type)) return;
        const parent = typeInfo.getParentType();
        if (parent && types.has(parent.name)) return;
        serialized = false;
        return BREAK;
      },
    }),
  );
  return serialized;
}

/**
 * The leaves of `rows` (values of object type `type`) that are not as GraphQL writes them: a null or
 * a missing value in a non-null field, a missing one in a nullable field (left out of the answer when
 * copied), a value its built-in scalar or enum would serialize to something else or refuse (a
 * number for a String, 1.5 or NaN for an Int, an internal enum value). What a type listed in
 * `serializedTypes` must never give; for its tests. Custom scalars are left out (always serialized).
 */
export function unserializedLeaves(
  type: GraphQLObjectType,
  rows: readonly object[],
  fieldNames: readonly string[] = Object.keys(type.getFields()),
): string[] {
  const problems: string[] = [];
  const fields = type.getFields();
  rows.forEach((row, index) => {
    const values = row as Record<string, unknown>;
    for (const name of fieldNames) {
      const field = fields[name];
      const leaf = field && getNamedType(field.type);
      if (!leaf || !isLeafType(leaf) || (isScalarType(leaf) && !isSpecifiedScalarType(leaf))) continue;
      const value = values[name];
      const at = `row ${index} ${type.name}.${name}`;
      if (value === undefined) problems.push(`${at}: missing`);
      else if (value === null) {
        if (isNonNullType(field.type)) problems.push(`${at}: null in a non-null field`);
      } else {
        let written: unknown;
        try {
          written = leaf.serialize(value);
        } catch (error) {
          written = error;
        }
        if (!Object.is(written, value)) {
          const shown = typeof value === 'string' ? JSON.stringify(value) : String(value);
          problems.push(`${at}: ${shown} (${typeof value}) is not how ${leaf.name} writes it`);
        }
      }
    }
  });
  return problems;
}

/**
 * graphql-jit, with the last-object serializers of custom scalars; an operation whose every built-in
 * scalar and enum leaf is of `serializedTypes` copies those leaves as they are (disableLeafSerialization: no
 * serializer call, nor the location and path arrays graphql-jit builds for each, per leaf of every
 * row; a year of survey stats by agent and month has 260,000), nulls still checked.
 */
export function jitCompiler(serializedTypes: ReadonlySet<string> = new Set()): QueryCompiler {
  return (schema, document, operationName) => {
    const attempt = compileQuery(schema, document, operationName, {
      customSerializers: lastObjectSerializers(schema),
      disableLeafSerialization: leavesAlreadySerialized(schema, document, serializedTypes),
    });
    return isCompiledQuery(attempt) ? attempt : null;
  };
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** `value` with the defaults of the input object fields it leaves out, as a client would write them. */
function withFieldDefaults(type: GraphQLInputType, value: unknown): unknown {
  const inner = isNonNullType(type) ? type.ofType : type;
  if (isListType(inner)) {
    return Array.isArray(value) ? value.map((item) => withFieldDefaults(inner.ofType, item)) : value;
  }
  if (!isInputObjectType(inner) || !isRecord(value)) return value;
  const filled: Record<string, unknown> = { ...value };
  for (const field of Object.values(inner.getFields())) {
    if (field.name in value) filled[field.name] = withFieldDefaults(field.type, value[field.name]);
    else if (field.defaultValue !== undefined) {
      const ast = astFromValue(field.defaultValue, field.type);
      if (ast) filled[field.name] = valueFromASTUntyped(ast);
    }
  }
  return filled;
}

/**
 * The variables with every input object's field defaults written out. graphql-jit checks a
 * non-null field before it applies the field's default (`timeZone: String! = "UTC"` left out is
 * an error there, not "UTC" as the spec and graphql-js have it).
 */
export function variablesWithDefaults(
  schema: GraphQLSchema,
  operation: OperationDefinitionNode,
  variables: Record<string, unknown>,
): Record<string, unknown> {
  const filled: Record<string, unknown> = { ...variables };
  for (const definition of operation.variableDefinitions ?? []) {
    const name = definition.variable.name.value;
    const type = typeFromAST(schema, definition.type) as GraphQLInputType | undefined;
    if (!type) continue;
    // a variable left out takes its own default (`$min: Int! = 30`), as graphql-js does; graphql-jit
    // would call a non-null one missing
    if (!(name in variables)) {
      if (!definition.defaultValue) continue;
      filled[name] = valueFromAST(definition.defaultValue, type);
    }
    if (!isInputObjectType(getNamedType(type))) continue;
    filled[name] = withFieldDefaults(type, filled[name]);
  }
  return filled;
}

/** Apollo Server's `formatError`. */
export type ErrorFormatter = (formatted: GraphQLFormattedError, error: unknown) => GraphQLFormattedError;

/**
 * A compiled run's errors as Apollo Server formats an execution's (code INTERNAL_SERVER_ERROR where
 * none is set, an `http` extension taken out and turned into the response's status, then
 * formatError), and that status.
 */
export function formatExecutionErrors(
  errors: readonly GraphQLError[],
  formatError: ErrorFormatter,
): { errors: GraphQLFormattedError[]; status: number | undefined } {
  let status: number | undefined;
  const formatted = errors.map((error) => {
    const { http, ...extensions }: Record<string, unknown> = {
      ...error.extensions,
      code: error.extensions?.code ?? 'INTERNAL_SERVER_ERROR',
    };
    const httpStatus = (http as { status?: unknown } | undefined)?.status;
    if (typeof httpStatus === 'number') status = httpStatus;
    return formatError({ ...error.toJSON(), extensions }, error);
  });
  return { errors: formatted, status };
}

export interface CompiledQueriesOptions {
  /** The server's formatError, applied to a compiled run's errors. */
  formatError?: ErrorFormatter;
  compile?: QueryCompiler;
  /**
   * Object types whose built-in scalar and enum fields are answered as GraphQL writes them (see
   * leavesAlreadySerialized): an operation selecting no other such leaf copies them as they are.
   */
  serializedTypes?: readonly string[];
}

/**
 * Runs a subgraph's queries through graphql-jit: each operation is compiled once into plain
 * JavaScript that walks its selection, and later runs of it skip graphql-js's per-field machinery.
 * That machinery is most of the time of a large flat answer (tens of thousands of rows of leaf
 * fields, as BI tools pull them). The same schema and resolvers answer; only the walk differs.
 *
 * Each operation runs once (issue 17): what graphql-js would refuse before running anything (a bad
 * variable) is left to it, decided before the compiled run; a compiled run that ends with errors (a
 * resolver's, a null in a non-null field) is answered with them, formatted as Apollo Server formats
 * an execution's (formatError, HTTP status), never run again. Mutations and subscriptions always go
 * to graphql-js.
 */
export function compiledQueries<TContext extends object>(
  options: CompiledQueriesOptions = {},
): ApolloServerPlugin<TContext> {
  const compile = options.compile ?? jitCompiler(new Set(options.serializedTypes));
  const formatError = options.formatError ?? ((formatted) => formatted);
  const compiled = new Map<string, Compiled | null>();

  const compiledFor = (context: GraphQLRequestContext<TContext>): Compiled | null => {
    const { document, schema, queryHash, operationName } = context;
    if (!document || !queryHash) return null;
    const key = `${queryHash}|${operationName ?? ''}`;
    const known = compiled.get(key);
    if (known !== undefined) {
      // Map keeps insertion order: moving a used entry to the end makes the first one the oldest.
      compiled.delete(key);
      compiled.set(key, known);
      return known;
    }
    let result: Compiled | null = null;
    try {
      result = compile(schema, document, operationName ?? undefined);
    } catch {
      // Whatever graphql-jit cannot compile, graphql-js runs.
      result = null;
    }
    if (compiled.size >= MAX_COMPILED) compiled.delete(compiled.keys().next().value as string);
    compiled.set(key, result);
    return result;
  };

  return {
    async requestDidStart() {
      return {
        async responseForOperation(context): Promise<GraphQLResponse | null> {
          if (context.operation?.operation !== OperationTypeNode.QUERY) return null;
          const query = compiledFor(context);
          if (!query) return null;
          const given = context.request.variables ?? {};
          // Bad variables: graphql-js refuses them (HTTP 400, its text) before any resolver runs.
          const coerced = getVariableValues(
            context.schema,
            context.operation.variableDefinitions ?? [],
            given,
          );
          if (coerced.errors) return null;
          const variables = variablesWithDefaults(context.schema, context.operation, given);
          const result = await query.query(undefined, context.contextValue, variables);
          const data = (result.data ?? null) as Record<string, unknown> | null;
          if (!result.errors?.length) {
            return {
              http: { headers: new HeaderMap(), status: undefined },
              body: { kind: 'single', singleResult: { data } },
            };
          }
          const formatted = formatExecutionErrors(result.errors, formatError);
          return {
            http: { headers: new HeaderMap(), status: formatted.status },
            body: { kind: 'single', singleResult: { errors: formatted.errors, data } },
          };
        },
      };
    },
  };
}
