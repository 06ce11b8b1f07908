/** Codes (scorecard, criterion, section, category): upper-case letters, digits, '-' and '_'. */
export const CODE_PATTERN = /^[A-Z0-9][A-Z0-9_-]{0,31}$/;
export const CODE_MESSAGE =
  'must be 1-32 characters of A-Z, 0-9, "-" or "_", starting with a letter or digit';
export const EMPLOYEE_NO_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_-]{0,31}$/;
export const EMPLOYEE_NO_MESSAGE = 'must be 1-32 letters, digits, "-" or "_"';

export { isUuid } from '@switchboard/subgraph-kit';

export { checkPeriod, MAX_PERIOD_DAYS } from '@switchboard/subgraph-kit';
