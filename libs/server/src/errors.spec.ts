import { GraphQLError } from 'graphql';
import { badUserInput, flattenValidationErrors, formatGraphQLError } from './errors';

describe('error formatting', () => {
  it('names every field of a bad input', () => {
    const error = badUserInput([
      { field: 'code', message: 'is taken' },
      { field: 'timeZone', message: 'is not a time zone' },
    ]);
    expect(error.message).toBe('code: is taken; timeZone: is not a time zone');
    expect(error.extensions).toEqual({
      code: 'BAD_USER_INPUT',
      fields: [
        { field: 'code', message: 'is taken' },
        { field: 'timeZone', message: 'is not a time zone' },
      ],
    });
  });

  it('flattens nested class-validator errors into dotted paths', () => {
    const problems = flattenValidationErrors([
      { property: 'name', constraints: { isLength: 'name too short' } },
      {
        property: 'skills',
        children: [
          { property: '0', children: [{ property: 'proficiency', constraints: { max: 'too high' } }] },
        ],
      },
    ]);
    expect(problems).toEqual([
      { field: 'name', message: 'name too short' },
      { field: 'skills.0.proficiency', message: 'too high' },
    ]);
  });

  it("turns type-graphql's argument validation error into BAD_USER_INPUT naming the field", () => {
    const formatted = formatGraphQLError(
      {
        message: 'Argument Validation Error',
        extensions: {
          code: 'BAD_USER_INPUT',
          validationErrors: [{ property: 'email', constraints: { isEmail: 'email must be an email' } }],
        },
      },
      new GraphQLError('Argument Validation Error'),
    );
    expect(formatted).toEqual({
      message: 'email: email must be an email',
      extensions: { code: 'BAD_USER_INPUT', fields: [{ field: 'email', message: 'email must be an email' }] },
    });
  });

  it('passes client errors through and hides everything else', () => {
    const client = { message: 'Cannot query field', extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } };
    expect(formatGraphQLError(client, new GraphQLError('x'))).toBe(client);
    const logged: unknown[] = [];
    const hidden = formatGraphQLError(
      {
        message: 'relation "agent" does not exist',
        path: ['agents'],
        extensions: { code: 'INTERNAL_SERVER_ERROR', stacktrace: ['at pg'] },
      },
      new Error('relation "agent" does not exist'),
      (e) => logged.push(e),
    );
    expect(hidden).toEqual({
      message: 'Internal server error',
      path: ['agents'],
      locations: undefined,
      extensions: { code: 'INTERNAL_SERVER_ERROR' },
    });
    expect(logged).toHaveLength(1);
  });

  it.each([
    [
      'an administrator terminating the session (57P01)',
      Object.assign(new Error('terminating connection'), { code: '57P01' }),
    ],
    ['a connection failure (08006)', Object.assign(new Error('connection failure'), { code: '08006' })],
    ['a dropped socket', new Error('Connection terminated unexpectedly')],
  ])('reports %s as DATABASE_UNAVAILABLE, retryable, without internals', (_case, cause) => {
    const formatted = formatGraphQLError(
      { message: cause.message, path: ['ingestContacts'], extensions: { code: 'INTERNAL_SERVER_ERROR' } },
      new GraphQLError(cause.message, { originalError: cause }),
    );
    expect(formatted.extensions).toEqual({ code: 'DATABASE_UNAVAILABLE' });
    expect(formatted.message).toContain('Retry');
    expect(formatted.message).not.toContain(cause.message);
  });
});

describe('variable errors (issue 17: bad input names the field)', () => {
  const format = (message: string) =>
    formatGraphQLError({ message, extensions: { code: 'BAD_USER_INPUT' } }, new GraphQLError(message));

  it('names the input field of an invalid variable value', () => {
    const message =
      'Variable "$filter" got invalid value "2026-02-30" at "filter.from"; Expected type "DateTimeISO". Invalid date';
    expect(format(message).extensions).toEqual({
      code: 'BAD_USER_INPUT',
      fields: [{ field: 'filter.from', message: 'Expected type "DateTimeISO". Invalid date' }],
    });
  });

  it('names the variable itself when the whole value is wrong or missing', () => {
    expect(
      format('Variable "$d" got invalid value "x"; Expected type "LocalDate".').extensions?.fields,
    ).toEqual([{ field: 'd', message: 'Expected type "LocalDate".' }]);
    expect(format('Variable "$no" of required type "String!" was not provided.').extensions?.fields).toEqual([
      { field: 'no', message: 'of required type "String!" was not provided.' },
    ]);
  });
});
