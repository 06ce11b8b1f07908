import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import { GraphQLError, visit, type DocumentNode } from 'graphql';
import { ErrorCode } from './errors';

// C0 control characters but tab, line feed and carriage return. PostgreSQL refuses NUL in text
// outright (the driver drops the connection), and no field of this API has a use for the others.
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;

function refuse(field: string): GraphQLError {
  return new GraphQLError(`${field}: must not contain control characters`, {
    extensions: {
      code: ErrorCode.BadUserInput,
      fields: [{ field, message: 'must not contain control characters' }],
      http: { status: 400 },
    },
  });
}

function findInValue(value: unknown, path: string): string | null {
  if (typeof value === 'string') return CONTROL.test(value) ? path : null;
  if (Array.isArray(value)) {
    for (const [i, item] of value.entries()) {
      const found = findInValue(item, `${path}.${i}`);
      if (found) return found;
    }
  } else if (value && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      const found = findInValue(item, path ? `${path}.${key}` : key);
      if (found) return found;
    }
  }
  return null;
}

function findInDocument(document: DocumentNode): string | null {
  let found: string | null = null;
  const names: string[] = [];
  visit(document, {
    Argument: { enter: (node) => void names.push(node.name.value), leave: () => void names.pop() },
    ObjectField: { enter: (node) => void names.push(node.name.value), leave: () => void names.pop() },
    StringValue: (node) => {
      if (!found && CONTROL.test(node.value)) found = names.join('.') || 'query';
    },
  });
  return found;
}

/**
 * Refuses, before anything runs, an operation whose variables or inline strings hold control
 * characters: a BAD_USER_INPUT naming the field, instead of a database error half-way through.
 */
export function controlCharacterGuard<TContext extends BaseContext>(): ApolloServerPlugin<TContext> {
  return {
    requestDidStart: async () => ({
      didResolveOperation: async ({ request, document }) => {
        const field = findInValue(request.variables ?? {}, '') ?? findInDocument(document);
        if (field) throw refuse(field);
      },
    }),
  };
}
