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

/** Whether any string in `value` holds one: a walk without the paths (most requests have none). */
function anyInValue(value: unknown): boolean {
  if (typeof value === 'string') return CONTROL.test(value);
  if (Array.isArray(value)) return value.some(anyInValue);
  if (value && typeof value === 'object') {
    for (const key in value) if (anyInValue((value as Record<string, unknown>)[key])) return true;
  }
  return false;
}

/** The path of the first string holding one (its field's name in the refusal). */
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

/** Documents already looked at (Apollo keeps one parsed document per distinct query text). */
const documentsSeen = new WeakMap<DocumentNode, string | null>();

function findInDocument(document: DocumentNode): string | null {
  const seen = documentsSeen.get(document);
  if (seen !== undefined) return seen;
  const found = findInDocumentText(document);
  documentsSeen.set(document, found);
  return found;
}

function findInDocumentText(document: DocumentNode): string | null {
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
        const variables = request.variables ?? {};
        const field = (anyInValue(variables) ? findInValue(variables, '') : null) ?? findInDocument(document);
        if (field) throw refuse(field);
      },
    }),
  };
}
