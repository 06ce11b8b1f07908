/** Codes (course, exam, skill): upper-case letters, digits, '-' and '_', 2-32 long. */
export const CODE_PATTERN = /^[A-Z0-9][A-Z0-9_-]{1,31}$/;
export const CODE_MESSAGE =
  'must be 2-32 characters of A-Z, 0-9, "-" or "_", starting with a letter or digit';

export const EMPLOYEE_NO_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_-]{0,31}$/;
export const EMPLOYEE_NO_MESSAGE = 'must be 1-32 letters, digits, "-" or "_"';

export { isUuid } from '@switchboard/subgraph-kit';
