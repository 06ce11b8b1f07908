import { GraphQLError, type GraphQLFormattedError } from 'graphql';

/** Every error code the API returns in `extensions.code`. */
export enum ErrorCode {
  BadUserInput = 'BAD_USER_INPUT',
  NotFound = 'NOT_FOUND',
  Conflict = 'CONFLICT',
  Unauthenticated = 'UNAUTHENTICATED',
  Forbidden = 'FORBIDDEN',
  /** Another subgraph (asked through the gateway) did not answer. */
  SubgraphUnavailable = 'SUBGRAPH_UNAVAILABLE',
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

export function conflict(message: string, field?: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: ErrorCode.Conflict, ...(field ? { field } : {}) } });
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
  const code = formatted.extensions?.code;
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
