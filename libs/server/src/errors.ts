import { GraphQLError, type GraphQLFormattedError } from 'graphql';

/** Every error code the API returns in `extensions.code`. */
export enum ErrorCode {
  BadUserInput = 'BAD_USER_INPUT',
  NotFound = 'NOT_FOUND',
  Conflict = 'CONFLICT',
  Unauthenticated = 'UNAUTHENTICATED',
  Forbidden = 'FORBIDDEN',
  /** A service this one depends on (another subgraph, through the gateway) did not answer. */
  SubgraphUnavailable = 'SUBGRAPH_UNAVAILABLE',
  /** The database connection was lost mid-request: what the request had not committed was rolled back; retry. */
  DatabaseUnavailable = 'DATABASE_UNAVAILABLE',
  /** A database statement ran past its limit (DATABASE_STATEMENT_TIMEOUT_MS) and was cancelled; ask for less. */
  QueryTimeout = 'QUERY_TIMEOUT',
  /** The query would cost more than its budget (rows, page sizes, nested lists); refused before it ran. */
  QueryTooCostly = 'QUERY_TOO_COSTLY',
  Internal = 'INTERNAL_SERVER_ERROR',
}

export interface FieldProblem {
  field: string;
  message: string;
}

/** Bad input: the message names the field, `extensions.fields` lists every problem found. */
export function badUserInput(problems: FieldProblem[] | FieldProblem): GraphQLError {
  const list = Array.isArray(problems) ? problems : [problems];
  const message = list.map((p) => `${p.field}: ${p.message}`).join('; ');
  return new GraphQLError(message, { extensions: { code: ErrorCode.BadUserInput, fields: list } });
}

export function notFound(entity: string, field: string, value: string): GraphQLError {
  return new GraphQLError(`${entity} with ${field} "${value}" does not exist`, {
    extensions: { code: ErrorCode.NotFound, entity, field, value },
  });
}

/** A state that forbids the change; with a field, the message starts with it (as badUserInput's do). */
export function conflict(message: string, field?: string): GraphQLError {
  return new GraphQLError(field ? `${field}: ${message}` : message, {
    extensions: { code: ErrorCode.Conflict, ...(field ? { field } : {}) },
  });
}

interface ValidationErrorLike {
  property: string;
  constraints?: Record<string, string>;
  children?: ValidationErrorLike[];
}

/** Flattens class-validator errors into `path.to.field: reason` problems. */
export function flattenValidationErrors(errors: ValidationErrorLike[], prefix = ''): FieldProblem[] {
  return errors.flatMap((error) => {
    const field = prefix ? `${prefix}.${error.property}` : error.property;
    const own = Object.values(error.constraints ?? {}).map((message) => ({ field, message }));
    return [...own, ...flattenValidationErrors(error.children ?? [], field)];
  });
}

function isValidationErrorList(value: unknown): value is ValidationErrorLike[] {
  return (
    Array.isArray(value) &&
    value.every((item) => typeof item === 'object' && item !== null && 'property' in item)
  );
}

const knownCodes = new Set<string>(Object.values(ErrorCode));
const clientCodes = new Set<string>([
  ErrorCode.BadUserInput,
  'GRAPHQL_VALIDATION_FAILED',
  'GRAPHQL_PARSE_FAILED',
  'BAD_REQUEST',
  'PERSISTED_QUERY_NOT_FOUND',
  'OPERATION_RESOLUTION_FAILURE',
]);

/**
 * PostgreSQL's connection-exception (08) and operator-intervention (57P) classes, a dropped socket,
 * or a pooled client that died with it, anywhere along the error's chain of causes (MikroORM wraps
 * the driver's error).
 */
function isConnectionLoss(error: unknown, depth = 0): boolean {
  if (!error || typeof error !== 'object' || depth > 5) return false;
  const { code, sqlState, name, message, cause, previous } = error as Record<string, unknown>;
  for (const value of [code, sqlState])
    if (typeof value === 'string' && (/^08/.test(value) || /^57P0[1-3]$/.test(value))) return true;
  if (typeof code === 'string' && ['ECONNRESET', 'EPIPE', 'ECONNREFUSED'].includes(code)) return true;
  if (name === 'ConnectionException') return true;
  if (
    typeof message === 'string' &&
    /Connection terminated|Connection ended unexpectedly|terminating connection|not queryable/i.test(message)
  )
    return true;
  return isConnectionLoss(cause, depth + 1) || isConnectionLoss(previous, depth + 1);
}

/** PostgreSQL's query_canceled (57014): what `statement_timeout` raises, anywhere along the causes. */
function isStatementTimeout(error: unknown, depth = 0): boolean {
  if (!error || typeof error !== 'object' || depth > 5) return false;
  const { code, sqlState, cause, previous } = error as Record<string, unknown>;
  if (code === '57014' || sqlState === '57014') return true;
  return isStatementTimeout(cause, depth + 1) || isStatementTimeout(previous, depth + 1);
}

/** A refusal of a query whose estimated cost is over `limit`; the message names the argument. */
export function queryTooCostly(
  field: string,
  message: string,
  details: Record<string, number> = {},
): GraphQLError {
  return new GraphQLError(`${field}: ${message}`, {
    extensions: { code: ErrorCode.QueryTooCostly, field, ...details },
  });
}

/**
 * The field a variable error of graphql-js names: `Variable "$filter" got invalid value "x" at
 * "filter.from"; ...` names `filter.from`, `Variable "$no" of required type ...` names `no`.
 */
export function variableProblem(message: string): FieldProblem | null {
  const match =
    /^Variable "\$([^"]+)" (?:got invalid value .*? at "([^"]+)"; |got invalid value .*?; |)(.*)$/s.exec(
      message,
    );
  if (!match) return null;
  const [, variable, path, reason] = match;
  return { field: path ?? variable, message: reason };
}

/** A BAD_USER_INPUT of graphql-js's variable coercion with `extensions.fields` naming the field. */
export function withVariableFields(formatted: GraphQLFormattedError): GraphQLFormattedError {
  if (formatted.extensions?.code !== ErrorCode.BadUserInput || formatted.extensions.fields) return formatted;
  const problem = variableProblem(formatted.message);
  return problem ? { ...formatted, extensions: { ...formatted.extensions, fields: [problem] } } : formatted;
}

/**
 * Apollo `formatError`: type-graphql argument validation becomes BAD_USER_INPUT naming each field;
 * anything without a known code becomes INTERNAL_SERVER_ERROR with no internals leaked.
 */
export function formatGraphQLError(
  formatted: GraphQLFormattedError,
  error: unknown,
  onInternal?: (error: unknown) => void,
): GraphQLFormattedError {
  // type-graphql's ArgumentValidationError carries class-validator's errors in its extensions.
  const original = error instanceof GraphQLError ? (error.originalError ?? error) : error;
  const details =
    formatted.extensions?.validationErrors ??
    (original as { extensions?: { validationErrors?: unknown } } | undefined)?.extensions?.validationErrors;
  if (isValidationErrorList(details)) {
    const fields = flattenValidationErrors(details);
    return {
      ...formatted,
      message: fields.map((p) => `${p.field}: ${p.message}`).join('; '),
      extensions: { code: ErrorCode.BadUserInput, fields },
    };
  }
  if (isConnectionLoss(original)) {
    onInternal?.(error);
    return {
      message:
        'The database connection was lost; what this request had not committed was rolled back. Retry.',
      locations: formatted.locations,
      path: formatted.path,
      extensions: { code: ErrorCode.DatabaseUnavailable },
    };
  }
  if (isStatementTimeout(original)) {
    onInternal?.(error);
    return {
      message:
        'The database statement ran longer than its limit and was cancelled; nothing was changed. ' +
        'Ask for less (a shorter period, a coarser granularity, fewer groups).',
      locations: formatted.locations,
      path: formatted.path,
      extensions: { code: ErrorCode.QueryTimeout },
    };
  }
  const code = formatted.extensions?.code;
  if (code === ErrorCode.BadUserInput) return withVariableFields(formatted);
  if (
    typeof code === 'string' &&
    code !== ErrorCode.Internal &&
    (knownCodes.has(code) || clientCodes.has(code))
  ) {
    return formatted;
  }
  onInternal?.(error);
  return {
    message: 'Internal server error',
    locations: formatted.locations,
    path: formatted.path,
    extensions: { code: ErrorCode.Internal },
  };
}
