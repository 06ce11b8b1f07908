import { GraphQLLocalDate as LibraryLocalDate } from 'graphql-scalars';
import { GraphQLError, GraphQLScalarType, Kind } from 'graphql';
import { FIRST_YEAR, LAST_YEAR } from './csv-records';

function inRange(value: string): string {
  const year = Number(value.slice(0, 4));
  if (year < FIRST_YEAR || year > LAST_YEAR) {
    throw new GraphQLError(`must be a date between ${FIRST_YEAR} and ${LAST_YEAR}`);
  }
  return value;
}

/**
 * `LocalDate` (YYYY-MM-DD, graphql-scalars) held to years a person's records can have: the
 * library takes year 0000, which PostgreSQL then refuses half-way through a request.
 */
export const GraphQLLocalDate = new GraphQLScalarType<string, string>({
  name: LibraryLocalDate.name,
  description: LibraryLocalDate.description,
  specifiedByURL: LibraryLocalDate.specifiedByURL,
  serialize: (value) => LibraryLocalDate.serialize(value) as string,
  parseValue: (value) => inRange(LibraryLocalDate.parseValue(value) as string),
  parseLiteral: (node, variables) => {
    if (node.kind !== Kind.STRING) return LibraryLocalDate.parseLiteral(node, variables) as string;
    return inRange(LibraryLocalDate.parseLiteral(node, variables) as string);
  },
  extensions: LibraryLocalDate.extensions,
});
