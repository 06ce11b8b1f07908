import { badUserInput, notFound } from '@switchboard/server';

export const centerErrors = {
  notFound: (id: string) => notFound('Center', 'id', id),
  codeTaken: (code: string) =>
    badUserInput({ field: 'code', message: `"${code}" is already used by another center` }),
  temporaryNeedsStart: () =>
    badUserInput({ field: 'activeFrom', message: 'is required for a TEMPORARY center (the day it opens)' }),
  unknownReference: (field: string, id: string) =>
    badUserInput({ field, message: `no center with id "${id}"` }),
};
