import { badUserInput } from '@switchboard/server';

/** Codes (center, team, skill): upper-case letters, digits, '-' and '_', 2-32 long. */
export const CODE_PATTERN = /^[A-Z0-9][A-Z0-9_-]{1,31}$/;
export const CODE_MESSAGE =
  'must be 2-32 characters of A-Z, 0-9, "-" or "_", starting with a letter or digit';

export { isTimeZone } from '@switchboard/subgraph-kit';

export { todayUtc } from '@switchboard/metrics';

export function requireDateOrder(
  from: string | null,
  to: string | null,
  fromField: string,
  toField: string,
): void {
  if (from && to && to < from) {
    throw badUserInput({ field: toField, message: `must not be before ${fromField} (${from})` });
  }
}

export { isUuid } from '@switchboard/subgraph-kit';

export { addDays } from '@switchboard/metrics';
