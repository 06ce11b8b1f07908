import { GraphQLError } from 'graphql';

/** No valid credentials: HTTP 401, `extensions.code` UNAUTHENTICATED, nothing about why beyond a hint. */
export function unauthenticated(message = 'A valid bearer token is required'): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'UNAUTHENTICATED', http: { status: 401 } } });
}

/** Valid credentials that do not allow this: `extensions.code` FORBIDDEN. */
export function forbidden(message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'FORBIDDEN' } });
}

/** Reads `Authorization: Bearer <token>`; undefined when absent or malformed. */
export function bearerToken(header: string | string[] | undefined): string | undefined {
  const value = Array.isArray(header) ? header[0] : header;
  const match = /^Bearer\s+([A-Za-z0-9._~+/=-]+)$/i.exec(value?.trim() ?? '');
  return match?.[1];
}
